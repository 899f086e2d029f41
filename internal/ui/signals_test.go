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

	"github.com/jobtui/jobtui/internal/ui/common"
)

// interruptedRun is an accessible form cut short: it reads the terminal
// through interruptible and sends itself the SIGINT a ctrl+c would be.
type interruptedRun struct {
	in      io.Reader
	signals *common.Signals
}

func (r *interruptedRun) SetStdin(io.Reader)  {}
func (r *interruptedRun) SetStdout(io.Writer) {}
func (r *interruptedRun) SetStderr(io.Writer) {}

func (r *interruptedRun) Run() error {
	in, stop := interruptible(r.signals, r.in)
	defer stop()
	go func() { _ = syscall.Kill(os.Getpid(), syscall.SIGINT) }()
	_, err := io.ReadAll(in)
	return err
}

type formGoneMsg struct{}

// interruptModel hands the terminal to an interruptedRun, then quits.
type interruptModel struct {
	in      io.Reader
	signals *common.Signals
}

func (m interruptModel) Init() tea.Cmd {
	return handOver(m.signals, &interruptedRun{in: m.in, signals: m.signals}, func(error) tea.Msg { return formGoneMsg{} })
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
		s := &common.Signals{}
		p, stop := newProgram(s, interruptModel{in: in, signals: s}, tea.WithInput(keys), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
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
