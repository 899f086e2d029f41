package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// Files that must come back byte for byte when loaded and written unchanged.
var roundTripCases = map[string]string{
	"plain":          "---\ntitle: Developer\narchived: false\n---\nBody\n",
	"quoting":        "---\ntitle: 'Single'\ndescription: \"Double \\\"q\\\"\"\nlayout: plain\n---\n",
	"comments":       "---\n# heading comment\ntitle: A   # trailing\n\n# between\narchived: true\n---\nx",
	"folded":         "---\ndescription: >-\n  Folded text\n  on two lines\n\n\n\narchived: true\n---\n",
	"literal":        "---\ndescription: |\n  # not a comment\n  line\ntitle: T\n---\n",
	"multiline":      "---\ntitle: a plain\n  scalar on two lines\narchived: false\n---\n",
	"unknown keys":   "---\naliases:\n  - /a\n  - /b\nweight: 3\ntitle: T\n---\n",
	"trailing space": "---\ntitle: T   \narchived: false \n---\n  \n",
	"bom":            "\xEF\xBB\xBF---\ntitle: T\n---\nbody",
	"crlf":           "---\r\ntitle: T\r\narchived: false\r\n---\r\nbody\r\n",
	"no final eol":   "---\ntitle: T\n---\nbody without newline",
	"empty body":     "---\ntitle: T\n---",
	"empty fm":       "---\n---\n",
	"toml":           "+++\ntitle = \"T\"\narchived = false # note\ntags = ['a', 'b']\n\n[params]\nx = 1\n+++\nbody\n",
	"toml literal":   "+++\ntitle = 'Lit'\ndescription = \"\"\"\nmulti\nline\"\"\"\n+++\n",
}

func TestRoundTripSynthetic(t *testing.T) {
	for name, in := range roundTripCases {
		t.Run(name, func(t *testing.T) {
			d, err := Parse([]byte(in))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := string(d.Bytes()); got != in {
				t.Fatalf("round trip changed the file:\n got %q\nwant %q", got, in)
			}
		})
	}
}

func TestValues(t *testing.T) {
	d, err := Parse([]byte(roundTripCases["folded"]))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.String("description"); got != "Folded text on two lines" {
		t.Errorf("description = %q", got)
	}
	if v, ok := d.Bool("archived"); !ok || !v {
		t.Errorf("archived = %v, %v", v, ok)
	}
	d, _ = Parse([]byte(roundTripCases["toml"]))
	if d.String("title") != "T" || d.Format() != FormatTOML {
		t.Errorf("toml title = %q format %s", d.String("title"), d.Format())
	}
	if got := strings.Join(d.Keys(), ","); got != "title,archived,tags" {
		t.Errorf("toml keys = %s", got)
	}
}

// changedLines returns the lines of a that differ from b, positionally, when
// both have the same number of lines.
func diffLines(a, b string) (removed, added []string) {
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	// Trim the common prefix and suffix: what is left is the change.
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	j := 0
	for j < len(al)-i && j < len(bl)-i && al[len(al)-1-j] == bl[len(bl)-1-j] {
		j++
	}
	return al[i : len(al)-j], bl[i : len(bl)-j]
}

