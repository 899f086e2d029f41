package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// QA, 3 December: in pull-request mode P proposes the branch's commits,
// but the help called it "pousser" (push). It is named as what it does.
func TestPIsNamedProposeInPullRequestMode(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		root := site.Root
		withOrigin(t, root)
		a := newTestApp(t, site, i18n.FR, 100, 30)
		if k := a.actions.keys.Push.Help(); k.Desc != a.c.Tr.UI.Push {
			t.Errorf("direct mode: P is %q, want %q", k.Desc, a.c.Tr.UI.Push)
		}
		if err := os.WriteFile(filepath.Join(root, ".jobtui.yaml"), []byte("publish: pull-request\nbase: main\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		b := newTestApp(t, site, i18n.FR, 100, 30)
		if k := b.actions.keys.Push.Help(); k.Desc != "proposer" {
			t.Errorf("pull-request mode: P is %q, want %q", k.Desc, "proposer")
		}
		press(b, "?")
		if s := screen(b); !strings.Contains(s, "proposer") {
			t.Errorf("the help does not name P proposer:\n%s", s)
		}
	})
}
