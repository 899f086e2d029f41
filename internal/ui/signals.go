package ui

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// signals decides, once for each SIGINT or SIGTERM the process gets, what
// it does. Bubble Tea's own handler is off in the app
// (tea.WithoutSignalHandler): it and an accessible form each received the
// same ctrl+c, and where the form had been cancelled and the terminal
// restored before Bubble Tea looked, Bubble Tea took that ctrl+c for the
// app's too and ended it (seen once on the loaded CI machine). One reader
// now sends each signal to one place:
//   - an accessible form reading the terminal: SIGINT cancels it;
//   - a command holding the terminal (the editor, a form): ignored, as
//     Bubble Tea ignores signals while it has let go of the terminal;
//   - else the running app: SIGINT interrupts it (tea.InterruptMsg),
//     SIGTERM quits it (tea.QuitMsg), once; after that, as with Bubble
//     Tea, the next signal does what it does to any program.
var signals signalRouter

type signalRouter struct {
	mu      sync.Mutex
	ch      chan os.Signal
	holders int // listen calls not yet stopped: the signals are caught while > 0

	app        func(tea.Msg) // the running app's Send
	appRelease func()        // the app's hold on the signals
	away       int           // commands holding the terminal
	form       func()        // cancels the accessible form reading the terminal
}

// listen catches SIGINT and SIGTERM until the returned stop is called.
func (s *signalRouter) listen() (stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holders == 0 {
		s.ch = make(chan os.Signal, 1)
		signal.Notify(s.ch, os.Interrupt, syscall.SIGTERM)
		go s.route(s.ch)
	}
	s.holders++
	var once sync.Once
	return func() { once.Do(s.release) }
}

func (s *signalRouter) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holders--; s.holders == 0 {
		signal.Stop(s.ch) // once Stop has returned, nothing is sent on ch
		close(s.ch)
	}
}

// toApp sends the signals nothing else takes to a running app (its Send)
// until the returned stop is called.
func (s *signalRouter) toApp(send func(tea.Msg)) (stop func()) {
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

// holdTerminal marks a command holding the terminal until back is called.
func (s *signalRouter) holdTerminal() (back func()) {
	s.mu.Lock()
	s.away++
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			s.away--
			s.mu.Unlock()
		})
	}
}

// cancelOnInterrupt has a SIGINT call cancel until the returned stop is
// called.
func (s *signalRouter) cancelOnInterrupt(cancel func()) (stop func()) {
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

func (s *signalRouter) route(ch chan os.Signal) {
	for sig := range ch {
		s.deliver(sig)
	}
}

// deliver does what sig does now: it cancels the form, or goes to the
// app, or nowhere.
func (s *signalRouter) deliver(sig os.Signal) {
	s.mu.Lock()
	form, app, release := s.form, s.app, s.appRelease
	switch {
	case form != nil && sig == os.Interrupt:
		s.form, app = nil, nil
	case s.away > 0 || app == nil:
		form, app = nil, nil
	default:
		form, s.app, s.appRelease = nil, nil, nil
	}
	s.mu.Unlock()
	switch {
	case form != nil:
		form()
	case app != nil:
		var msg tea.Msg = tea.QuitMsg{}
		if sig == os.Interrupt {
			msg = tea.InterruptMsg{}
		}
		app(msg)
		release()
	}
}
