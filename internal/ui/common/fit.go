package common

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// FitWords shortens plain text to w cells at a word boundary, with an
// ellipsis: a status, a question or a problem code is never cut in the
// middle of a word. A single word wider than w is cut (FitLine).
func FitWords(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	return FitAt(s, w, " ")
}

// FitAt shortens s to w cells at the last of seps that leaves room for
// the ellipsis ("missing-translation" at "-" gives "missing-…"); with no
// such place, s is cut as FitLine does.
func FitAt(s string, w int, seps string) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	best := -1
	for i, r := range s {
		if strings.ContainsRune(seps, r) && lipgloss.Width(s[:i+len(string(r))])+1 <= w {
			best = i + len(string(r))
		}
	}
	if best <= 0 {
		return FitLine(s, w)
	}
	return strings.TrimRight(s[:best], " ") + "…"
}
