package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// footerBar is the line above the key help: a yes/no question, an error
// (until the next key), the spinner and status of a running task, or the
// last status. It reads the results of the tasks for their words.
type footerBar struct {
	c      *common.Common
	spin   spinner.Model
	busy   bool
	status string
	err    string
	ask    string
	onYes  func() tea.Cmd
	onNo   string // the status after no
}

func newFooterBar(c *common.Common, status string) *footerBar {
	return &footerBar{c: c, spin: spinner.New(), status: status}
}

// Asking tells that a question waits for its answer.
func (f *footerBar) Asking() bool { return f.ask != "" }

// Answer takes the key after a question: only y or n (o or n in French,
// esc, ctrl+c) answer; any other key leaves the question asked.
func (f *footerBar) Answer(msg tea.KeyPressMsg) tea.Cmd {
	yes := key.Matches(msg, f.c.Keys.Yes)
	if !yes && !key.Matches(msg, f.c.Keys.No) && !key.Matches(msg, f.c.Keys.ForceQuit) {
		return nil
	}
	onYes, onNo := f.onYes, f.onNo
	f.ask, f.onYes, f.onNo = "", nil, ""
	if yes && onYes != nil {
		return onYes()
	}
	f.status = f.c.Tr.UI.NoChange
	if onNo != "" {
		f.status = onNo
	}
	return nil
}

// Forget drops the status when the view or the language it was said in
// changes (a running task keeps its own); keep is said instead, if any.
func (f *footerBar) Forget(keep string) {
	if !f.busy {
		f.status = keep
	}
}

// Busy tells a running task.
func (f *footerBar) Busy() bool { return f.busy }

// ClearError: an error stays until the next key.
func (f *footerBar) ClearError() { f.err = "" }

func (f *footerBar) fail(err error) { f.err = i18n.ErrorText(f.c.Tr, err) }

func (f *footerBar) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case taskMsg:
		f.busy = true
		if msg.status != "" {
			f.status = msg.status
		}
		return tea.Batch(msg.run, f.spin.Tick)
	case spinner.TickMsg:
		if !f.busy {
			return nil
		}
		var cmd tea.Cmd
		f.spin, cmd = f.spin.Update(msg)
		return cmd
	case askMsg:
		f.ask, f.onYes, f.onNo = msg.question, msg.onYes, msg.noStatus
	case statusMsg:
		f.busy, f.status = false, string(msg)
	case errorMsg:
		f.busy = false
		f.fail(msg.err)
	case catalogMsg:
		f.busy = false
		if msg.err != nil {
			f.err = msg.err.Error()
		} else if msg.note != "" && (!msg.watched || f.status == "") {
			// A status an action just gave (often about the very change
			// the watcher noticed) is not replaced by "Reloaded".
			f.status = msg.note
		}
	default:
		f.result(msg)
	}
	return nil
}

// result words the end of a workflow.
func (f *footerBar) result(msg tea.Msg) {
	switch msg := msg.(type) {
	case actionMsg:
		f.busy = false
		switch {
		case msg.err != nil:
			f.fail(msg.err)
		case msg.dirty == nil:
			f.status = msg.status
		default:
			f.status = "" // "Working…" is over: a question follows
		}
	case diffMsg:
		f.busy = false
		if msg.err != nil {
			f.fail(msg.err)
		} else if len(msg.files) == 0 {
			f.status = f.c.Tr.UI.NoDiff
		}
	case pendingMsg, editReadyMsg:
		f.busy = false
	case reviewMsg:
		f.busy = false
		if msg.err == nil {
			f.status = ""
		}
	case editorDoneMsg:
		if msg.err != nil {
			f.err = i18n.F(f.c.Tr.UI.EditorFailed, "err", msg.err.Error())
		}
	}
}

func (f *footerBar) View() string {
	s := f.c.Styles
	switch {
	case f.ask != "":
		return s.Marked.Render(f.ask)
	case f.err != "":
		return s.ErrorLine.Render(f.c.Tr.UI.ErrorPrefix + strings.ReplaceAll(f.err, "\n", " "))
	case f.busy:
		return f.spin.View() + " " + f.status
	}
	return s.Status.Render(f.status)
}

// Spinner is the loading frame's spinner.
func (f *footerBar) Spinner() string { return f.spin.View() }