func TestSurgicalEdits(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		edit    func(*Document) error
		removed []string
		added   []string
	}{
		{"archived one line", "---\ntitle: T\narchived: false\nx: 1\n---\nb\n",
			func(d *Document) error { return d.SetBool("archived", true) },
			[]string{"archived: false\n"}, []string{"archived: true\n"}},
		{"archived keeps comment", "---\narchived: false   # why\n---\n",
			func(d *Document) error { return d.SetBool("archived", true) },
			[]string{"archived: false   # why\n"}, []string{"archived: true   # why\n"}},
		{"plain title stays plain", "---\ntitle: Old\nz: 1\n---\n",
			func(d *Document) error { return d.SetString("title", "New title") },
			[]string{"title: Old\n"}, []string{"title: New title\n"}},
		{"single stays single", "---\ntitle: 'Old '\n---\n",
			func(d *Document) error { return d.SetString("title", "It's new") },
			[]string{"title: 'Old '\n"}, []string{"title: 'It''s new'\n"}},
		{"double stays double", "---\ntitle: \"Old\"\n---\n",
			func(d *Document) error { return d.SetString("title", "Say \"hi\"") },
			[]string{"title: \"Old\"\n"}, []string{"title: \"Say \\\"hi\\\"\"\n"}},
		{"colon must be quoted", "---\ntitle: Old\n---\n",
			func(d *Document) error { return d.SetString("title", "Dev: Ops") },
			[]string{"title: Old\n"}, []string{"title: 'Dev: Ops'\n"}},
		{"hash must be quoted", "---\ntitle: Old\n---\n",
			func(d *Document) error { return d.SetString("title", "#1 job") },
			[]string{"title: Old\n"}, []string{"title: '#1 job'\n"}},
		{"leading quote", "---\ntitle: Old\n---\n",
			func(d *Document) error { return d.SetString("title", "'quoted' start") },
			[]string{"title: Old\n"}, []string{"title: '''quoted'' start'\n"}},
		{"bool-like string quoted", "---\ntitle: Old\n---\n",
			func(d *Document) error { return d.SetString("title", "true") },
			[]string{"title: Old\n"}, []string{"title: 'true'\n"}},
		{"folded block rewritten alone", "---\ntitle: T\ndescription: >-\n  Old text\n  more\n\narchived: true\n---\n",
			func(d *Document) error { return d.SetString("description", "New text") },
			[]string{"  Old text\n", "  more\n"}, []string{"  New text\n"}},
		{"add missing field at end", "---\ntitle: T\n# last comment\n---\nbody\n",
			func(d *Document) error { return d.SetString("leverId", "9f8e6fae-63c8-4b9d-86f9-a366b32d4fbe") },
			nil, []string{"leverId: 9f8e6fae-63c8-4b9d-86f9-a366b32d4fbe\n"}},
		{"remove field", "---\ntitle: T\nleverId: x\narchived: true\n---\n",
			func(d *Document) error { return d.Delete("leverId") },
			[]string{"leverId: x\n"}, nil},
		{"multi-line plain rewritten", "---\ntitle: two\n  lines\nx: 1\n---\n",
			func(d *Document) error { return d.SetString("title", "one") },
			[]string{"title: two\n", "  lines\n"}, []string{"title: one\n"}},
		{"crlf new line keeps crlf", "---\r\ntitle: T\r\n---\r\n",
			func(d *Document) error { return d.SetBool("archived", true) },
			nil, []string{"archived: true\r\n"}},
		{"key case as in the file", "---\nTranslationKey: old\n---\n",
			func(d *Document) error { return d.SetString("translationKey", "new") },
			[]string{"TranslationKey: old\n"}, []string{"TranslationKey: new\n"}},
		{"toml bool", "+++\ntitle = \"T\"\narchived = false # note\n+++\n",
			func(d *Document) error { return d.SetBool("archived", true) },
			[]string{"archived = false # note\n"}, []string{"archived = true # note\n"}},
		{"toml literal string", "+++\ntitle = 'Old'\n+++\n",
			func(d *Document) error { return d.SetString("title", "New") },
			[]string{"title = 'Old'\n"}, []string{"title = 'New'\n"}},
		{"toml quote falls back", "+++\ntitle = 'Old'\n+++\n",
			func(d *Document) error { return d.SetString("title", "It's") },
			[]string{"title = 'Old'\n"}, []string{"title = \"It's\"\n"}},
		{"toml add field before tables", "+++\ntitle = 'T'\n[params]\nx = 1\n+++\n",
			func(d *Document) error { return d.SetBool("archived", true) },
			nil, []string{"archived = true\n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if err := c.edit(d); err != nil {
				t.Fatal(err)
			}
			out := string(d.Bytes())
			removed, added := diffLines(c.in, out)
			if strings.Join(removed, "") != strings.Join(c.removed, "") || strings.Join(added, "") != strings.Join(c.added, "") {
				t.Fatalf("edit changed\n-%q\n+%q\nwant\n-%q\n+%q\nresult:\n%s", removed, added, c.removed, c.added, out)
			}
			if _, err := Parse([]byte(out)); err != nil {
				t.Fatalf("result does not parse: %v", err)
			}
		})
	}
}

