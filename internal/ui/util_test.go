package ui

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"

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

// timerCmd tells a command that waits for a timer (a cursor's blink, a
// spinner's tick, the file watcher), by the name of its function.
func timerCmd(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	if os.Getenv("JOBTUI_SHOW_CMDS") != "" {
		fmt.Println("cmd:", name)
	}
	for _, t := range []string{"Blink", "blink", "Tick", "tick", "watch"} {
		if strings.Contains(name, t) {
			return true
		}
	}
	return false
}
