package ui

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/ui/common"
)

// lockedBuffer is the program's terminal: the renderer writes from its own
// goroutine while the test reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// quickCommand returns at once, as an editor script does.
type quickCommand struct{}

func (quickCommand) Run() error          { return nil }
func (quickCommand) SetStdin(io.Reader)  {}
func (quickCommand) SetStdout(io.Writer) {}
func (quickCommand) SetStderr(io.Writer) {}

type execBackMsg struct{}

// execModel runs one command through handOver and then shows "back".
type execModel struct{ back bool }

func (m execModel) Init() tea.Cmd {
	return handOver(&common.Signals{}, quickCommand{}, func(error) tea.Msg { return execBackMsg{} })
}

func (m execModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(execBackMsg); ok {
		m.back = true
	}
	return m, nil
}

func (m execModel) View() tea.View {
	if m.back {
		return tea.NewView("back from the editor")
	}
	return tea.NewView("before the editor")
}

// The screen is drawn again after a command that returns at once (an
// editor script; the end-to-end test TestReviewViewSaysWhatItDid saw a
// blank screen for good, now and then). Bubble Tea v2.1.1 lets its old
// render goroutine stop the frame ticker after the restart has reset it
// (charmbracelet/bubbletea#1778): on one core, with a command that does
// not block, that happens nearly every time. handOver waits for the old
// goroutine first. The wait below is for the frame, not a measure of time:
// without handOver's wait, the frame never comes.
func TestScreenDrawnAfterQuickCommand(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for i := range 3 {
		out := &lockedBuffer{}
		p := tea.NewProgram(execModel{}, tea.WithInput(nil), tea.WithOutput(out), tea.WithoutSignals(), tea.WithWindowSize(80, 24))
		done := make(chan error, 1)
		go func() { _, err := p.Run(); done <- err }()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String(), "back from the editor") && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		drawn := strings.Contains(out.String(), "back from the editor")
		p.Quit()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("run %d: the program did not end after Quit (10 s)", i)
		}
		if !drawn {
			t.Fatalf("run %d: the screen was not drawn again after the command (10 s)", i)
		}
	}
}