func TestEditValueReadsBack(t *testing.T) {
	values := []string{"plain", "with: colon", "#hash", "'quote", "\"dq\"", "multi\nline", "tab\there", "  lead", "trail  ",
		"null", "123", "yes", "- dash", "ünïcödé ’ «»", "a\\b", "", "\x1b[31mred", "[list]", "{map}", "key: value # c", "%percent", "@at", "`tick`"}
	inputs := []string{
		"---\ntitle: Old\ndescription: >-\n  Old\n---\n",
		"---\ntitle: 'Old'\ndescription: \"Old\"\n---\n",
		"---\ntitle: |\n  Old\ndescription: Old\n  two\n---\n",
		"+++\ntitle = 'Old'\ndescription = \"Old\"\n+++\n",
	}
	for _, in := range inputs {
		for _, v := range values {
			for _, key := range []string{"title", "description", "newkey"} {
				d, err := Parse([]byte(in))
				if err != nil {
					t.Fatal(err)
				}
				if err := d.SetString(key, v); err != nil {
					t.Errorf("%q set %s=%q: %v", in, key, v, err)
					continue
				}
				d2, err := Parse(d.Bytes())
				if err != nil {
					t.Errorf("%q set %s=%q: result does not parse: %v\n%s", in, key, v, err, d.Bytes())
					continue
				}
				if got, _ := d2.Value(key); got != v {
					t.Errorf("%q set %s=%q: reads back %q\n%s", in, key, v, got, d.Bytes())
				}
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name        string
		in          string
		unsupported bool
		format      Format
		line        int
	}{
		{"unclosed", "---\ntitle: T\nbody\n", false, FormatYAML, 1},
		{"bad yaml", "---\ntitle: T\ndescription: 'unclosed\narchived: true\n---\n", false, FormatYAML, 0},
		{"bad indentation", "---\ntitle: T\n  - x\n  y: : z\n---\n", false, FormatYAML, 0},
		{"not a mapping", "---\n- a\n- b\n---\n", false, FormatYAML, 2},
		{"scalar", "---\njust text\n---\n", false, FormatYAML, 2},
		{"duplicate key", "---\ntitle: A\ntitle: B\n---\n", false, FormatYAML, 0},
		{"not utf-8", "---\ntitle: \xff\n---\n", false, FormatNone, 2},
		{"json", "{\n\"title\": \"T\"\n}\nbody", true, FormatJSON, 1},
		{"none", "# Just markdown\n", true, FormatNone, 1},
		{"bad toml", "+++\ntitle = \n+++\n", false, FormatTOML, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.Unsupported != c.unsupported || pe.Format != c.format {
				t.Errorf("got %+v", pe)
			}
			if c.line > 0 && pe.Line != c.line {
				t.Errorf("line = %d, want %d (%s)", pe.Line, c.line, pe.Reason)
			}
			if pe.Line < 1 || (!pe.Unsupported && pe.Reason == "") {
				t.Errorf("no position or reason: %+v", pe)
			}
		})
	}
}

func TestBadYAMLLineIsFileLine(t *testing.T) {
	in := "---\ntitle: T\ndescription: x\nbad: [unclosed\narchived: true\n---\n"
	_, err := Parse([]byte(in))
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatal(err)
	}
	// The error is near file line 4 ("bad: [unclosed"), counted in the
	// file, not from the front matter's first line. (yaml reports the line
	// where the construct began for some errors, hence the range.)
	if pe.Line < 3 || pe.Line > 5 {
		t.Errorf("line = %d (%s), want 3 to 5", pe.Line, pe.Reason)
	}
}

func TestBOMAndCRLFEdit(t *testing.T) {
	in := "\xEF\xBB\xBF---\r\ntitle: 'T'\r\narchived: false\r\n---\r\nbody\r\n"
	d, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetBool("archived", true); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(in, "archived: false", "archived: true", 1)
	if !bytes.Equal(d.Bytes(), []byte(want)) {
		t.Fatalf("got %q want %q", d.Bytes(), want)
	}
}
