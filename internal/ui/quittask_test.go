package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
)

// User test, item 2: q while a task wrote (P: the proposal pushed, main
// not yet put back) quit at once, git push left running and the proposal
// half done. q and ctrl+c now ask first, in the person's language; no
// lets the task go on, yes quits. A task that only reads does not ask.
func TestQuitAsksWhileATaskWrites(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, quit := range []string{"q", "ctrl+c"} {
			t.Run(string(lang)+"_"+quit, func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					a := newTestApp(t, demoSite(t, false), lang, 120, 30)
					tr := a.c.Tr
					pushed := make(chan struct{})
					t.Cleanup(func() { close(pushed) })
					a.send(writeTask(tr.UI.Working, func() tea.Msg { <-pushed; return statusMsg("pushed") })())
					press(a, quit)
					if a.quit || !strings.Contains(flat(screen(a)), flat(tr.UI.QuitTask)) {
						t.Fatalf("%s while the task writes: quit %v\n%s", quit, a.quit, screen(a))
					}
					press(a, "n")
					if s := screen(a); a.quit || !strings.Contains(s, tr.UI.Working) {
						t.Errorf("after no, the task's status is gone or the app quit:\n%s", s)
					}
					press(a, quit, string([]rune(tr.Prompts.YesWords)[0]))
					if !a.quit {
						t.Errorf("yes did not quit:\n%s", screen(a))
					}
				})
			})
		}
	}
}

// Item 2: a task that only reads (loading, a diff) does not hold q.
func TestQuitDoesNotAskWhileATaskReads(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 120, 30)
		read := make(chan struct{})
		t.Cleanup(func() { close(read) })
		a.send(task("", func() tea.Msg { <-read; return nil })())
		press(a, "q")
		if !a.quit {
			t.Errorf("q during a read did not quit:\n%s", screen(a))
		}
	})
}
