package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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

// FitMiddle shortens plain text to w cells by giving up its middle to
// "…": both ends of a file name stay, where two names differ
// ("développeur-de-l…-covid--9d96.md").
func FitMiddle(s string, w int) string {
	width := lipgloss.Width(s)
	if width <= w {
		return s
	}
	if w < 2 {
		return FitLine(s, w)
	}
	tail := (w - 1) / 2
	head := w - 1 - tail
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, width-tail, "")
}
