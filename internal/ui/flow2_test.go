package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// hooks gives the site's repository a pre-commit and a post-commit hook
// that print on stdout and stderr, one of them an escape sequence.
func hooks(t *testing.T, site *model.Site) {
	t.Helper()
	dir := filepath.Join(site.Root, ".git", "hooks")
	os.MkdirAll(dir, 0o755)
	for name, body := range map[string]string{
		"pre-commit":  "echo 'pre out'\nprintf 'pre err \\033[31mred\\n' >&2\n",
		"post-commit": "echo 'post out'\necho 'post err' >&2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// User test (flow 2, item 1): what the hooks printed was never shown after
// a commit made in the app (a, c). It follows the status, made safe, and
// is the help's last message too.
func TestHookOutputFollowsTheCommit(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, keys := range [][]string{{"a"}, {"c", "enter", "enter"}} {
			t.Run(string(lang)+" "+keys[0], func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					gitIdentity(t)
					site := demoSite(t, true)
					hooks(t, site)
					if keys[0] == "c" {
						retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
					}
					a := newTestApp(t, site, lang, 80, 24)
					press(a, "/")
					typeText(a, "ux designer")
					press(a, "enter")
					press(a, keys...)
					tr := a.c.Tr
					said := strings.SplitN(tr.UI.HookOutput, "{", 2)[0]
					st := a.bar.status
					for _, want := range []string{said, "pre out", "pre err ␛[31mred", "post out", "post err"} {
						if !strings.Contains(st, want) {
							t.Errorf("status %q (error %q) lacks %q", st, a.bar.err, want)
						}
					}
					if strings.Contains(st, "\x1b") {
						t.Errorf("a raw escape sequence in the status: %q", st)
					}
					if strings.Index(st, said) < strings.Index(st, gitOut(t, site.Root, "log", "-1", "--format=%h")[:7]) {
						t.Errorf("the hooks' words come before the commit: %q", st)
					}
					press(a, "?")
					if s := flat(screen(a)); !strings.Contains(s, flat(tr.Picker.LastMessage)) || !strings.Contains(s, "post err") {
						t.Errorf("the help's last message lacks the hooks' words:\n%s", screen(a))
					}
				})
			})
		}
	}
}
