package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// renderedMsg carries a posting body rendered by Glamour.
type renderedMsg struct {
	key  string
	text string
}

// renderKey names a rendering in the cache: the file, its content and the
// width and style it was rendered for.
func renderKey(p *model.Posting, width int, style string) string {
	return fmt.Sprintf("%s\x00%x\x00%d\x00%s", p.Path, p.Hash[:8], width, style)
}

// glamourStyle picks explicit Glamour styles: no detection while Bubble Tea
// owns the terminal.
func glamourStyle(c *Common) (ansi.StyleConfig, string) {
	switch {
	case c.NoColor || c.Accessible:
		return styles.NoTTYStyleConfig, "plain"
	case c.Dark:
		return styles.DarkStyleConfig, "dark"
	}
	return styles.LightStyleConfig, "light"
}

// RenderMarkdown renders a body at a width with a style; text from the file
// is made safe first, so that it cannot drive the terminal.
func RenderMarkdown(body string, width int, style ansi.StyleConfig) string {
	safe := model.SafeText(body, true)
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width))
	if err != nil {
		return safe
	}
	out, err := r.Render(safe)
	if err != nil {
		return safe
	}
	return strings.Trim(out, "\n")
}

// renderCmd renders in the background: a long posting must not block keys.
func renderCmd(k, body string, width int, style ansi.StyleConfig) tea.Cmd {
	return func() tea.Msg {
		return renderedMsg{key: k, text: RenderMarkdown(body, width, style)}
	}
}

// previewPane shows one group: its problems, then English and French side
// by side (one language at a time below 100 columns).
type previewPane struct {
	c       *Common
	row     *row
	probs   []model.Problem
	width   int
	height  int
	single  int // the language shown in narrow mode: 0 or 1
	offset  [2]int
	sync    bool
	cache   map[string]string
	pending map[string]bool
}

func newPreviewPane(c *Common) *previewPane {
	return &previewPane{c: c, sync: true, cache: map[string]string{}, pending: map[string]bool{}}
}

func (p *previewPane) SetSize(w, h int) { p.width, p.height = w, h }

func (p *previewPane) twoColumns() bool { return p.width >= 100 && !p.c.Accessible }

func (p *previewPane) colWidth() int {
	if p.twoColumns() {
		return (p.width - 3) / 2
	}
	return p.width
}

// show sets the group and returns the renderings it still needs.
func (p *previewPane) show(r *row, probs []model.Problem) tea.Cmd {
	if p.row == nil || r == nil || p.row.id != r.id {
		p.offset = [2]int{}
	}
	p.row, p.probs = r, probs
	return p.renderMissing()
}

// renderMissing starts the renderings of the shown files not yet cached.
func (p *previewPane) renderMissing() tea.Cmd {
	if p.row == nil {
		return nil
	}
	style, name := glamourStyle(p.c)
	w := max(20, p.colWidth()-2)
	var cmds []tea.Cmd
	for _, side := range [][]*model.Posting{p.row.left, p.row.right} {
		for _, f := range side {
			if !f.Readable() {
				continue
			}
			k := renderKey(f, w, name)
			if _, ok := p.cache[k]; ok || p.pending[k] {
				continue
			}
			p.pending[k] = true
			cmds = append(cmds, renderCmd(k, string(f.Body()), w, style))
		}
	}
	return tea.Batch(cmds...)
}

func (p *previewPane) Update(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	switch msg := msg.(type) {
	case renderedMsg:
		p.cache[msg.key] = msg.text
		delete(p.pending, msg.key)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			p.scroll(-1)
		case key.Matches(msg, k.Down):
			p.scroll(1)
		case key.Matches(msg, k.PageUp):
			p.scroll(-p.bodyHeight())
		case key.Matches(msg, k.PageDown):
			p.scroll(p.bodyHeight())
		case key.Matches(msg, k.Top):
			p.offset = [2]int{}
		case key.Matches(msg, k.Bottom):
			p.scroll(1 << 20)
		case key.Matches(msg, k.SwitchLang):
			p.single = 1 - p.single
		case key.Matches(msg, k.SyncScroll):
			p.sync = !p.sync
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			p.scroll(-3)
		} else if msg.Button == tea.MouseWheelDown {
			p.scroll(3)
		}
	}
	return nil
}

// scroll moves both columns together, or only the focused one.
func (p *previewPane) scroll(n int) {
	for i := range p.offset {
		if !p.sync && p.twoColumns() && i != p.single {
			continue
		}
		p.offset[i] = max(0, min(p.offset[i]+n, max(0, len(p.column(i))-p.bodyHeight())))
	}
}

