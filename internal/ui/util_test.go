package ui

import (
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

func itoa(n int) string { return strconv.Itoa(n) }

// testApp drives the app as Bubble Tea would: every command runs in its own
// goroutine and its message goes back into Update. The tests run inside a
// synctest bubble (bubble, below): settle returns once every goroutine
// left is blocked, and the timers (the spinner, the file watcher, a form
// field's cursor blink) never fire, because the bubble's clock only moves
// when everything waits on it. So no command is told apart by its name.
//
// Bubble Tea's sequence message is private; it goes to Update like any
// other message. The app never uses tea.Sequence; huh's Form.Init does,
// for a first refresh of its fields and a window-size request, which the
// forms here do not need (the root gives them their size).
type testApp struct {
	*App
	msgs chan tea.Msg
	done chan struct{}
	quit bool // the app asked Bubble Tea to quit
}

// bubble runs a test in a synctest bubble, and stops the commands still
// waiting on a timer when it ends.
func bubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	synctest.Test(t, f)
}

func (a *testApp) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		select {
		case a.msgs <- msg:
		case <-a.done:
		}
	}()
}

// stop lets the commands still waiting on a timer end: the bubble's clock
// jumps an hour, their messages are dropped.
func (a *testApp) stop() {
	close(a.done)
	time.Sleep(time.Hour)
}

// settle feeds the messages back until nothing but timers is left.
func (a *testApp) settle() {
	for {
		synctest.Wait()
		select {
		case msg := <-a.msgs:
			a.dispatch(msg)
		default:
			return
		}
	}
}

func (a *testApp) dispatch(msg tea.Msg) {
	switch m := msg.(type) {
	case nil:
	case tea.QuitMsg:
		a.quit = true
	case tea.BatchMsg:
		for _, c := range m {
			a.run(c)
		}
	default:
		_, cmd := a.Update(msg)
		a.run(cmd)
	}
}

// send gives the app a message and waits for its consequences.
func (a *testApp) send(msg tea.Msg) {
	a.dispatch(msg)
	a.settle()
}

// newTestApp opens the app on site at a size and runs Init to the end
// (loaded, git details read). Call it inside bubble.
func newTestApp(t *testing.T, site *model.Site, lang i18n.Lang, w, h int) *testApp {
	t.Helper()
	return newTestAppWith(t, Options{Site: site, Lang: lang, NoColor: true}, w, h)
}

// newTestAppWith is newTestApp with options of its own.
func newTestAppWith(t *testing.T, opt Options, w, h int) *testApp {
	t.Helper()
	a := &testApp{App: New(opt), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
	t.Cleanup(a.stop)
	a.send(tea.WindowSizeMsg{Width: w, Height: h})
	a.run(a.Init())
	a.settle()
	if !a.store.loaded {
		t.Fatalf("not loaded: %s", a.bar.err)
	}
	return a
}

// keyMsg is the message a terminal sends for a key name.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+f", "ctrl+b":
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

func press(a *testApp, keys ...string) {
	for _, k := range keys {
		a.send(keyMsg(k))
	}
}

func typeText(a *testApp, s string) {
	for _, r := range s {
		press(a, string(r))
	}
}

// screen is the view as a person reads it: no escape codes, the site's
// temporary path replaced, trailing spaces dropped.
func screen(a *testApp) string {
	out := ansi.Strip(a.View().Content)
	out = strings.ReplaceAll(out, a.store.site.Root, "SITE")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
