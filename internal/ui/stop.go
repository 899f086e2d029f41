package ui

import (
	"os"
	"syscall"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
)

// StoppedError: a signal stopped the app (kill, a closed terminal, a
// system shutting down). Its text is in the user's language and says
// whether posting files were left with uncommitted edits; ExitCode is the
// shell's for a death by that signal (128 + its number).
type StoppedError struct {
	Signal os.Signal
	text   string
}

func (e *StoppedError) Error() string { return e.text }

func (e *StoppedError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// signalNames are the signals' names as kill and the shells spell them.
var signalNames = map[os.Signal]string{os.Interrupt: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}

// stopped is the error Run returns once a signal stopped the app, nil
// when none did. The program has ended: the files may be looked at here.
func (a *App) stopped() error {
	if a.stoppedBy == nil {
		return nil
	}
	t := a.c.Tr
	text := i18n.F(t.UI.Stopped, "signal", signalNames[a.stoppedBy])
	if a.store.repo != nil {
		if n, err := app.Unsaved(a.store.repo, a.store.site); err == nil && n > 0 {
			text += t.N(t.UI.StoppedUnsaved, n)
		}
	}
	return &StoppedError{Signal: a.stoppedBy, text: text}
}