// problemLines lists the group's problems above the bodies.
func (p *previewPane) problemLines() []string {
	if len(p.probs) == 0 {
		return nil
	}
	s := p.c.Styles
	lines := []string{s.PaneTitle.Render(p.c.Tr.UI.Problems)}
	for _, pr := range p.probs {
		mark, st := "⚠", s.Warning
		if pr.Severity == model.SeverityError {
			mark, st = "✗", s.Error
		}
		lang := ""
		if pr.Lang != "" {
			lang = "[" + pr.Lang + "] "
		}
		lines = append(lines, st.Render(fitLine(mark+" "+lang+pr.Code+": "+sanitizeLine(i18n.ProblemText(p.c.Tr, pr)), p.width)))
	}
	return append(lines, "")
}

func (p *previewPane) bodyHeight() int {
	h := p.height - len(p.problemLines())
	if !p.twoColumns() {
		h--
	}
	return max(1, h)
}

// column is the whole text of one language's side, one string per line.
func (p *previewPane) column(i int) []string {
	if p.row == nil {
		return nil
	}
	side := p.row.left
	if i == 1 {
		side = p.row.right
	}
	s, t := p.c.Styles, &p.c.Tr.UI
	w := p.colWidth()
	if len(side) == 0 {
		return []string{s.Missing.Render(t.Missing)}
	}
	_, style := glamourStyle(p.c)
	var lines []string
	for n, f := range side {
		if n > 0 {
			lines = append(lines, "", strings.Repeat("─", w))
		}
		lines = append(lines, s.PaneTitle.Render(fitLine(sanitizeLine(f.Title), w)))
		lines = append(lines, s.Dim.Render(fitLine(sanitizeLine(f.Path), w)))
		if !f.Readable() {
			lines = append(lines, s.Error.Render(t.Broken))
			continue
		}
		state := s.Open.Render(t.Open)
		if f.Archived {
			state = s.Archived.Render(t.Archived)
		}
		meta := state
		for _, kv := range [][2]string{{"translationKey", f.TranslationKey}, {"leverId", f.LeverID}} {
			if kv[1] != "" {
				meta += s.Dim.Render(" · " + kv[0] + ": " + sanitizeLine(kv[1]))
			}
		}
		lines = append(lines, fitLine(meta, w))
		if f.Description != "" {
			for _, dl := range strings.Split(lipgloss.NewStyle().Width(w).Render(sanitizeLine(f.Description)), "\n") {
				lines = append(lines, s.Dim.Render(dl))
			}
		}
		lines = append(lines, "")
		body, ok := p.cache[renderKey(f, max(20, w-2), style)]
		if !ok {
			lines = append(lines, s.Dim.Render(t.Rendering))
			continue
		}
		if strings.TrimSpace(body) == "" {
			body = s.Dim.Render(t.NoBody)
		}
		for _, bl := range strings.Split(body, "\n") {
			lines = append(lines, fitLine(bl, w))
		}
	}
	return lines
}

func (p *previewPane) View() string {
	if p.row == nil {
		return ""
	}
	var b strings.Builder
	for _, l := range p.problemLines() {
		b.WriteString(l + "\n")
	}
	h := p.bodyHeight()
	window := func(i int) []string {
		col := p.column(i)
		off := min(p.offset[i], max(0, len(col)-1))
		col = col[off:]
		if len(col) > h {
			col = col[:h]
		}
		for len(col) < h {
			col = append(col, "")
		}
		return col
	}
	if p.twoColumns() {
		w := p.colWidth()
		left, right := window(0), window(1)
		for i := 0; i < h; i++ {
			b.WriteString(pad(left[i], w) + " │ " + right[i])
			if i < h-1 {
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	lang := i18n.LangName(p.c.Tr, p.lang(p.single))
	b.WriteString(p.c.Styles.Dim.Render(fitLine(strings.ReplaceAll(p.c.Tr.UI.OneLanguage, "{lang}", lang), p.width)) + "\n")
	b.WriteString(strings.Join(window(p.single), "\n"))
	return b.String()
}

func (p *previewPane) lang(i int) string {
	if p.row == nil {
		return ""
	}
	side := p.row.left
	if i == 1 {
		side = p.row.right
	}
	if len(side) > 0 {
		return side[0].Lang
	}
	if i == 0 {
		return "en"
	}
	return "fr"
}

func (p *previewPane) ShortHelp() []key.Binding  { return p.c.Keys.previewShort() }
func (p *previewPane) FullHelp() [][]key.Binding { return p.c.Keys.previewFull() }
