package common

import (
	"os"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// seen is a running app's Send as the router sees it.
func seen(s *Signals) (chan tea.Msg, func()) {
	got := make(chan tea.Msg, 4)
	return got, s.ToApp(func(m tea.Msg) { got <- m })
}

func next(t *testing.T, got chan tea.Msg) tea.Msg {
	t.Helper()
	select {
	case m := <-got:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no signal reached the app (10 s)")
		return nil
	}
}

func none(t *testing.T, got chan tea.Msg, when string) {
	t.Helper()
	select {
	case m := <-got:
		t.Fatalf("%s, the app got %#v", when, m)
	default:
	}
}

// A real SIGINT with a form on the terminal cancels the form, and the app
// hears nothing of it, even once the form is gone and the terminal back
// (signals are routed in order: had it gone to the app too, it would come
// before the SIGTERM sent after).
func TestACtrlCAtAFormIsTheForms(t *testing.T) {
	s := &Signals{}
	got, stopApp := seen(s)
	defer stopApp()
	back := s.HoldTerminal()
	cancelled := make(chan struct{})
	stopForm := s.CancelOnInterrupt(func() { close(cancelled) })
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the SIGINT did not cancel the form (10 s)")
	}
	stopForm()
	back()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if m := next(t, got); m != (SignalMsg{syscall.SIGTERM}) {
		t.Fatalf("after the form's ctrl+c and a SIGTERM, the app got %#v first", m)
	}
	// Delivered once, the app's hold is let go, as Bubble Tea's handler
	// stops after its signal: the next one would end a stuck app. It is
	// let go just after the app has the message: waited for, with a limit.
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		s.mu.Lock()
		holders := s.holders
		s.mu.Unlock()
		if holders == 0 {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("10 s after a signal went to the app, %d holds are left on the signals", holders)
		}
	}
}

// The rest without the process's signals, whose order the kernel does not
// keep: deliver is what the router does with each.

// While a command holds the terminal (the editor), its ctrl+c is its own;
// a SIGTERM or SIGHUP stops the app once the terminal is back, and the
// first one is the one said. A quick QA run found the app going on for
// good after a SIGTERM during the editor or a form.
func TestStopSignalsWaitForTheTerminal(t *testing.T) {
	s := &Signals{}
	got, stopApp := seen(s)
	defer stopApp()
	back := s.HoldTerminal()
	s.deliver(os.Interrupt)
	s.deliver(syscall.SIGHUP)
	s.deliver(syscall.SIGTERM)
	none(t, got, "while a command held the terminal")
	back()
	if m := next(t, got); m != (SignalMsg{syscall.SIGHUP}) {
		t.Fatalf("once the terminal was back, the app got %#v", m)
	}
	s.deliver(syscall.SIGTERM)
	time.Sleep(10 * time.Millisecond) // a wrong second delivery would be on its way
	none(t, got, "after the signal that stops it")
}

// A SIGTERM at an accessible form cancels it and then stops the app; a
// SIGINT there cancels it only. Outside a hand-over, SIGINT stops the app.
func TestFormsAndTheApp(t *testing.T) {
	s := &Signals{}
	got, stopApp := seen(s)
	defer stopApp()
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		back := s.HoldTerminal()
		cancelled := false
		stopForm := s.CancelOnInterrupt(func() { cancelled = true })
		s.deliver(sig)
		if !cancelled {
			t.Errorf("%v did not cancel the form", sig)
		}
		stopForm()
		none(t, got, "while the form held the terminal")
		back()
		if sig == os.Interrupt {
			time.Sleep(10 * time.Millisecond)
			none(t, got, "after a ctrl+c at the form")
			continue
		}
		if m := next(t, got); m != (SignalMsg{sig}) {
			t.Fatalf("after %v at a form, the app got %#v", sig, m)
		}
	}
	got, stopApp = seen(s)
	defer stopApp()
	s.deliver(os.Interrupt)
	if m := next(t, got); m != (SignalMsg{os.Interrupt}) {
		t.Fatalf("a SIGINT outside a hand-over gave the app %#v", m)
	}
}
