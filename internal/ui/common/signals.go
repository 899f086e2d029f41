package common

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// Signals decides, once for each SIGINT, SIGTERM or SIGHUP the process
// gets, what it does in the app, which runs without Bubble Tea's own
// handler (tea.WithoutSignalHandler). Bubble Tea's handler and an
// accessible form each received the same ctrl+c, and where the form had
// been cancelled and the terminal restored before Bubble Tea looked,
// Bubble Tea took that ctrl+c for the app's too and ended it (seen on the
// loaded CI machine). One reader now sends each signal to one place:
//   - an accessible form reading the terminal: SIGINT cancels it (the app
//     goes on); SIGTERM and SIGHUP cancel it, and the app then stops;
//   - a command holding the terminal (the editor): SIGINT is the
//     command's; SIGTERM and SIGHUP stop the app once it is back;
//   - else the running app gets a SignalMsg, once; after that the next
//     signal does what it does to any program, as after Bubble Tea's.
//
// The process has one terminal and one set of signals: the root makes one
// Signals, which Common carries to the parts that hand the terminal over.
type Signals struct {
	mu      sync.Mutex
	ch      chan os.Signal
	holders int // listen calls not yet stopped: the signals are caught while > 0

	app        func(tea.Msg) // the running app's Send
	appRelease func()        // the app's hold on the signals
	away       int           // commands holding the terminal
	form       func()        // cancels the accessible form reading the terminal
	pending    os.Signal     // a SIGTERM or SIGHUP come while away: the app's once back
}

// SignalMsg tells the app a signal asks it to stop (SIGINT, SIGTERM or
// SIGHUP from outside: in the app's raw mode ctrl+c is a key).
type SignalMsg struct{ Signal os.Signal }

// stopSignals are the signals that stop the app.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// listen catches the signals until the returned stop is called.
func (s *Signals) listen() (stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holders == 0 {
		s.ch = make(chan os.Signal, len(stopSignals))
		signal.Notify(s.ch, stopSignals...)
		go s.route(s.ch)
	}
	s.holders++
	var once sync.Once
	return func() { once.Do(s.release) }
}

func (s *Signals) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holders--; s.holders == 0 {
		signal.Stop(s.ch) // once Stop has returned, nothing is sent on ch
		close(s.ch)
	}
}

// ToApp sends the signals nothing else takes to a running app (its Send,
// a SignalMsg) until the returned stop is called.
func (s *Signals) ToApp(send func(tea.Msg)) (stop func()) {
	release := s.listen()
	s.mu.Lock()
	s.app, s.appRelease = send, release
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		s.app, s.appRelease = nil, nil
		s.mu.Unlock()
		release() // a second call does nothing
	}
}

// HoldTerminal marks a command holding the terminal until back is called;
// a SIGTERM or SIGHUP come meanwhile then reaches the app.
func (s *Signals) HoldTerminal() (back func()) {
	s.mu.Lock()
	s.away++
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			s.away--
			var sig os.Signal
			if s.away == 0 && s.pending != nil {
				sig, s.pending = s.pending, nil
			}
			app, release := s.take(sig)
			s.mu.Unlock()
			if app != nil {
				// back runs inside Bubble Tea's tea.Exec, on the goroutine
				// that reads the messages: Send would wait for itself.
				go func() { app(SignalMsg{sig}); release() }()
			}
		})
	}
}

// CancelOnInterrupt has a signal call cancel until the returned stop is
// called.
func (s *Signals) CancelOnInterrupt(cancel func()) (stop func()) {
	release := s.listen()
	s.mu.Lock()
	s.form = cancel
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		s.form = nil
		s.mu.Unlock()
		release()
	}
}

func (s *Signals) route(ch chan os.Signal) {
	for sig := range ch {
		s.deliver(sig)
	}
}

// take hands out the app's Send and hold for sig (nil: none), once.
// s.mu is held.
func (s *Signals) take(sig os.Signal) (func(tea.Msg), func()) {
	app, release := s.app, s.appRelease
	if sig == nil || app == nil {
		return nil, nil
	}
	s.app, s.appRelease = nil, nil
	return app, release
}

// deliver does what sig does now: it cancels the form, goes to the app,
// waits for the terminal to come back, or goes nowhere.
func (s *Signals) deliver(sig os.Signal) {
	s.mu.Lock()
	form := s.form
	s.form = nil // each signal cancels the form: SIGINT alone, the others on their way to the app
	var now os.Signal
	switch {
	case sig == os.Interrupt && (form != nil || s.away > 0):
		// the form's, or the command's (an editor's ctrl+c)
	case s.away > 0:
		if s.pending == nil {
			s.pending = sig
		}
	default:
		now = sig
	}
	app, release := s.take(now)
	s.mu.Unlock()
	if form != nil {
		form()
	}
	if app != nil {
		// Send waits for Bubble Tea's event loop, which a hand-over just
		// begun may hold for as long as the command runs: the router goes
		// on meanwhile (a form's ctrl+c must still reach it). The hold is
		// let go only once the app has the signal: a second one must not
		// end the process before the app has put the terminal back.
		go func() { app(SignalMsg{now}); release() }()
	}
}
