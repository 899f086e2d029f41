package ui

import (
	"errors"
	"io"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// interruptedRun is an accessible form cut short: it reads the terminal
// through interruptible and sends itself the SIGINT a ctrl+c would be.
type interruptedRun struct{ in io.Reader }

func (r *interruptedRun) SetStdin(io.Reader)  {}
func (r *interruptedRun) SetStdout(io.Writer) {}
func (r *interruptedRun) SetStderr(io.Writer) {}

func (r *interruptedRun) Run() error {
	in, stop := interruptible(r.in)
	defer stop()
	go func() { _ = syscall.Kill(os.Getpid(), syscall.SIGINT) }()
	_, err := io.ReadAll(in)
	return err
}

type formGoneMsg struct{}

// interruptModel hands the terminal to an interruptedRun, then quits.
type interruptModel struct{ in io.Reader }

func (m interruptModel) Init() tea.Cmd {
	return handOver(&interruptedRun{in: m.in}, func(error) tea.Msg { return formGoneMsg{} })
}

func (m interruptModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(formGoneMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (interruptModel) View() tea.View { return tea.NewView("the list") }

// The CI's end-to-end test saw ctrl+c at an accessible prompt end the
// whole app now and then ("program was interrupted"), under -race: the
// SIGINT reached both the form, which it cancelled, and Bubble Tea's own
// handler, which ignores signals only while the terminal is handed over;
// when the form's end and the terminal's restoring came first, Bubble Tea
// took the same ctrl+c for the app's. One SIGINT must do one thing.
func TestCtrlCAtAFormDoesNotEndTheApp(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for i := range 20 {
		in, w, err := os.Pipe() // the terminal, which the form reads
		if err != nil {
			t.Fatal(err)
		}
		keys, kw, err := os.Pipe() // the app's keyboard
		if err != nil {
			t.Fatal(err)
		}
		p, stop := newProgram(interruptModel{in: in}, tea.WithInput(keys), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
		done := make(chan error, 1)
		go func() { _, err := p.Run(); done <- err }()
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("run %d: the program did not end (10 s)", i)
		}
		stop()
		for _, f := range []*os.File{in, w, keys, kw} {
			f.Close()
		}
		if errors.Is(err, tea.ErrInterrupted) {
			t.Fatalf("run %d: the ctrl+c that cancelled the form also ended the app: %v", i, err)
		}
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
}

// signalsSeen is a running app's Send as the router sees it.
func signalsSeen(t *testing.T, s *signalRouter) (chan tea.Msg, func()) {
	t.Helper()
	got := make(chan tea.Msg, 4)
	return got, s.toApp(func(m tea.Msg) { got <- m })
}

func kill(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatal(err)
	}
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

// Each signal goes to one place: a form on the terminal takes a SIGINT
// (the app hears nothing of it, even once the form is gone and the
// terminal back); a command holding the terminal, without a form, takes
// none; the app, else, is interrupted by SIGINT and quit by SIGTERM.
func TestEachSignalGoesToOnePlace(t *testing.T) {
	var s signalRouter
	got, stopApp := signalsSeen(t, &s)
	defer stopApp()

	back := s.holdTerminal()
	cancelled := make(chan struct{})
	stopForm := s.cancelOnInterrupt(func() { close(cancelled) })
	kill(t, syscall.SIGINT)
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the SIGINT did not cancel the form (10 s)")
	}
	stopForm()
	back()
	// Signals are routed in order: had the form's SIGINT gone to the app
	// too, it would come before this SIGTERM.
	kill(t, syscall.SIGTERM)
	if m := next(t, got); m != (tea.QuitMsg{}) {
		t.Fatalf("after the form's ctrl+c and a SIGTERM, the app got %#v first", m)
	}

	// Delivered once, the app's hold is let go, as Bubble Tea's handler
	// stops after its signal: the next ctrl+c would end a stuck app.
	s.mu.Lock()
	holders := s.holders
	s.mu.Unlock()
	if holders != 0 {
		t.Errorf("after a signal went to the app, %d holds are left on the signals", holders)
	}

	// The rest without the process's signals, whose order the kernel
	// does not keep: deliver is what the router does with each.
	got, stopApp = signalsSeen(t, &s)
	defer stopApp()
	back = s.holdTerminal()
	s.deliver(os.Interrupt) // the editor's ctrl+c, say: not the app's
	s.deliver(syscall.SIGTERM)
	stopForm = s.cancelOnInterrupt(func() { t.Error("a form gone was cancelled") })
	stopForm()
	s.deliver(os.Interrupt)
	back()
	select {
	case m := <-got:
		t.Fatalf("while a command held the terminal, the app got %#v", m)
	default:
	}
	s.deliver(os.Interrupt)
	if m := next(t, got); m != (tea.InterruptMsg{}) {
		t.Fatalf("after the terminal came back, a SIGINT gave the app %#v", m)
	}
	s.deliver(syscall.SIGTERM)
	select {
	case m := <-got:
		t.Fatalf("a second signal went to the app: %#v", m)
	default:
	}
}
