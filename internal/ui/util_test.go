package ui

import (
	"fmt"
	"reflect"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
)

func itoa(n int) string    { return strconv.Itoa(n) }
func fmtType(v any) string { return fmt.Sprintf("%T", v) }

// sequence unwraps Bubble Tea's unexported sequence message (tea.Sequence)
// into its commands, so that tests run them in order as the runtime would.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// within runs cmd and gives its message if it comes within d: commands that
// wait for a timer are left out, as a test cannot wait for them.
func within(cmd tea.Cmd, d time.Duration) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case m := <-ch:
		return m, true
	case <-time.After(d):
		return nil, false
	}
}
