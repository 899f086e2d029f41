package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// helpKeys scroll the help; any other key closes it (esc, ?, the key of
// an action: the help is read, then the app is used).
type helpKeys struct {
	scrollKeys
	// Close, Scroll, Pages and Ends are for the footer: esc closes, and
	// the scroll keys are named in pairs, as the room there is short.
	Close, Scroll, Pages, Ends key.Binding
}

func newHelpKeys(tr *i18n.Tr) helpKeys {
	t, b := &tr.UI, common.Bind
	return helpKeys{
		scrollKeys: newScrollKeys(tr),
		Close:      b([]string{"esc"}, "esc", t.CloseHelp),
		Scroll:     b([]string{"up", "down"}, "↑/↓", t.Scroll),
		Pages:      b([]string{"pgup", "pgdown"}, "pgup/pgdn", t.HelpPages),
		Ends:       b([]string{"g", "G"}, "g/G", t.HelpEnds),
	}
}

// helpScreen shows every key of the view it covers, in groups (bubbles
// help) laid side by side as far as the width allows, in a bubbles
// viewport: on a small terminal the rest is scrolled to, never cut. It
// also draws the footer's one-line help.
type helpScreen struct {
	c      *common.Common
	model  help.Model
	keys   helpKeys
	groups [][]key.Binding
	width  int
	vp     viewport.Model
	last   string // the footer's last status, shown whole above the keys
}

func newHelpScreen(c *common.Common) *helpScreen {
	return &helpScreen{c: c, model: help.New(), keys: newHelpKeys(c.Tr), vp: viewport.New()}
}

// SetSize: the title and a blank line above the keys.
func (h *helpScreen) SetSize(w, ht int) {
	h.width = w
	h.model.SetWidth(w)
	h.vp.SetWidth(w)
	h.vp.SetHeight(max(1, ht-2))
	h.fill()
}

// Show sets the keys to list, from their top.
func (h *helpScreen) Show(groups [][]key.Binding) {
	h.groups, h.keys = groups, newHelpKeys(h.c.Tr)
	h.fill()
	h.vp.GotoTop()
}

func (h *helpScreen) fill() { h.vp.SetContentLines(h.lines()) }

// lines lays the groups out in rows, each row holding as many groups as
// fit the width whole (bubbles help would drop the others behind "…").
func (h *helpScreen) lines() []string {
	m := h.model
	m.SetWidth(0) // measured here, never cut by bubbles
	var rows []string
	var row [][]key.Binding
	for _, g := range h.groups {
		wider := append(append([][]key.Binding{}, row...), g)
		if len(row) > 0 && lipgloss.Width(m.FullHelpView(wider)) > h.width {
			rows = append(rows, m.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	if len(row) > 0 {
		rows = append(rows, m.FullHelpView(row))
	}
	if h.last != "" {
		// its own line breaks kept (git's commands to copy are a line
		// each), tabs as spaces; other control characters as placeholders
		text := model.SafeText(strings.ReplaceAll(h.c.Tr.Picker.LastMessage+" "+h.last, "\t", "    "), true)
		last := h.c.Styles.Status.Render(common.Wrap(text, h.width))
		rows = append([]string{last}, rows...)
	}
	return strings.Split(strings.Join(rows, "\n\n"), "\n")
}

// Scrolls tells that the keys do not all fit: the footer then says how
// to scroll, and the title where the view is.
func (h *helpScreen) Scrolls() bool { return h.vp.TotalLineCount() > h.vp.Height() }

func (h *helpScreen) Update(msg tea.Msg) tea.Cmd {
	if h.keys.scroll(&h.vp, msg) {
		return nil
	}
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return send(backMsg{})
	}
	return nil
}

func (h *helpScreen) View() string {
	s := h.c.Styles
	title := s.Title.Render(h.c.Tr.UI.HelpTitle)
	if h.Scrolls() {
		first := h.vp.YOffset() + 1
		title += s.Dim.Render(" · " + i18n.F(h.c.Tr.UI.HelpLines, "from", strconv.Itoa(first),
			"to", strconv.Itoa(first+h.vp.VisibleLineCount()-1), "total", strconv.Itoa(h.vp.TotalLineCount())))
	}
	return title + "\n\n" + h.vp.View()
}

// FooterKeys are the footer's while the help shows: how to close it, and
// how to scroll when there is more than the screen holds.
func (h *helpScreen) FooterKeys() footerKeys {
	k := h.keys
	if !h.Scrolls() {
		return footerKeys{lead: []key.Binding{k.Close}}
	}
	return footerKeys{lead: []key.Binding{k.Close}, rest: []key.Binding{k.Scroll, k.Pages, k.Ends}}
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
