package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// huhChild is a huh form held by the root (STYLE.md: huh forms as
// children): every message is forwarded, esc cancels, and the root watches
// Done and Aborted. The app's forms embed it.
type huhChild struct {
	c    *Common
	form *huh.Form
}

// newHuhForm builds a form with the app's settings.
func newHuhForm(c *Common, groups ...*huh.Group) huhChild {
	return huhChild{c: c, form: huh.NewForm(groups...).WithShowHelp(false).WithAccessible(c.Accessible).
		WithTheme(huh.ThemeFunc(huh.ThemeBase16)).WithWidth(min(c.Width, 100))}
}

func (h *huhChild) Init() tea.Cmd { return h.form.Init() }

func (h *huhChild) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, h.c.Keys.Cancel) {
		h.form.State = huh.StateAborted
		return nil
	}
	m, cmd := h.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		h.form = form
	}
	return cmd
}

func (h *huhChild) View() string { return h.form.View() }

// SetSize keeps room under the fields for huh's footer, where validation
// errors appear (a blank line and up to two wrapped lines).
func (h *huhChild) SetSize(w, height int) {
	h.form = h.form.WithWidth(min(w, 100)).WithHeight(max(height-3, 4))
}
func (h *huhChild) Done() bool               { return h.form.State == huh.StateCompleted }
func (h *huhChild) Aborted() bool            { return h.form.State == huh.StateAborted }
func (h *huhChild) ShortHelp() []key.Binding { return append(h.form.KeyBinds(), h.c.Keys.Cancel) }
