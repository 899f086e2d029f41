package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// diffKeys are the keys of the diff: the scroll keys of every view, and
// back.
type diffKeys struct {
	scrollKeys
	Back key.Binding
}

func newDiffKeys(tr *i18n.Tr) diffKeys {
	return diffKeys{scrollKeys: newScrollKeys(tr), Back: common.Bind([]string{"esc", "q"}, "esc", tr.UI.Back)}
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
	if k.scroll(&d.vp, msg) {
		return nil
	}
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
		if key.Matches(msg, k.Back) {
			return func() tea.Msg { return backMsg{} }
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
	return [][]key.Binding{{k.Back, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}
