package ui

import (
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/cancelreader"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// formTheme is huh's Base16 theme. Without colour (NO_COLOR, accessible
// mode) a yes/no field would show its answer by a background colour
// alone: there, the chosen button is also bracketed and reversed, as in
// "[Yes]   No".
func formTheme(c *common.Common) huh.Theme {
	if !c.NoColor {
		return huh.ThemeFunc(huh.ThemeBase16)
	}
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		t := huh.ThemeBase16(isDark)
		chosen := lipgloss.NewStyle().Bold(true).Reverse(true).Padding(0, 1).MarginRight(1).
			Transform(func(s string) string { return "[" + s + "]" })
		other := lipgloss.NewStyle().Padding(0, 2).MarginRight(1)
		t.Focused.FocusedButton, t.Focused.BlurredButton = chosen, other
		t.Blurred.FocusedButton, t.Blurred.BlurredButton = chosen, other
		return t
	})
}

// withValue adds a field's current value to its title in accessible mode:
// huh's line-by-line prompt does not show it, and enter keeps it. huh
// writes the title as one line: it is wrapped here between words, to the
// terminal's width, rather than by the terminal in the middle of one.
func withValue(c *common.Common, title, value string) string {
	if !c.Accessible || value == "" {
		return title
	}
	return common.WrapWords(title+" ["+common.SafeLine(value)+"]", c.Width)
}

// keepOnEnter is a field's check in accessible mode, where enter alone
// keeps the value shown: huh checks what was typed (nothing) before it
// keeps the value. Keeping a value changes nothing in the file, so it
// passes, even one the file already had wrong.
func keepOnEnter(c *common.Common, check func(string) error) func(string) error {
	if !c.Accessible {
		return check
	}
	return func(s string) error {
		if s == "" {
			return nil
		}
		return check(s)
	}
}

// huhForm is a form the root can hand to huh's accessible mode.
type huhForm interface{ Huh() *huh.Form }

func (h *huhChild) Huh() *huh.Form { return h.form }

// accessibleDoneMsg: an accessible form was answered.
type accessibleDoneMsg struct {
	done func() tea.Cmd
	err  error
}

// openAccessible runs a form in huh's accessible mode (WithAccessible:
// one plain prompt per field, read by screen readers, no redrawing) while
// Bubble Tea lets go of the terminal; what the completed form does runs
// when the app comes back.
func openAccessible(c *common.Common, f huhForm, done func() tea.Cmd) tea.Cmd {
	run := &accessibleRun{form: f.Huh(), tr: c.Tr, width: c.Width, signals: c.Signals}
	return handOver(c.Signals, run, func(err error) tea.Msg { return accessibleDoneMsg{done: done, err: err} })
}

// accessibleRun is a tea.ExecCommand: huh's accessible form on the
// terminal Bubble Tea hands over, in the user's language (huhPrompts).
type accessibleRun struct {
	form    *huh.Form
	tr      *i18n.Tr
	width   int // the terminal's, to wrap the intro between words
	signals *common.Signals
	in      io.Reader
	out     io.Writer
}

func (r *accessibleRun) SetStdin(in io.Reader)   { r.in = in }
func (r *accessibleRun) SetStdout(out io.Writer) { r.out = out }
func (r *accessibleRun) SetStderr(io.Writer)     {}

// Run answers huh.ErrUserAborted when the person cancelled (esc or ctrl+c,
// huhPrompts), as huh does for its other forms.
func (r *accessibleRun) Run() (err error) {
	intro := r.tr.Views.AccessibleIntro
	if r.width > 0 { // the terminal would cut it in the middle of a word
		intro = ansi.Wordwrap(intro, r.width, "")
	}
	fmt.Fprintln(r.out, intro)
	fmt.Fprintln(r.out)
	in, stop := interruptible(r.signals, r.in)
	defer stop()
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(errFormCancelled); !ok {
				panic(v)
			}
			fmt.Fprintln(r.out)
			err = huh.ErrUserAborted
		}
	}()
	terminal := newHuhPrompts(r.tr, in, r.out, r.width)
	return r.form.WithAccessible(true).WithInput(terminal).WithOutput(terminal).Run()
}

// interruptible is the terminal, whose reading ctrl+c stops. While
// Bubble Tea has let go of the terminal (tea.Exec), the terminal turns
// ctrl+c into SIGINT, not into a byte: left alone, the read went on, "^C"
// on the screen and the prompt still waiting. Here the signal (routed by
// common.Signals, so that it does nothing else) cancels the read, which
// cancels the form (huhPrompts.Read).
func interruptible(s *common.Signals, in io.Reader) (io.Reader, func()) {
	r, err := cancelreader.NewReader(in)
	if err != nil {
		return in, func() {}
	}
	stop := s.CancelOnInterrupt(func() { r.Cancel() })
	return r, func() {
		stop()
		_ = r.Close()
	}
}
