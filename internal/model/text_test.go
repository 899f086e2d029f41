package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestEditableTextRoundTrips(t *testing.T) {
	for _, c := range []struct {
		in        string
		multiline bool
		shown     string
	}{
		{"Dev\x1b\a lead", false, "Dev␛␇ lead"},
		{"a\tb", false, "a␉b"},
		{"one\r\ntwo\tthree", true, "one␍\ntwo␉three"},
		{"one\ntwo", false, "one␊two"},
		{"\u202eevil\u0085", false, "«U+202E»evil«U+0085»"},
		{"del\x7f", true, "del␡"},
		{"plain « guillemets » and U+0041", false, "plain « guillemets » and U+0041"},
		{"", false, ""},
	} {
		got := EditableText(c.in, c.multiline)
		if got != c.shown {
			t.Errorf("EditableText(%q) = %q, want %q", c.in, got, c.shown)
		}
		if back := FromEditable(got); back != c.in {
			t.Errorf("FromEditable(%q) = %q, want %q", got, back, c.in)
		}
		for _, r := range got {
			if r != '\n' && needsPlaceholder(r, true) || r == '\t' || r == '\r' {
				t.Errorf("EditableText(%q) shows %U", c.in, r)
			}
		}
	}
	// The placeholder characters themselves cannot be told apart.
	if EditableReversible("a ␛ b", false) || !EditableReversible("a \x1b b", false) {
		t.Error("EditableReversible")
	}
	// Random text of controls, tabs, line breaks and letters round-trips.
	alphabet := []rune("ab é\t\r\n\x00\x1b\x7f\u0085\u200f\u2066«»U+0123")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, ml := range []bool{false, true} {
			if back := FromEditable(EditableText(s, ml)); back != s {
				t.Fatalf("%q (multiline %v) -> %q -> %q", s, ml, EditableText(s, ml), back)
			}
		}
	}
}
