package cli

import (
	"os"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"
)

// listCell is one cell of the list's table; path cells are shortened in
// the middle (the end tells files apart), the others at the end.
type tableCell struct {
	text string
	path bool
}

// termWidth is the width of the terminal the output goes to, 0 when it is
// not a terminal (a pipe, a file: the table is then printed whole).
func (a *cli) termWidth() int {
	f, ok := a.stdout.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}

// fitTable shortens the cells of lines so that each line, its columns
// padded and gap apart, fits width: the widest column gives way first,
// none below its minimum (mins, by column; 10 where not given). width 0
// leaves them whole.
func fitTable(lines [][]tableCell, width, gap int, mins ...int) {
	if width <= 0 || len(lines) == 0 {
		return
	}
	cols := len(lines[0])
	widths := make([]int, cols)
	for _, l := range lines {
		for i, c := range l {
			widths[i] = max(widths[i], utf8.RuneCountInString(c.text))
		}
	}
	minOf := func(i int) int {
		if i < len(mins) {
			return mins[i]
		}
		return 10
	}
	for {
		total := gap * (cols - 1)
		widest, next := -1, 0 // the widest column that can give way, and the width of the next
		for i, w := range widths {
			total += w
			switch {
			case w > minOf(i) && (widest < 0 || w > widths[widest]):
				if widest >= 0 {
					next = max(next, widths[widest])
				}
				widest = i
			case w > next && (widest < 0 || w <= widths[widest]):
				next = w
			}
		}
		if total <= width || widest < 0 {
			break
		}
		// The widest gives way down to the next one's width at most, so
		// that the columns end even rather than one crushed.
		m := minOf(widest)
		widths[widest] = max(next, widths[widest]-(total-width), m)
		if widths[widest] == next && next > m {
			widths[widest] = max(m, next-1)
		}
	}
	for _, l := range lines {
		for i := range l {
			l[i].text = shorten(l[i].text, widths[i], l[i].path)
		}
	}
}

// shorten cuts s to n runes with an ellipsis: in the middle when middle is
// set, else at the end, between words where one ends near the cut.
func shorten(s string, n int, middle bool) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	if middle {
		head := (n - 1) / 2
		return string(r[:head]) + "…" + string(r[len(r)-(n-1-head):])
	}
	if i := strings.LastIndex(s, " ["); i > 0 && strings.HasSuffix(s, "]") {
		// A mark such as [archived] stays whole; the title gives way.
		if mark := s[i:]; utf8.RuneCountInString(mark)+4 <= n {
			return shorten(s[:i], n-utf8.RuneCountInString(mark), false) + mark
		}
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i >= len(cut)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}
