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

// WrapWords wraps plain text to lines of w cells at its plain spaces only:
// never at a hyphen or a dot, so a file name or a word stays whole (a
// no-break space, U+00A0, holds two words together). A word wider than w
// stays whole on its own line. Line breaks already in s are kept.
func WrapWords(s string, w int) string {
	if w < 1 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lw := "", 0
		for _, word := range unbreakable(strings.Split(para, " ")) {
			ww := lipgloss.Width(word)
			switch {
			case lw == 0 && line == "":
				line, lw = word, ww
			case lw+1+ww <= w:
				line, lw = line+" "+word, lw+1+ww
			default:
				out = append(out, line)
				line, lw = word, ww
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// unbreakable joins to its word the French punctuation a space stands
// before ("fichiers ?", "offre :") and the word after "«": a line never
// begins with "? (o/n)" (a QA run at 80 columns).
func unbreakable(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		n := len(out)
		switch {
		case n > 0 && (w == "?" || w == "!" || w == ":" || w == ";" || w == "»" || strings.HasSuffix(out[n-1], "«")):
			out[n-1] += " " + w
		default:
			out = append(out, w)
		}
	}
	return out
}

// FitPath shortens a file's path to w cells keeping its file name, which
// tells files apart: folders give way first ("content/en/…/name.md"),
// then the middle of the name (FitMiddle).
func FitPath(p string, w int) string {
	if lipgloss.Width(p) <= w {
		return p
	}
	i := strings.LastIndex(p, "/")
	if i < 0 || w < 3 {
		return FitMiddle(p, w)
	}
	dir, base := p[:i+1], p[i+1:]
	room := w - lipgloss.Width(base) - len("…/")
	if room < 0 {
		return "…/" + FitMiddle(base, w-2)
	}
	keep := ""
	for j := range dir {
		if dir[j] == '/' && lipgloss.Width(dir[:j+1]) <= room {
			keep = dir[:j+1]
		}
	}
	return keep + "…/" + base
}

// Wrap wraps text to w cells between words only (ansi.Wrap also breaks
// after a hyphen, which cuts keys, file and branch names); a word wider
// than the line alone is cut. A line's indentation is kept.
func Wrap(s string, w int) string {
	w = max(1, w)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		body := strings.TrimLeft(para, " ")
		indent := para[:len(para)-len(body)]
		wrapped := strings.Split(WrapWords(body, max(1, w-len(indent))), "\n")
		wrapped[0] = indent + wrapped[0]
		for _, l := range wrapped {
			if ansi.StringWidth(l) > w {
				l = ansi.Hardwrap(l, w, true)
			}
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
