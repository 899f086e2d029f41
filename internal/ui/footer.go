package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// footerBar is the line above the key help: a yes/no question, an error
// (until the next key), the spinner and status of a running task, or the
// last status. It reads the results of the tasks for their words.
type footerBar struct {
	c       *common.Common
	spin    spinner.Model
	busy    bool
	writing bool // the running task changes files or git
	status  string
	err     string
	ask     string
	onYes   func() tea.Cmd
	onNo    string         // the status after no
	afterNo func() tea.Cmd // run after no
	keep    bool           // no leaves the status as it is
	link    string         // a web address after the status (a proposal's pull request)
	hint    string         // the end of status the link follows ("" for all of it)
	// readWhole: the status holds what git and the hooks said, shown
	// whole (up to half the screen) while just said, not in two lines.
	readWhole bool
	progress  *progressLine // of the running task, if it tells any
	// whole: the status was just said; until the next key it shows
	// wrapped (TakesHelpLine) rather than shortened to one line. The help
	// screen (?) shows the last status whole.
	whole   bool
	lastErr string // the last error, until a status replaces it
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
	onYes, onNo, keep, afterNo := f.onYes, f.onNo, f.keep, f.afterNo
	f.ask, f.onYes, f.onNo, f.keep, f.afterNo = "", nil, "", false, nil
	if yes && onYes != nil {
		return onYes()
	}
	var then tea.Cmd
	if !yes && afterNo != nil {
		then = afterNo()
	}
	if keep {
		return then
	}
	f.status = f.c.Tr.UI.NoChange
	if onNo != "" {
		f.status = onNo
	}
	return then
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

// Writing tells a running task that changes files or git.
func (f *footerBar) Writing() bool { return f.busy && f.writing }

// ClearError: an error, and a long status shown whole, stay until the
// next key.
func (f *footerBar) ClearError() { f.err, f.whole = "", false }

func (f *footerBar) fail(err error) { f.failText(i18n.ErrorText(f.c.Tr, err)) }

// failText shows an error until the next key; it stays the help screen's
// last message (lastErr), and the failed task's "Working…" is over.
func (f *footerBar) failText(text string) {
	f.err = text
	f.status, f.link, f.hint, f.readWhole, f.lastErr = "", "", "", false, f.c.Tr.UI.ErrorPrefix+text
}

func (f *footerBar) Update(msg tea.Msg) tea.Cmd {
	before := f.status
	cmd := f.update(msg)
	if f.status != "" && f.status != before {
		f.lastErr = ""
	}
	switch msg.(type) {
	case statusMsg, actionMsg:
		f.whole = f.status != ""
	default:
		f.whole = f.whole || f.status != before && f.status != ""
	}
	return cmd
}

func (f *footerBar) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case taskMsg:
		f.writing = f.busy && f.writing || msg.writes
		f.busy, f.progress = true, msg.progress
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
		f.ask, f.onYes, f.onNo, f.keep, f.afterNo = msg.question, msg.onYes, msg.noStatus, msg.keep, msg.afterNo
	case moreStatusMsg:
		f.busy = false
		f.status = joinSentences(f.status, string(msg))
	case statusMsg:
		f.busy, f.status, f.link, f.hint, f.readWhole = false, string(msg), "", "", false
	case errorMsg:
		f.busy = false
		f.fail(msg.err)
	case catalogMsg:
		f.busy = false
		if msg.err != nil {
			f.fail(msg.err)
		} else if msg.note != "" && (!msg.watched || f.status == "") {
			// A status an action just gave (often about the very change
			// the watcher noticed) is not replaced by "Reloaded".
			f.status = msg.note
		}
		var he *app.HistoryError
		if errors.As(msg.historyErr, &he) && f.status == "" {
			f.status = i18n.StaleNotChecked(f.c.Tr, he.Err)
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
		case msg.dirty == nil && msg.ask == nil:
			f.status, f.link, f.hint, f.readWhole = msg.status, msg.link, msg.hint, msg.readWhole
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
		if msg.err == nil && !msg.refresh {
			f.status = "" // "Loading the review…" is over; a refresh keeps what an action said
		}
	case editorDoneMsg:
		switch {
		case msg.err != nil && msg.editor == "":
			f.failText(i18n.EditorUnreadableText(f.c.Tr, msg.rel, msg.err))
		case msg.err != nil:
			f.failText(i18n.EditorErrorText(f.c.Tr, msg.editor, msg.err))
		}
	}
}

func (f *footerBar) View() string { return strings.Join(f.Lines(f.c.Width), "\n") }

// Lines is the footer for a width: a question or an error wrapped whole
// (up to half the screen: a server's reason for a refused push is read in
// full; a question's own last line always shows), else one line.
func (f *footerBar) Lines(w int) []string {
	s := f.c.Styles
	most := max(4, f.c.Height/2)
	switch {
	case f.ask != "":
		return wrapLines(f.ask, w, most, s.Marked.Render)
	case f.err != "":
		return wrapLines(f.c.Tr.UI.ErrorPrefix+f.err, w, most, s.ErrorLine.Render)
	case f.busy:
		return []string{f.spin.View() + " " + common.FitWords(strings.TrimSpace(f.status+" "+f.progress.Last()), w-lipgloss.Width(f.spin.View())-1)}
	}
	if f.link != "" {
		return f.linkLines(w)
	}
	if f.TakesHelpLine(w) {
		lines := wrapAtMost(common.SafeLine(f.status), w, f.mostLines())
		for i, l := range lines {
			lines[i] = s.Status.Render(l)
		}
		return lines
	}
	// A status is shortened at a word, never cut in one (issue 11).
	return []string{s.Status.Render(common.FitWords(f.status, w))}
}

