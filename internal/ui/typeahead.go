package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// typeahead holds the keys typed after a key that starts an action (e, n,
// c, x, a…), until what the action shows is there: its form, its question,
// the editor, its result. A form opens a message or two after its key (the
// group is read afresh first): keys typed in the same breath went to the
// list behind it, and "ea" archived and committed the posting while the
// form opened, and e then ctrl+c quit the app (a QA run in tmux). Held,
// they reach the form, the question or the list as they would have, had
// the person waited. A hold ends after a second whatever happens, so that
// no key is kept for good.
type typeahead struct {
	on   bool
	seq  int // numbers the holds, for their time limit
	keys []tea.KeyPressMsg
}

// holdLimit is how long keys wait for an action's form or answer.
const holdLimit = time.Second

// holdEndMsg is a hold's time limit.
type holdEndMsg struct{ seq int }

// holdsKeys tells the action keys whose form, question or answer the next
// keys are for: all but push, pull and open, whose network task may take
// long and shows no form (the person may go on meanwhile).
func (x *actions) holdsKeys(msg tea.KeyPressMsg) bool {
	k := x.keys
	return !key.Matches(msg, k.Push, k.Pull, k.Open)
}

// hold starts holding keys.
func (a *App) hold() tea.Cmd {
	a.typed.on = true
	a.typed.seq++
	seq := a.typed.seq
	return tea.Tick(holdLimit, func(time.Time) tea.Msg { return holdEndMsg{seq} })
}

// holdAfter holds the next keys while what an answer or a form started
// comes (cmd not nil).
func (a *App) holdAfter(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return tea.Batch(cmd, a.hold())
}

// endsHold tells the messages that show an action's outcome: a form, a
// question, the editor, a result, an error or a status, the diff. A
// result the list is read again for ends the hold once it is read: "aa"
// archived, then found the posting "already archived" in the list not
// yet read again (a second QA run), where a slow a a unarchives.
func endsHold(msg tea.Msg) bool {
	switch m := msg.(type) {
	case actionMsg:
		return !m.reload && m.dirty == nil && m.conflict == nil
	case openFormMsg, askMsg, editorReadyMsg, errorMsg, statusMsg, diffMsg, openDiffMsg, openReviewMsg, catalogMsg:
		return true
	}
	return false
}

// readsTerminal tells the messages after which a program reads the
// terminal itself (the editor, an accessible form): keys typed before it
// opened cannot reach it, and must not reach the list behind it.
func readsTerminal(msg tea.Msg, accessible bool) bool {
	switch msg.(type) {
	case editorReadyMsg:
		return true
	case openFormMsg:
		return accessible
	}
	return false
}

// release gives the held keys to the app, in order, now that what they
// were typed for is on the screen. An accessible form reads the terminal,
// not these keys: they are dropped. A held key that starts another action
// holds the ones after it again.
func (a *App) release(drop bool) tea.Cmd {
	keys := a.typed.keys
	a.typed.on, a.typed.keys = false, nil
	if drop {
		return nil
	}
	var cmds []tea.Cmd
	for i, k := range keys {
		if a.typed.on {
			a.typed.keys = append(a.typed.keys, keys[i:]...)
			break
		}
		cmds = append(cmds, a.key(k))
	}
	return tea.Batch(cmds...)
}
