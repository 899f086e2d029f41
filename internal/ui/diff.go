package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// diffKeys are the keys of the diff.
type diffKeys struct {
	Back, Up, Down, PageUp, PageDown key.Binding
}

func newDiffKeys(tr *i18n.Tr) diffKeys {
	t, b := &tr.UI, common.Bind
	return diffKeys{
		Back:     b([]string{"esc", "q"}, "esc", t.Back),
		Up:       b([]string{"up", "k"}, "↑/k", t.Up),
		Down:     b([]string{"down", "j"}, "↓/j", t.Down),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", t.PageUp),
		PageDown: b([]string{"pgdown", "ctrl+f"}, "pgdn", t.PageDown),
	}
}

// diffPane shows what changed in the selected group's files since the
// last commit, in a bubbles viewport: each file under its name, each
// stretch under its line number, a changed line compared word by word
// with the line it replaces, everything wrapped to the width (diffview.go).
type diffPane struct {
	c     *common.Common
	keys  diffKeys
	files []app.FileDiff
	width int
	vp    viewport.Model
}

func newDiffPane(c *common.Common) *diffPane {
	return &diffPane{c: c, keys: newDiffKeys(c.Tr), vp: viewport.New()}
}

func (d *diffPane) SetSize(w, h int) {
	d.width = w
	d.vp.SetWidth(w)
	d.vp.SetHeight(h)
	d.fill()
}

// SetFiles shows the changes from their top.
func (d *diffPane) SetFiles(files []app.FileDiff) {
	d.files = files
	d.fill()
	d.vp.GotoTop()
}

func (d *diffPane) fill() { d.vp.SetContentLines(d.lines(max(20, d.width))) }

func (d *diffPane) Update(msg tea.Msg) tea.Cmd {
	k := d.keys
	switch msg := msg.(type) {
	case contextMsg:
		d.keys = newDiffKeys(d.c.Tr)
		d.fill()
	case diffMsg:
		if msg.err == nil && len(msg.files) > 0 {
			d.SetFiles(msg.files)
			return send(openDiffMsg{})
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			return func() tea.Msg { return backMsg{} }
		case key.Matches(msg, k.Up):
			d.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			d.vp.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			d.vp.PageUp()
		case key.Matches(msg, k.PageDown):
			d.vp.PageDown()
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			d.vp.ScrollUp(3)
		} else if msg.Button == tea.MouseWheelDown {
			d.vp.ScrollDown(3)
		}
	}
	return nil
}

func (d *diffPane) View() string { return d.vp.View() }

func (d *diffPane) ShortHelp() []key.Binding {
	return []key.Binding{d.keys.Back, d.keys.Up, d.keys.Down}
}

func (d *diffPane) FullHelp() [][]key.Binding {
	k := d.keys
	return [][]key.Binding{{k.Back, k.Up, k.Down, k.PageUp, k.PageDown}}
}
