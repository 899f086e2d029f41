package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// scrollKeys move through what is longer than the screen, the same in
// every view: the lines of the help, the preview, the diff and the
// review (scroll, below), the rows of the list.
type scrollKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// newScrollKeys: morePageDown are keys that also turn the page where no
// other use is made of them (space in the review).
func newScrollKeys(tr *i18n.Tr, morePageDown ...string) scrollKeys {
	t, b := &tr.UI, common.Bind
	return scrollKeys{
		Up:       b([]string{"up", "k"}, "↑/k", t.Up),
		Down:     b([]string{"down", "j"}, "↓/j", t.Down),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", t.PageUp),
		PageDown: b(append([]string{"pgdown", "ctrl+f"}, morePageDown...), "pgdn", t.PageDown),
		Top:      b([]string{"home", "g"}, "g", t.Top),
		Bottom:   b([]string{"end", "G"}, "G", t.Bottom),
	}
}

// scroller is what the keys scroll: a bubbles viewport (its methods), or
// the preview's two columns.
//
// The bubbles viewport's own KeyMap and Update are not used: they have no
// keys to the ends, they cannot say whether a key was theirs (the help
// closes on any other), and shift with the mouse wheel scrolls sideways.
type scroller interface {
	ScrollUp(n int)
	ScrollDown(n int)
	PageUp()
	PageDown()
	GotoTop() []string
	GotoBottom() []string
}

// wheelLines is how far a turn of the mouse wheel scrolls.
const wheelLines = 3

// scroll moves s for a scroll key (a disabled one is no key) or a turn of
// the mouse wheel, and tells whether msg was one of them.
func (k scrollKeys) scroll(s scroller, msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			s.ScrollUp(1)
		case key.Matches(msg, k.Down):
			s.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			s.PageUp()
		case key.Matches(msg, k.PageDown):
			s.PageDown()
		case key.Matches(msg, k.Top):
			s.GotoTop()
		case key.Matches(msg, k.Bottom):
			s.GotoBottom()
		default:
			return false
		}
		return true
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.ScrollUp(wheelLines)
		case tea.MouseWheelDown:
			s.ScrollDown(wheelLines)
		}
		return true
	}
	return false
}
