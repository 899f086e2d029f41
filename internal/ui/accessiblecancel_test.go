package ui

import (
	"errors"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// accessibleEdit is the edit form of the demo's ux-designer posting, run
// in huh's accessible mode on stdin, and, when it did not complete, what
// the form host says after.
func accessibleEdit(t *testing.T, lang i18n.Lang, stdin func(*accessibleRun)) (*editForm, tea.Msg, error) {
	t.Helper()
	cat, err := app.Load(demoSite(t, false))
	if err != nil {
		t.Fatal(err)
	}
	c := common.New(i18n.For(lang), true, false)
	f := newEditForm(c, cat, cat.Find("ux-designer")[0], nil)
	run := &accessibleRun{form: f.Huh(), tr: c.Tr, signals: c.Signals}
	run.SetStdout(&lockedBuilder{})
	stdin(run)
	runErr := run.Run()
	if runErr == nil {
		return f, nil, nil
	}
	host := &formHost{c: c}
	cmd := host.Update(accessibleDoneMsg{err: runErr, done: func() tea.Cmd {
		t.Error("the cancelled form's edit ran")
		return nil
	}})
	var msg tea.Msg
	if cmd != nil {
		msg = cmd()
	}
	return f, msg, runErr
}

// User test, item 1: in accessible mode, esc at a prompt stored an ESC
// byte (title: "\x1b", a commit message of one ESC) and ctrl+c showed ^C
// and went on. A line holding esc or ctrl+c now cancels the whole form:
// its edit is not run, and the app says "Nothing changed.", as when esc
// closes a form on the screen.
func TestAccessibleEscOrCtrlCCancelsTheForm(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, typed := range []string{"\x1b", "Senior\x1b", "\x03", "^C\x03"} {
			_, msg, err := accessibleEdit(t, lang, func(r *accessibleRun) {
				r.SetStdin(&lineReader{lines: strings.SplitAfter("\n\n\n\n\n"+typed+"\n\n\n\n\n", "\n")})
			})
			if !errors.Is(err, huh.ErrUserAborted) {
				t.Errorf("%s %q: the form ended with %v", lang, typed, err)
			}
			if want := i18n.For(lang).UI.NoChange; msg != statusMsg(want) {
				t.Errorf("%s %q: the app says %#v, not %q", lang, typed, msg, want)
			}
		}
	}
}

// Item 1: ctrl+c at a prompt is a signal, not a byte, while Bubble Tea
// has let go of the terminal; it went unheard. It now cancels the form.
func TestAccessibleInterruptCancelsTheForm(t *testing.T) {
	_, msg, err := accessibleEdit(t, i18n.EN, func(r *accessibleRun) {
		in, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { in.Close(); w.Close() })
		r.SetStdin(in)
		out := &lockedBuilder{asked: make(chan struct{})}
		r.SetStdout(out)
		go func() { // at the first prompt, ctrl+c
			<-out.asked
			_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
		}()
	})
	if !errors.Is(err, huh.ErrUserAborted) || msg != statusMsg("Nothing changed.") {
		t.Errorf("after ctrl+c the form ended with %v, and the app says %#v", err, msg)
	}
}

// Item 1: no control character typed at a prompt reaches the edit (a
// backspace a terminal let through, ^D).
func TestAccessiblePromptsDropControlCharacters(t *testing.T) {
	f, _, err := accessibleEdit(t, i18n.EN, func(r *accessibleRun) {
		r.SetStdin(&lineReader{lines: strings.SplitAfter("\n\n\n\n\nUX\x7f\x08 Le\x04ad\u0085\tA\r\n\n\n\n", "\n")})
	})
	if err != nil {
		t.Fatal(err)
	}
	if e := f.Result(); e.Title["en"] == nil || *e.Title["en"] != "UX Lead\tA" {
		t.Errorf("the title typed is stored as %q", *e.Title["en"])
	}
}

// lockedBuilder is a form's output, written by the form and read by a
// test; asked is closed at the first write after the intro (a prompt).
type lockedBuilder struct {
	mu     sync.Mutex
	b      strings.Builder
	writes int
	asked  chan struct{}
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	if l.asked != nil && l.writes == 3 { // the intro, a blank line, the first prompt
		close(l.asked)
	}
	return l.b.Write(p)
}

// A user test: at an accessible prompt an arrow key (the terminal sends
// esc [ D) cancelled the whole form, as esc does; its letters are not text
// either. The form now goes on, with what was typed around them.
func TestAccessibleArrowKeysAreNotEsc(t *testing.T) {
	f, _, err := accessibleEdit(t, i18n.EN, func(r *accessibleRun) {
		r.SetStdin(&lineReader{lines: strings.SplitAfter("\n\n\n\n\n\x1b[DUX\x1b[C Lead\x1bOA\x1b[3~\n\n\n\n", "\n")})
	})
	if err != nil {
		t.Fatalf("the form ended with %v", err)
	}
	if e := f.Result(); e.Title["en"] == nil || *e.Title["en"] != "UX Lead" {
		t.Errorf("the title typed is stored as %q", deref(e.Title["en"]))
	}
}

// A user test: ctrl+d on an empty line (the end of the input) completed
// the form with every remaining default, and its edit ran. It now cancels
// the form, as esc does.
func TestAccessibleEndOfInputCancelsTheForm(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		_, msg, err := accessibleEdit(t, lang, func(r *accessibleRun) {
			r.SetStdin(&lineReader{lines: strings.SplitAfter("\n\nNew title\n", "\n")})
		})
		if !errors.Is(err, huh.ErrUserAborted) {
			t.Errorf("%s: the form ended with %v", lang, err)
		}
		if want := i18n.For(lang).UI.NoChange; msg != statusMsg(want) {
			t.Errorf("%s: the app says %#v, not %q", lang, msg, want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// A QA run: the accessible new-posting form asked for the key with no
// suggestion, and enter alone was refused ("cannot be empty"); the form on
// the screen fills it in from the title. It now offers it in brackets,
// and enter keeps it.
func TestAccessibleNewFormSuggestsTheKey(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		cat, err := app.Load(demoSite(t, false))
		if err != nil {
			t.Fatal(err)
		}
		c := common.New(i18n.For(lang), true, false)
		f := newNewForm(c, cat)
		run := &accessibleRun{form: f.Huh(), tr: c.Tr, signals: c.Signals}
		out := &lockedBuilder{}
		run.SetStdout(out)
		run.SetStdin(&lineReader{lines: strings.SplitAfter("Cloud Architect\n\nArchitecte infonuagique\n\n\n\n", "\n")})
		if err := run.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, out.b.String())
		}
		if np := f.Result(); np.TranslationKey != "cloud-architect" {
			t.Errorf("%s: the key is %q", lang, np.TranslationKey)
		}
		if !strings.Contains(out.b.String(), "[cloud-architect]") {
			t.Errorf("%s: the key's prompt does not offer it:\n%s", lang, out.b.String())
		}
	}
}
