package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
)

// quitCheckMsg is the number of posting files with uncommitted edits,
// worked out for a quit asked before the git states were read; id is
// that quit's.
type quitCheckMsg struct {
	id  int
	n   int
	err error
}

// quit asks before leaving a task that writes half done (a proposal
// pushed, main not yet put back): a question, as for uncommitted edits,
// rather than a wait, which a push that hangs on the network would make
// endless. No keeps the task's status. Then it asks before leaving
// uncommitted edits behind (quitEdits).
func (a *App) quit() tea.Cmd {
	if a.bar.Writing() {
		return send(askMsg{question: a.c.Tr.UI.QuitTask, onYes: a.quitEdits, keep: true})
	}
	return a.quitEdits()
}

// quitEdits asks before leaving uncommitted edits behind. The git states the
// list shows tell of them; until those are read (just after the start,
// while the history is walked), the files are looked at first, in the
// background: a few milliseconds, and a question only if there are edits
// or if git cannot tell.
func (a *App) quitEdits() tea.Cmd {
	if a.store.repo == nil || a.store.StatesKnown() {
		return a.quitAsking(a.store.Unsaved(), nil)
	}
	a.quitSeq++
	a.quitWait = a.quitSeq
	id, repo, site := a.quitSeq, a.store.repo, a.store.site
	check := func() tea.Msg {
		n, err := app.Unsaved(repo, site)
		return quitCheckMsg{id: id, n: n, err: err}
	}
	// A task under way (a write) keeps the footer, its spinner and its
	// hold on the watcher.
	if a.quitFooter = !a.bar.Busy(); !a.quitFooter {
		return check
	}
	// The footer is told at once, not by a message: a key that comes
	// before such a message would leave it saying so after the wait ended.
	return a.bar.Update(taskMsg{status: a.c.Tr.UI.QuitChecking, run: check})
}

// quitChecked quits, or asks, once the files are looked at, unless a key
// came meanwhile: the person went on with the app.
func (a *App) quitChecked(msg quitCheckMsg) tea.Cmd {
	if msg.id != a.quitWait {
		return nil
	}
	a.quitGivenUp()
	return a.quitAsking(msg.n, msg.err)
}

// quitGivenUp ends the wait of a quit for the files, if any, and its
// "Looking for uncommitted edits…".
func (a *App) quitGivenUp() {
	if a.quitWait != 0 {
		a.quitWait = 0
		if a.quitFooter {
			a.bar.Update(statusMsg(""))
		}
	}
}

// quitAsking quits at once when no posting file has uncommitted edits.
func (a *App) quitAsking(n int, err error) tea.Cmd {
	t, yes := a.c.Tr, func() tea.Cmd { return tea.Quit }
	switch {
	case err != nil:
		return send(askMsg{question: i18n.F(t.UI.QuitUnknown, "err", i18n.ErrorText(t, err)), onYes: yes})
	case n > 0:
		return send(askMsg{question: t.N(t.UI.QuitUnsaved, n), onYes: yes})
	}
	return tea.Quit
}
