package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A user test: a long status broke inside keys and branch names after a
// hyphen ("accessibility-" / "specialist"). The footer wraps between
// words only; a word wider than the line alone is cut.
func TestFooterWrapsBetweenWordsOnly(t *testing.T) {
	text := "Proposed on jobtui/archive-accessibility-specialist: Archive posting accessibility-specialist: Accessibility Specialist / Spécialiste de l’accessibilité."
	plain := func(s ...string) string { return strings.Join(s, " ") }
	for w := 24; w <= 80; w++ {
		lines := wrapLines(text, w, 20, plain)
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d a line of %d: %q", w, ansi.StringWidth(l), l)
			}
		}
		if got := strings.Join(lines, " "); got != text && w >= 40 { // the longest word, the branch, fits
			t.Errorf("at %d the words are not kept whole:\n%q", w, lines)
		}
	}
	long := strings.Repeat("x", 30)
	for _, l := range wrapLines(long, 12, 5, plain) {
		if ansi.StringWidth(l) > 12 {
			t.Errorf("a word wider than the line is not cut: %q", l)
		}
	}
}
