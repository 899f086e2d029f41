package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
)

// ?'s "Last message" keeps the message's line breaks: git's commands to
// copy are a line each (they were joined by ␊); a control character that
// is not a line break still shows as a placeholder.
func TestLastMessageKeepsItsLines(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), lang, 80, 24)
				a.send(errorMsg{&gitops.Error{Kind: gitops.KindNoIdentity, Output: "tab\there, bell\a"}})
				press(a, "?")
				scr := screen(a)
				for _, want := range []string{"\n  git config --global user.name", "\n  git config --global user.email", "tab    here, bell␇"} {
					if !strings.Contains(scr, want) {
						t.Errorf("? lacks %q:\n%s", want, scr)
					}
				}
				if strings.Contains(scr, "␊") || strings.Contains(scr, "␉") {
					t.Errorf("? shows a line break or a tab as a placeholder:\n%s", scr)
				}
			})
		})
	}
}
