package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/ui/common"
)

// helpScreen shows every key of the view it covers, in groups (bubbles
// help); any key closes it. It also draws the footer's one-line help.
type helpScreen struct {
	c      *common.Common
	model  help.Model
	groups [][]key.Binding
}

func newHelpScreen(c *common.Common) *helpScreen { return &helpScreen{c: c, model: help.New()} }

func (h *helpScreen) SetSize(w, _ int) { h.model.SetWidth(w) }

// Show sets the keys to list.
func (h *helpScreen) Show(groups [][]key.Binding) { h.groups = groups }

func (h *helpScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return send(backMsg{})
	}
	return nil
}

func (h *helpScreen) View() string {
	out := h.c.Styles.Title.Render(h.c.Tr.UI.HelpTitle) + "\n\n"
	if h.c.Width >= 120 {
		return out + h.model.FullHelpView(h.groups)
	}
	// Narrow: two columns of key groups at a time, so nothing is cut.
	for i := 0; i < len(h.groups); i += 2 {
		out += h.model.FullHelpView(h.groups[i:min(i+2, len(h.groups))]) + "\n\n"
	}
	return out
}

// Short is the footer's help line.
func (h *helpScreen) Short(binds []key.Binding) string { return h.model.ShortHelpView(binds) }
