package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/ui/common"
)

// View lays out the title line, the focused view and the footer: the
// root's drawing, the rest of the root being app.go.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	if !a.c.Accessible {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

// tooSmall tells a screen too small to show the list: the app shows only
// that (render), and keys act only to quit (App.key).
func (a *App) tooSmall() bool { return a.c.Width < 40 || a.c.Height < 10 }

func (a *App) render() string {
	s, t := a.c.Styles, &a.c.Tr.UI
	if a.tooSmall() {
		// Wrapped between words: on one line, at 30 columns, the size
		// to reach was cut off.
		w := max(1, a.c.Width)
		return common.FitBlock(common.Wrap(t.SmallTerminal, w), w, max(1, a.c.Height))
	}
	title := s.Title.Render(t.AppTitle)
	if tracking := a.actions.TrackingText(); tracking != "" {
		title += s.Dim.Render(" · " + tracking)
	}
	if cat := a.store.cat; cat != nil {
		// The path last: on a narrow screen it gives way first.
		title += s.Dim.Render(" · " + a.c.Tr.N(t.Postings, len(cat.Postings)) + " · " + common.SafeLine(cat.Site.Root))
	}
	var body string
	switch {
	case a.showHelp:
		body = a.help.View()
	case !a.store.loaded && a.store.unread:
		body = t.LoadFailed
	case !a.store.loaded:
		body = a.bar.Spinner() + " " + t.Loading
	default:
		body = a.focused().View()
	}
	foot := a.bar.Lines(a.c.Width)
	if !a.bar.TakesHelpLine(a.c.Width) {
		foot = append(foot, common.FitLine(s.Help.Render(a.help.Short(a.shortHelp(), a.c.Width)), a.c.Width))
	}
	return common.FitLine(title, a.c.Width) + "\n" + common.FitBlock(body, a.c.Width, a.c.Height-1-len(foot)) + "\n" +
		strings.Join(foot, "\n")
}

// shortHelp is the footer's help: the focused view's keys, the actions
// where they apply, the global keys; the way out and ? always shown
// (helpScreen.Short says how the line degrades).
func (a *App) shortHelp() footerKeys {
	k := a.c.Keys
	split := func(binds []key.Binding) footerKeys { // the last key stays: esc
		if len(binds) == 0 {
			return footerKeys{}
		}
		return footerKeys{rest: binds[:len(binds)-1], tail: binds[len(binds)-1:]}
	}
	switch {
	case a.bar.Asking():
		return footerKeys{}
	case a.forms.Active():
		return split(a.forms.ShortHelp())
	case a.showHelp:
		return a.help.FooterKeys()
	case a.focus == focusList && a.list.Filtering():
		return footerKeys{tail: a.list.ShortHelp()}
	case a.focus == focusDiff:
		return footerKeys{lead: a.diff.ShortHelp()[:1], rest: a.diff.ShortHelp()[1:], tail: []key.Binding{k.Help}}
	case a.focus == focusPreview:
		own := a.preview.ShortHelp()
		return footerKeys{lead: own[:1], rest: append(own[1:], a.actions.PreviewHelp()...), tail: []key.Binding{k.Help}}
	case a.focus == focusReview:
		own := a.review.ShortHelp()
		return footerKeys{lead: own[:1], rest: append(own[1:], a.actions.ReviewHelp()...), tail: []key.Binding{k.Help}}
	}
	return footerKeys{rest: append(a.list.ShortHelp(), a.actions.ShortHelp()...), tail: []key.Binding{k.Help, k.Quit}}
}

// fullHelp is the help screen's: every key of the focused view.
func (a *App) fullHelp() [][]key.Binding {
	k := a.c.Keys
	groups := a.focused().FullHelp()
	quit := k.ForceQuit
	switch a.focus {
	case focusDiff:
		return append(groups, []key.Binding{k.Reload, k.Language, k.Help, quit})
	case focusList:
		quit = k.Quit
	}
	groups = append(groups, a.actions.FullHelp()...)
	last := len(groups) - 1
	groups[last] = append(groups[last], k.Reload, k.Language, k.Help, quit)
	return groups
}
