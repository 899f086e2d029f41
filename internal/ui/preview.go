package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
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
func glamourStyle(c *common.Common) (ansi.StyleConfig, string) {
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

// previewKeys are the keys of the preview.
type previewKeys struct {
	scrollKeys
	Back, SwitchLang, SyncScroll, NextFile key.Binding
}

func newPreviewKeys(tr *i18n.Tr) previewKeys {
	t, b := &tr.UI, common.Bind
	return previewKeys{
		scrollKeys: newScrollKeys(tr),
		Back:       b([]string{"esc", "q"}, "esc", t.Back),
		SwitchLang: b([]string{"tab"}, "tab", t.SwitchLang),
		SyncScroll: b([]string{"y"}, "y", t.SyncScroll),
		NextFile:   b([]string{"f"}, "f", tr.Flow.NextFile),
	}
}

// previewPane shows one group: its problems, then English and French side
// by side (one language at a time below 100 columns), each language in a
// bubbles viewport.
type previewPane struct {
	c       *common.Common
	keys    previewKeys
	row     *row
	probs   []model.Problem
	width   int
	height  int
	single  int      // the language shown in narrow mode: 0 or 1
	file    [2]int   // in each language, the file chosen (f) among several
	starts  [2][]int // in each column, the line each file starts at
	sync    bool
	cols    [2]viewport.Model
	cache   map[string]string
	pending map[string]bool
}

func newPreviewPane(c *common.Common) *previewPane {
	p := &previewPane{c: c, keys: newPreviewKeys(c.Tr), sync: true, cache: map[string]string{}, pending: map[string]bool{}}
	for i := range p.cols {
		p.cols[i] = viewport.New()
	}
	return p
}

func (p *previewPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.fill()
}

func (p *previewPane) twoColumns() bool { return p.width >= 100 && !p.c.Accessible }

func (p *previewPane) colWidth() int {
	if p.twoColumns() {
		return (p.width - 3) / 2
	}
	return p.width
}

// Side is the language a key acts on: the one shown in narrow mode.
func (p *previewPane) Side() int { return p.single }

// Show sets the group and returns the renderings it still needs.
func (p *previewPane) Show(r *row, probs []model.Problem) tea.Cmd {
	same := p.row != nil && r != nil && p.row.ID == r.ID
	p.row, p.probs = r, probs
	p.fill()
	if !same {
		p.file = [2]int{}
		for i := range p.cols {
			p.cols[i].GotoTop()
		}
	}
	return p.RenderMissing()
}

// fill gives the viewports their size and text (after a change of group,
// size, rendering, language or colours).
func (p *previewPane) fill() {
	for i := range p.cols {
		p.cols[i].SetWidth(p.colWidth())
		p.cols[i].SetHeight(p.bodyHeight())
		p.cols[i].SetContentLines(p.column(i))
	}
}

// RenderMissing starts the renderings of the shown files not yet cached.
func (p *previewPane) RenderMissing() tea.Cmd {
	if p.row == nil {
		return nil
	}
	style, name := glamourStyle(p.c)
	w := max(20, p.colWidth()-2)
	var cmds []tea.Cmd
	for _, f := range p.row.Files() {
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
	return tea.Batch(cmds...)
}

func (p *previewPane) Update(msg tea.Msg) tea.Cmd {
	if p.keys.scroll(p, msg) {
		return nil
	}
	switch msg := msg.(type) {
	case renderedMsg:
		p.cache[msg.key] = msg.text
		delete(p.pending, msg.key)
		p.fill()
	case contextMsg:
		p.keys = newPreviewKeys(p.c.Tr)
		p.fill()
		return p.RenderMissing()
	case tea.KeyPressMsg:
		return p.key(msg)
	}
	return nil
}

func (p *previewPane) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.SwitchLang):
		p.single = 1 - p.single
	case key.Matches(msg, k.SyncScroll):
		p.sync = !p.sync
	case key.Matches(msg, k.NextFile):
		p.nextFile()
	}
	return nil
}

// The preview scrolls (scrollKeys.scroll) both columns together, or,
// unlinked (y), only the focused one: every scroll key alike, g and G
// too.
func (p *previewPane) ScrollUp(n int)   { p.scroll(-n) }
func (p *previewPane) ScrollDown(n int) { p.scroll(n) }
func (p *previewPane) PageUp()          { p.scroll(-p.bodyHeight()) }
func (p *previewPane) PageDown()        { p.scroll(p.bodyHeight()) }
func (p *previewPane) GotoBottom() []string {
	p.scroll(1 << 20)
	return nil
}
func (p *previewPane) GotoTop() []string {
	p.scroll(-(1 << 20))
	return nil
}

// scroll moves both columns together, or only the focused one.
func (p *previewPane) scroll(n int) {
	for i := range p.cols {
		if !p.sync && p.twoColumns() && i != p.single {
			continue
		}
		if n < 0 {
			p.cols[i].ScrollUp(-n)
		} else {
			p.cols[i].ScrollDown(n)
		}
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
		for _, l := range wrapAtMost(mark+" "+lang+i18n.ProblemName(p.c.Tr, pr.Code)+i18n.Colon(p.c.Tr)+common.SafeLine(i18n.ProblemText(p.c.Tr, pr)), p.width, 3) {
			lines = append(lines, st.Render(l))
		}
	}
	return append(lines, "")
}

// bodyHeight leaves a line above the bodies: the language shown (narrow)
// or the columns' headers (wide).
func (p *previewPane) bodyHeight() int { return bodyHeight(p.height, p.problemLines()) }

// bodyHeight is the bodies' height under the problem lines probs in a
// pane of height h (View has the lines already: they are built once).
func bodyHeight(h int, probs []string) int { return max(1, h-len(probs)-1) }