// linkLines is a status with its link (OSC 8: a link the terminal opens
// on click; o opens it too), the link right after its hint ("o opens the
// pull request: https://…"), never parted from it. Where the whole does
// not fit: the status on a line of its own and the hint and the link on
// the next, when just said (TakesHelpLine); later, the hint and the link
// with what is left of the status before them.
func (f *footerBar) linkLines(w int) []string {
	s := f.c.Styles
	url := common.SafeLine(f.link)
	link := ansi.SetHyperlink(url) + s.Title.Render(url) + ansi.ResetHyperlink()
	lead, hint := f.linkLead()
	if lipgloss.Width(f.status)+1+lipgloss.Width(url) <= w {
		return []string{s.Status.Render(f.status) + " " + link}
	}
	tail := common.FitLine(s.Status.Render(hint)+" "+link, w)
	if f.TakesHelpLine(w) {
		lines := wrapAtMost(lead, w, f.mostLines()-1)
		for i, l := range lines {
			lines[i] = s.Status.Render(l)
		}
		return append(lines, tail)
	}
	if room := w - lipgloss.Width(hint) - 1 - lipgloss.Width(url) - 1; lead != "" && room >= 12 {
		return []string{s.Status.Render(common.FitWords(lead, room)) + " " + tail}
	}
	return []string{tail}
}

// linkLead parts the status before its link: what it says first (lead)
// and the hint the link follows (all of the status without a hint).
func (f *footerBar) linkLead() (lead, hint string) {
	status := common.SafeLine(f.status)
	if f.hint == "" || !strings.HasSuffix(status, f.hint) {
		return "", status
	}
	return strings.TrimSpace(strings.TrimSuffix(status, f.hint)), f.hint
}

// mostLines is how many lines a status just said may take: two, so that
// the list keeps its rows and its marks line; up to half the screen, as
// an error's, for what git and the hooks said after a commit (it is read
// whole, not cut after a few words).
func (f *footerBar) mostLines() int {
	if f.readWhole {
		return max(4, f.c.Height/2)
	}
	return 2
}

// TakesHelpLine tells a status just said that needs more than a line: it
// is wrapped (in mostLines at most) and takes the key help's line until
// the next key, so that nothing above moves (the list keeps its rows and
// its marks line). With a link, the hint and the link take the last line.
func (f *footerBar) TakesHelpLine(w int) bool {
	if !f.whole || f.ask != "" || f.err != "" || f.busy {
		return false
	}
	if f.link != "" {
		lead, _ := f.linkLead()
		return lead != "" && lipgloss.Width(f.status)+1+lipgloss.Width(f.link) > w
	}
	return lipgloss.Width(f.status) > w
}

// Last is the status as it was said, whole, with its web address, for
// the help screen.
func (f *footerBar) Last() string {
	if f.status == "" {
		return f.lastErr
	}
	return strings.TrimSpace(f.status + " " + f.link)
}

// wrapLines wraps text (its own lines kept) to w, styled line by line, in
// at most most lines: beyond, the middle gives way to "…" and the last
// paragraph (a question) stays.
func wrapLines(text string, w, most int, style func(...string) string) []string {
	wrap := func(para string) []string {
		return strings.Split(common.Wrap(common.SafeLine(para), w), "\n")
	}
	paras := strings.Split(text, "\n")
	var out []string
	for _, para := range paras[:len(paras)-1] {
		out = append(out, wrap(para)...)
	}
	last := wrap(paras[len(paras)-1])
	if len(out)+len(last) > most {
		keep := max(0, most-len(last)-1)
		out = append(out[:min(keep, len(out))], "…")
	}
	out = append(out, last...)
	for i, l := range out {
		out[i] = style(l)
	}
	return out
}

// wrapAtMost wraps a line of text to the width in at most n lines, the
// last shortened at a word with "…" when more followed.
func wrapAtMost(text string, w, n int) []string {
	lines := strings.Split(common.Wrap(text, w), "\n")
	if len(lines) > n {
		lines = append(lines[:n-1], common.FitWords(strings.Join(lines[n-1:], " "), w))
	}
	return lines
}

// Spinner is the loading frame's spinner.
func (f *footerBar) Spinner() string { return f.spin.View() }

// joinSentences says more after a status: a status that ends without a
// full stop (a commit's subject, often) gets one first, so that the two
// do not read as one sentence.
func joinSentences(status, more string) string {
	status = strings.TrimSpace(status)
	if status == "" {
		return strings.TrimSpace(more)
	}
	if !strings.ContainsAny(status[len(status)-1:], ".!?:") && !strings.HasSuffix(status, "…") {
		status += "."
	}
	return status + " " + strings.TrimSpace(more)
}
