package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// User test (flow, item 4): removing postings said "Removed 2 files: …
// u to undo", without the parentheses every other status has.
func TestRemovedStatusSaysUndoInParentheses(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "x", "y")
		if !strings.HasPrefix(a.bar.status, "Removed 2 files: ") || !strings.HasSuffix(a.bar.status, " (u to undo)") {
			t.Errorf("status %q (error %q)", a.bar.status, a.bar.err)
		}
	})
}

// User test (flow, item 4): P in pull-request mode with nothing ahead of
// the remote said "Error: nothing to commit". It says there is nothing to
// propose, as news, not as an error.
func TestNothingToProposeIsNoError(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, true)
				gitIdentity(t)
				root := site.Root
				withOrigin(t, root)
				if err := os.WriteFile(filepath.Join(root, ".jobtui.yaml"), []byte("publish: pull-request\nbase: main\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				a := newTestApp(t, site, lang, 100, 30)
				press(a, "P")
				if a.bar.err != "" || a.bar.status != a.c.Tr.Publish.NothingToPropose {
					t.Errorf("status %q, error %q; want %q", a.bar.status, a.bar.err, a.c.Tr.Publish.NothingToPropose)
				}
			})
		})
	}
}
