package model

import "testing"

// Old Mac line endings (a lone CR) end lines for YAML but not for the line
// model: the values read, an edit is refused, nothing panics (found by
// FuzzFrontMatter).
func TestLoneCarriageReturn(t *testing.T) {
	data := []byte("---\ntitle: A\rarchived: false\n---\nBody\n")
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Value("archived"); got != false {
		t.Errorf("archived = %#v", got)
	}
	if err := d.SetBool("archived", true); err == nil {
		got, _ := Parse(d.Bytes())
		if v, _ := got.Value("archived"); v != true {
			t.Errorf("edit accepted but reads back %#v: %q", v, d.Bytes())
		}
	}
	if err := d.SetString("title", "B"); err == nil {
		got, _ := Parse(d.Bytes())
		if v, _ := got.Value("title"); v != "B" {
			t.Errorf("edit accepted but reads back %#v: %q", v, d.Bytes())
		}
	}
}