// columnHeaders name the two languages over the wide preview, and show
// the state tab and y change: the column chosen (the keys act on its
// language, and it alone scrolls when y unlinks the columns) and how the
// columns scroll.
func (p *previewPane) columnHeaders() string {
	s, t, w := p.c.Styles, p.c.Tr, p.colWidth()
	var cells [2]string
	for i := range cells {
		name := capitalize(i18n.LangName(t, p.lang(i)))
		if i != p.single {
			cells[i] = s.Dim.Render(common.FitLine("  "+name, w))
			continue
		}
		scroll := t.Views.ScrollTogether
		if !p.sync {
			scroll = t.Views.ScrollAlone
		}
		cells[i] = s.PaneTitle.Render(i18n.F(t.Views.PreviewChosen, "lang", name)) + s.Dim.Render(p.fileNote(i)+" · "+scroll)
		cells[i] = common.FitLine(cells[i], w)
	}
	return common.Pad(cells[0], w) + " │ " + cells[1]
}

// column is the whole text of one language's side, one string per line.
func (p *previewPane) column(i int) []string {
	if p.row == nil {
		return nil
	}
	side := p.side(i)
	s, t := p.c.Styles, &p.c.Tr.UI
	if len(side) == 0 {
		return []string{s.Missing.Render(t.Missing)}
	}
	var lines []string
	p.starts[i] = p.starts[i][:0]
	for n, f := range side {
		if n > 0 {
			lines = append(lines, "", strings.Repeat("─", p.colWidth()))
		}
		p.starts[i] = append(p.starts[i], len(lines))
		fl := p.fileLines(f)
		if len(side) > 1 && n == p.file[i] { // the file the keys act on
			fl[0] = common.FitLine(s.Marked.Render("▶ ")+fl[0], p.colWidth())
		}
		lines = append(lines, fl...)
	}
	return lines
}

// fileLines are one file's title, path, state, description and body.
func (p *previewPane) fileLines(f *model.Posting) []string {
	s, t, w := p.c.Styles, &p.c.Tr.UI, p.colWidth()
	lines := []string{
		s.PaneTitle.Render(common.FitLine(common.SafeLine(f.Title), w)),
		s.Dim.Render(common.FitPath(common.SafeLine(f.Path), w)), // the name tells files apart
	}
	if !f.Readable() {
		return append(lines, s.Error.Render(t.Broken))
	}
	meta := s.Open.Render(t.Open)
	if f.Archived {
		meta = s.Archived.Render(t.Archived)
	}
	for _, kv := range [][2]string{{"translationKey", f.TranslationKey}, {"leverId", f.LeverID}} {
		if kv[1] != "" {
			meta += s.Dim.Render(" · " + kv[0] + ": " + common.SafeLine(kv[1]))
		}
	}
	lines = append(lines, common.FitLine(meta, w))
	if f.Description != "" {
		for _, dl := range strings.Split(lipgloss.NewStyle().Width(w).Render(common.SafeLine(f.Description)), "\n") {
			lines = append(lines, s.Dim.Render(dl))
		}
	}
	lines = append(lines, "")
	_, style := glamourStyle(p.c)
	body, ok := p.cache[renderKey(f, max(20, w-2), style)]
	if !ok {
		return append(lines, s.Dim.Render(t.Rendering))
	}
	if strings.TrimSpace(body) == "" {
		body = s.Dim.Render(t.NoBody)
	}
	for _, bl := range strings.Split(body, "\n") {
		lines = append(lines, common.FitLine(bl, w))
	}
	return lines
}

func (p *previewPane) View() string {
	if p.row == nil {
		return ""
	}
	var b strings.Builder
	probs := p.problemLines()
	for _, l := range probs {
		b.WriteString(l + "\n")
	}
	h := bodyHeight(p.height, probs)
	window := func(i int) []string {
		col := strings.Split(p.cols[i].View(), "\n")
		for len(col) < h {
			col = append(col, "")
		}
		return col[:h]
	}
	if p.twoColumns() {
		w := p.colWidth()
		b.WriteString(p.columnHeaders() + "\n")
		left, right := window(0), window(1)
		for i := 0; i < h; i++ {
			b.WriteString(common.Pad(left[i], w) + " │ " + right[i])
			if i < h-1 {
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	lang, note := i18n.LangName(p.c.Tr, p.lang(p.single)), p.fileNote(p.single)
	head := i18n.F(p.c.Tr.UI.OneLanguage, "lang", lang) + note
	if lipgloss.Width(head) > p.width { // the file's number before the tab hint (a QA run at 60 columns: "fichier 1 s…")
		head = i18n.F(p.c.Tr.UI.OneLanguageShort, "lang", lang) + note
	}
	b.WriteString(p.c.Styles.Dim.Render(common.FitLine(head, p.width)) + "\n")
	b.WriteString(strings.Join(window(p.single), "\n"))
	return b.String()
}

func (p *previewPane) lang(i int) string {
	if p.row == nil {
		return ""
	}
	side := p.side(i)
	if len(side) > 0 {
		return side[0].Lang
	}
	if i == 0 {
		return "en"
	}
	return "fr"
}

// ShortHelp and FullHelp are the preview's own keys; the root adds the
// actions and the global keys.
func (p *previewPane) ShortHelp() []key.Binding {
	if len(p.side(p.single)) > 1 {
		return []key.Binding{p.keys.Back, p.keys.NextFile, p.keys.SwitchLang}
	}
	return []key.Binding{p.keys.Back, p.keys.Up, p.keys.Down, p.keys.SwitchLang}
}

func (p *previewPane) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Back, k.SwitchLang, k.SyncScroll, k.NextFile},
	}
}
