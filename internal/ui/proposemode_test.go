package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// In pull-request mode, archiving a posting the base already has archived
// proposes nothing: the app says it is already archived, as the command
// line does and as a direct commit does, not that a commit failed.
func TestProposingAnArchiveTheBaseHasAlreadyIsNoError(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		root := site.Root
		for _, rel := range []string{"content/en/careers/positions/ux-designer.md", "content/fr/careers/positions/designer-ux.md"} {
			p := filepath.Join(root, filepath.FromSlash(rel))
			data := mustRead(t, p)
			if !strings.Contains(string(data), "archived: false") {
				t.Fatalf("%s is not open", rel)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), "archived: false", "archived: true", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		gitOut(t, root, "commit", "-q", "-am", "Archive UX designer")
		bare := withOrigin(t, root)
		gitOut(t, root, "revert", "--no-edit", "HEAD") // open here, archived on the base
		if err := os.WriteFile(filepath.Join(root, ".jobtui.yaml"), []byte("publish: pull-request\nbase: main\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		heads := gitOut(t, bare, "for-each-ref", "--format=%(refname)")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		tr := a.c.Tr
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		if a.bar.err != "" || a.bar.status != tr.Actions.AlreadyArchived {
			t.Errorf("status %q, error %q; want %q", a.bar.status, a.bar.err, tr.Actions.AlreadyArchived)
		}
		if got := gitOut(t, bare, "for-each-ref", "--format=%(refname)"); got != heads {
			t.Errorf("the server's branches changed:\n%s", got)
		}
		if st := gitOut(t, root, "status", "--porcelain"); st != "?? .jobtui.yaml\n" {
			t.Errorf("the checkout changed: %q", st)
		}
	})
}

// User test, 2 Dec: the app ignored --publish direct and proposed the
// change on a new branch, pushed to the remote, where .jobtui.yaml says
// pull-request. The flag overrides the team's setting, as for the
// commands.
func TestPublishFlagOverridesTheTeamsSettingInTheApp(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		root := site.Root
		bare := withOrigin(t, root)
		if err := os.WriteFile(filepath.Join(root, ".jobtui.yaml"), []byte("publish: pull-request\nbase: main\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		heads := gitOut(t, bare, "for-each-ref", "--format=%(refname) %(objectname)")
		local := gitOut(t, root, "for-each-ref", "--format=%(refname)", "refs/heads")
		before := gitOut(t, root, "rev-parse", "HEAD")
		a := newTestAppWith(t, Options{Site: site, Lang: i18n.EN, NoColor: true, Publish: "direct"}, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		if a.bar.err != "" || !strings.Contains(a.bar.status, "Archived and committed") {
			t.Fatalf("status %q, error %q", a.bar.status, a.bar.err)
		}
		if got := gitOut(t, root, "rev-parse", "HEAD~1"); got != before {
			t.Errorf("not one commit on the branch: HEAD~1 %s, was %s", got, before)
		}
		if got := gitOut(t, bare, "for-each-ref", "--format=%(refname) %(objectname)"); got != heads {
			t.Errorf("the server's branches changed:\n%s", got)
		}
		if got := gitOut(t, root, "for-each-ref", "--format=%(refname)", "refs/heads"); got != local {
			t.Errorf("a branch was made:\n%s", got)
		}
	})
}
