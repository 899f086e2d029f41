package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The diff's drawing. Each line starts with a sign that says what it is,
// readable without colour: two spaces for a line that stayed, "~" for a
// changed line (its words: removed struck out and added underlined, or
// [-removed-]{+added+} without colour), "-" for a removed line, "+" for an
// added one. Long lines wrap, with the same sign on each screen line.

// span is a piece of text and how it looks.
type span struct {
	text  string
	style *lipgloss.Style // nil: as it is
}

// lines draws the files for a width of w cells.
func (d *diffPane) lines(w int) []string {
	s, t := d.c.Styles, d.c.Tr
	var out []string
	if len(d.files) > 0 {
		legend := t.Review.Legend
		if d.c.NoColor {
			legend = t.Review.LegendPlain
		}
		out = append(out, s.Dim.Render(common.FitLine(legend, w)))
	}
	for _, f := range d.files {
		name := common.SafeLine(f.Path)
		switch {
		case f.New:
			name += " (" + t.Views.DiffNew + ")"
		case f.Deleted:
			name += " (" + t.Views.DiffDeleted + ")"
		}
		title := s.PaneTitle
		out = append(out, "")
		out = append(out, wrapSpans([]span{{name, &title}}, w)...)
		for _, h := range f.Hunks {
			out = append(out, s.Dim.Render(i18n.F(t.Views.DiffAtLine, "line", strconv.Itoa(h.Line))))
			for _, p := range h.Parts {
				out = append(out, d.part(p, w)...)
			}
		}
	}
	return out
}

// part draws lines that stayed, or a change, each line behind its sign.
func (d *diffPane) part(p app.DiffPart, w int) []string {
	s := d.c.Styles
	if p.Changes == nil {
		dim := s.Dim
		return signed("  ", []span{{p.Context, &dim}}, w)
	}
	removed := lipgloss.NewStyle().Strikethrough(true).Inherit(s.Error)
	added := lipgloss.NewStyle().Underline(true).Inherit(s.Open)
	var spans []span
	ops := map[app.ChangeOp]bool{}
	for _, c := range p.Changes {
		ops[c.Op] = true
	}
	sign, marks := "~ ", true
	switch {
	case !ops[app.Added] && !ops[app.Same]:
		sign, marks = "- ", false
	case !ops[app.Removed] && !ops[app.Same]:
		sign, marks = "+ ", false
	}
	for _, c := range p.Changes {
		text := c.Text
		if c.Op != app.Same && strings.TrimSpace(text) == "" {
			text = strings.NewReplacer(" ", "·", "\t", "→", "\n", "↵\n").Replace(text)
		}
		// Spaces around changed words stay outside the marks:
		// "French. {+Extra words.+}".
		lead, trail := "", ""
		if c.Op != app.Same {
			core := strings.TrimRight(strings.TrimLeft(text, " "), " ")
			lead, trail = text[:strings.Index(text, core)], text[strings.Index(text, core)+len(core):]
			text = core
		}
		spans = append(spans, span{lead, nil})
		switch {
		case c.Op == app.Same:
			spans = append(spans, span{text, nil})
		case c.Op == app.Removed && d.c.NoColor && marks:
			spans = append(spans, span{"[-" + text + "-]", nil})
		case c.Op == app.Added && d.c.NoColor && marks:
			spans = append(spans, span{"{+" + text + "+}", nil})
		case c.Op == app.Removed:
			spans = append(spans, span{text, &removed})
		default:
			spans = append(spans, span{text, &added})
		}
		spans = append(spans, span{trail, nil})
	}
	return signed(sign, spans, w)
}

// signed wraps spans to the width left by the sign, and puts the sign in
// front of every line.
func signed(sign string, spans []span, w int) []string {
	lines := wrapSpans(spans, max(8, w-len(sign)))
	for i, l := range lines {
		lines[i] = sign + l
	}
	return lines
}

// wrapSpans folds styled text to w cells: words whole where they fit, cut
// where one alone is wider; a line break starts a new line; each screen
// line carries its own styles, so that none leaks into the next.
func wrapSpans(spans []span, w int) []string {
	var out []string
	var line strings.Builder
	var piece strings.Builder // the text of the current span on this line
	var cur *lipgloss.Style
	width := 0
	endPiece := func() {
		if piece.Len() > 0 {
			if cur != nil {
				line.WriteString(cur.Render(piece.String()))
			} else {
				line.WriteString(piece.String())
			}
			piece.Reset()
		}
	}
	newLine := func() {
		endPiece()
		out = append(out, line.String())
		line.Reset()
		width = 0
	}
	for _, sp := range spans {
		endPiece()
		cur = sp.style
		text := strings.ReplaceAll(model.SafeText(sp.text, true), "\t", "    ")
		for i, para := range strings.Split(text, "\n") {
			if i > 0 {
				newLine()
			}
			for _, tok := range splitWords(para) {
				tw := lipgloss.Width(tok)
				if width+tw > w && width > 0 {
					newLine()
					if strings.TrimSpace(tok) == "" {
						continue // the space at a fold
					}
				}
				for tw > w { // a word wider than the line
					head := cutCells(tok, w-width)
					piece.WriteString(head)
					tok = tok[len(head):]
					tw = lipgloss.Width(tok)
					newLine()
				}
				piece.WriteString(tok)
				width += tw
			}
		}
	}
	endPiece()
	if line.Len() > 0 || len(out) == 0 {
		out = append(out, line.String())
	}
	return out
}

// splitWords cuts a line into words and runs of spaces.
func splitWords(s string) []string {
	var out []string
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || (s[i] == ' ') != (s[i-1] == ' ') {
			out = append(out, s[start:i])
			start = i
		}
	}
	return out
}

// cutCells is the longest start of s that fits in w cells (at least one
// character).
func cutCells(s string, w int) string {
	n := 0
	for i, r := range s {
		if i > 0 && n+lipgloss.Width(string(r)) > w {
			return s[:i]
		}
		n += lipgloss.Width(string(r))
	}
	return s
}
