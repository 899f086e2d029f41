package ui

import (
	"errors"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// A signal from outside (kill, a closed terminal) stops the app: it says
// so in the user's language, with the posting files it leaves with
// uncommitted edits, and exits as the shells expect (128 + the signal).
// It said "program was killed: program was interrupted", in English,
// exit 2, and SIGTERM and SIGHUP said nothing (SIGHUP left the terminal
// raw: Bubble Tea did not catch it).
func TestASignalStopsTheAppSayingWhatItLeaves(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		lang i18n.Lang
		want string
		code int
	}{
		{syscall.SIGTERM, i18n.FR, "arrêté par un signal (SIGTERM) ; 1 fichier d’offre a des modifications non validées, laissées telles quelles", 143},
		{syscall.SIGINT, i18n.EN, "stopped by a signal (SIGINT); 1 posting file has uncommitted edits, left as they are", 130},
		{syscall.SIGHUP, i18n.EN, "stopped by a signal (SIGHUP); 1 posting file has uncommitted edits, left as they are", 129},
	} {
		bubble(t, func(t *testing.T) {
			site := demoSite(t, true)
			appendToPosting(t, site, "ux-designer.md")
			a := newTestApp(t, site, c.lang, 80, 24)
			a.send(common.SignalMsg{Signal: c.sig})
			if !a.quit {
				t.Fatalf("%v: the app did not quit", c.sig)
			}
			var st *StoppedError
			if err := a.stopped(); !errors.As(err, &st) || err.Error() != c.want || st.ExitCode() != c.code {
				t.Errorf("%v: %v (exit %d), want %q (exit %d)", c.sig, err, st.ExitCode(), c.want, c.code)
			}
		})
	}
}

// A signal that comes while a task writes (a commit) lets it end first:
// the app quits once the task is done, not in its middle.
func TestASignalWaitsForTheWriteUnderWay(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		a := newTestApp(t, site, i18n.EN, 80, 24)
		finish := make(chan struct{})
		a.send(taskMsg{writes: true, run: func() tea.Msg { <-finish; return actionMsg{status: "done"} }})
		a.send(common.SignalMsg{Signal: syscall.SIGTERM})
		if a.quit {
			t.Fatal("the app quit while a task was writing")
		}
		close(finish)
		a.settle()
		if !a.quit {
			t.Fatal("the app did not quit once the task had ended")
		}
		if err := a.stopped(); err == nil || err.Error() != "stopped by a signal (SIGTERM)" {
			t.Errorf("stopped: %v", err)
		}
	})
}
