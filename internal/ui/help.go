package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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

// footerKeys are the keys of the footer's help line, in three parts.
type footerKeys struct {
	lead []key.Binding // always shown, first (esc back in a view)
	rest []key.Binding // shown while they fit whole, in this order
	tail []key.Binding // always shown, last (? help, q quit)
}

// Short is the footer's help line for a width. It degrades in a planned
// order, so that the way out and the help stay readable at any width:
//  1. the lead and the tail are always there (? help and q quit in the
//     list, esc back and ? help in a view, esc in a form or the filter);
//  2. between them, the other keys in the order the view lists them
//     (most needed first), each whole or not at all: the first one that
//     does not fit is dropped with all after it;
//  3. never a key cut in the middle of its word.
func (h *helpScreen) Short(k footerKeys, w int) string {
	m := h.model
	m.SetWidth(0) // measured here, never cut by bubbles
	line := func(rest []key.Binding) string {
		all := append(append(append([]key.Binding{}, k.lead...), rest...), k.tail...)
		return m.ShortHelpView(all)
	}
	n := 0
	for n < len(k.rest) && lipgloss.Width(line(k.rest[:n+1])) <= w {
		n++
	}
	return line(k.rest[:n])
}
