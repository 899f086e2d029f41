package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// User test, item 3: after a task failed (here: no git repository; the
// user's was a locked index or an impossible signature), the next key
// brought back the task's "Working…", in the footer and as the help's last
// message. The error now stays the last message.
func TestFailedTaskStaysTheLastMessage(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), lang, 120, 30)
				tr := a.c.Tr
				press(a, "j", "a")
				if s := screen(a); !strings.Contains(s, tr.UI.ErrorPrefix) {
					t.Fatalf("a did not fail:\n%s", s)
				}
				press(a, "j")
				if s := screen(a); strings.Contains(s, tr.UI.Working) {
					t.Errorf("after the error, the footer says %q again:\n%s", tr.UI.Working, s)
				}
				press(a, "?")
				if s := flat(screen(a)); strings.Contains(s, tr.Picker.LastMessage+" "+tr.UI.Working) || !strings.Contains(s, flat(tr.Picker.LastMessage+" "+tr.UI.ErrorPrefix)) {
					t.Errorf("the help's last message is not the error:\n%s", screen(a))
				}
			})
		})
	}
}

// User test, item 4: the help's last message dropped the pull request's
// address that the footer shows after "o opens the pull request:".
func TestLastMessageKeepsItsLink(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 120, 30)
		url := "https://example.invalid/pr/7"
		a.send(actionMsg{status: a.c.Tr.Publish.Opened, link: url})
		press(a, "?")
		if s := flat(screen(a)); !strings.Contains(s, a.c.Tr.Picker.LastMessage+" "+a.c.Tr.Publish.Opened+" "+url) {
			t.Errorf("the help's last message has no link:\n%s", screen(a))
		}
	})
}
