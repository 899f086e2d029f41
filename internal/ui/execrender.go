package ui

import (
	"bytes"
	"io"
	"os/exec"
	"runtime"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/ui/common"
)

// handOver runs c with the terminal, as tea.Exec does, once Bubble Tea's
// render goroutine has really stopped.
//
// Bubble Tea v2.1.1 stops its renderer by signalling the goroutine that
// draws a frame at each tick; that goroutine stops the ticker after it has
// received the signal, on its own time. When the command returns first (an
// editor script, a form answered at once, a loaded machine), the restart
// resets the ticker and the old goroutine's Stop lands after it: no frame
// is ever drawn again and the screen stays blank
// (charmbracelet/bubbletea#1778, fixed by #1781, not released). Waiting for
// that goroutine to be gone before the command runs keeps the order.
//
// While the command runs, the signals know it holds the terminal.
//
// The hold begins before Bubble Tea lets go of the terminal (as its own
// handler stopped taking signals there), and ends when the command does,
// or when it never ran (the terminal could not be let go).
func handOver(s *common.Signals, c tea.ExecCommand, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg {
		back := s.HoldTerminal()
		exec := tea.Exec(afterRenderer{c, back}, func(err error) tea.Msg { back(); return fn(err) })
		return exec()
	}
}

// afterRenderer runs its command once no render goroutine is left.
type afterRenderer struct {
	tea.ExecCommand
	back func() // the end of the hold on the terminal
}

func (a afterRenderer) Run() error {
	defer a.back()
	waitRendererGone(time.Second)
	return a.ExecCommand.Run()
}

// renderLoop is the function of Bubble Tea's render goroutine as the
// runtime names it in a stack (startRenderer's closure). Should a release
// of Bubble Tea rename it, the wait finds none and returns at once: the
// behaviour is then Bubble Tea's own.
var renderLoop = []byte("charm.land/bubbletea/v2.(*Program).startRenderer.func")

// waitRendererGone waits, up to limit, until no goroutine runs renderLoop.
// It sees every Program of the process: where another one runs (jobtui
// runs one), each hand-over would wait the whole limit, and no longer.
func waitRendererGone(limit time.Duration) {
	buf := make([]byte, 64<<10)
	for end := time.Now().Add(limit); ; {
		n := runtime.Stack(buf, true)
		if n == len(buf) && len(buf) < 64<<20 {
			buf = make([]byte, 2*len(buf))
			continue
		}
		if !bytes.Contains(buf[:n], renderLoop) || time.Now().After(end) {
			return
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
}

// osCommand is a process run with the terminal (tea.ExecProcess's own
// wrapper, which handOver cannot reach): what the command has not set
// already goes to the terminal.
type osCommand struct{ *exec.Cmd }

func (c osCommand) SetStdin(r io.Reader) {
	if c.Stdin == nil {
		c.Stdin = r
	}
}

func (c osCommand) SetStdout(w io.Writer) {
	if c.Stdout == nil {
		c.Stdout = w
	}
}

func (c osCommand) SetStderr(w io.Writer) {
	if c.Stderr == nil {
		c.Stderr = w
	}
}
