package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

func gitIdentity(t *testing.T) {
	for _, k := range []string{"GIT_AUTHOR", "GIT_COMMITTER"} {
		t.Setenv(k+"_NAME", "T")
		t.Setenv(k+"_EMAIL", "t@example.org")
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// withOrigin gives the repository at root a bare clone as its origin,
// which main tracks, and returns the clone's path.
func withOrigin(t *testing.T, root string) string {
	t.Helper()
	bare := filepath.Join(t.TempDir(), "site.git")
	gitOut(t, root, "clone", "-q", "--bare", ".", bare)
	gitOut(t, root, "remote", "add", "origin", bare)
	gitOut(t, root, "fetch", "-q", "origin")
	gitOut(t, root, "branch", "-q", "-u", "origin/main")
	return bare
}

// appendToPosting adds a line to a posting's body on disk, as an editor would.
func appendToPosting(t *testing.T, site *model.Site, rel string) string {
	t.Helper()
	p := filepath.Join(site.Root, "content", "en", "careers", "positions", rel)
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\nA line added by hand.\n"); err != nil {
		t.Fatal(err)
	}
	return p
}

// The list alone, through its messages: a move says so with selectMsg,
// enter asks for the preview, the filter takes every key while typed.
func TestListComponentMessages(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		a := newTestApp(t, site, i18n.EN, 100, 30)
		c := common.New(i18n.For(i18n.EN), false, true)
		l := newListView(c)
		l.SetSize(100, 27)
		l.SetRows(buildRows(a.store.cat, nil), site.Langs)
		if cmd := l.Update(keyMsg("down")); cmd == nil {
			t.Fatal("a move returned no command")
		} else if _, ok := cmd().(selectMsg); !ok {
			t.Errorf("a move sent %T, want selectMsg", cmd())
		}
		if msg := l.Update(keyMsg("enter"))(); msg != (openPreviewMsg{}) {
			t.Errorf("enter sent %T, want openPreviewMsg", msg)
		}
		l.Update(keyMsg("/"))
		if !l.Filtering() {
			t.Fatal("/ did not focus the filter")
		}
		for _, k := range []string{"q", "a", "?"} { // global and action keys are text here
			l.Update(keyMsg(k))
		}
		if got := l.filter.Value(); got != "qa?" {
			t.Errorf("filter %q, want %q", got, "qa?")
		}
		l.Update(keyMsg("esc"))
		if l.Filtering() || l.filter.Value() != "" || len(l.visible) != len(l.all) {
			t.Errorf("esc: filtering %v, filter %q, %d/%d rows", l.Filtering(), l.filter.Value(), len(l.visible), len(l.all))
		}
	})
}

// In the preview at two columns, y unlinks the columns and tab chooses
// the one that scrolls.
func TestPreviewScrollsOneColumnWhenUnlinked(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 140, 30)
		press(a, "/")
		typeText(a, "senior developer")
		press(a, "enter", "enter")
		first := func(s, side string) string {
			for _, l := range strings.Split(s, "\n")[2:] { // below the title and the column headers
				if parts := strings.SplitN(l, "│", 2); len(parts) == 2 {
					if side == "left" {
						return strings.TrimSpace(parts[0])
					}
					return strings.TrimSpace(parts[1])
				}
			}
			return ""
		}
		before := screen(a)
		press(a, "y", "tab", "j", "j", "j")
		after := screen(a)
		if first(after, "left") != first(before, "left") {
			t.Errorf("the left column moved:\n%s", after)
		}
		if first(after, "right") == first(before, "right") {
			t.Errorf("the right column did not move:\n%s", after)
		}
		// Unlinked, g is a scroll key like the others: it takes the
		// focused column to its top and leaves the other where it is.
		press(a, "tab", "j", "g")
		if s := screen(a); first(s, "left") != first(before, "left") || first(s, "right") != first(after, "right") {
			t.Errorf("g, unlinked, on the left column moved the right one, or not the left:\n%s", s)
		}
		press(a, "y", "g")
		if s := screen(a); first(s, "right") != first(before, "right") {
			t.Errorf("g did not bring the columns back to the top:\n%s", s)
		}
	})
}

// d shows the posting's changes since HEAD; esc goes back to the list.
func TestDiffOfAnEditedPosting(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "d")
		s := screen(a)
		if !strings.Contains(s, "+ A line added by hand.") || !strings.Contains(s, "esc back") {
			t.Fatalf("no diff:\n%s", s)
		}
		checkSize(t, a, 100, 30)
		press(a, "esc")
		if !strings.Contains(screen(a), "ENGLISH") {
			t.Errorf("esc did not go back to the list:\n%s", screen(a))
		}
		press(a, "esc", "/") // esc clears the kept filter
		typeText(a, "senior")
		press(a, "enter", "d")
		if s := screen(a); !strings.Contains(s, "No change against HEAD.") {
			t.Errorf("an unchanged posting:\n%s", s)
		}
	})
}

// c lists the edited posting files in a form; submitting it commits them,
// as git sees.
func TestCommitFormCommitsTheEditedFiles(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "c")
		s := screen(a)
		if !strings.Contains(s, "Files to commit") || !strings.Contains(s, "ux-designer.md") {
			t.Fatalf("no commit form:\n%s", s)
		}
		press(a, "enter", "enter")
		if !strings.Contains(a.bar.status, "Committed") {
			t.Fatalf("status %q, error %q\n%s", a.bar.status, a.bar.err, screen(a))
		}
		if st := gitOut(t, site.Root, "status", "--porcelain"); st != "" {
			t.Errorf("git status after the commit:\n%s", st)
		}
		if files := gitOut(t, site.Root, "show", "--name-only", "--format="); strings.TrimSpace(files) != "content/en/careers/positions/ux-designer.md" {
			t.Errorf("committed files:\n%s", files)
		}
	})
}

// Marked rows are archived in one commit; the marks go with it.
func TestMarkedRowsArchiveInOneCommit(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		head := gitOut(t, site.Root, "rev-parse", "HEAD")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "2") // open postings only
		press(a, "space", "space")
		if !strings.Contains(screen(a), "2 marked") {
			t.Fatalf("no marks:\n%s", screen(a))
		}
		press(a, "a")
		if !strings.Contains(a.bar.status, "Archived and committed") {
			t.Fatalf("status %q, error %q", a.bar.status, a.bar.err)
		}
		if n := strings.Count(gitOut(t, site.Root, "log", "--format=%H", strings.TrimSpace(head)+"..HEAD"), "\n"); n != 1 {
			t.Errorf("%d commits, want 1", n)
		}
		if files := strings.Count(gitOut(t, site.Root, "show", "--name-only", "--format="), ".md"); files != 4 {
			t.Errorf("%d files in the commit, want 4 (two pairs)", files)
		}
		if strings.Contains(screen(a), "marked") {
			t.Errorf("the marks outlived the archive:\n%s", screen(a))
		}
	})
}

// q asks first when posting files have uncommitted edits.
func TestQuitAsksWithUncommittedEdits(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "q")
		if a.quit || !strings.Contains(screen(a), "1 posting file has uncommitted edits. Quit anyway? (y/n)") {
			t.Fatalf("quit %v without asking:\n%s", a.quit, screen(a))
		}
		press(a, "n")
		if a.quit || strings.Contains(screen(a), "Quit anyway") {
			t.Fatalf("n: quit %v\n%s", a.quit, screen(a))
		}
		press(a, "q", "y")
		if !a.quit {
			t.Error("y did not quit")
		}
	})
}

// Without edits q quits at once; the help closes on any key, and in the
// preview lists the preview's keys.
func TestHelpAndQuit(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, true), i18n.EN, 100, 30)
		press(a, "enter", "?")
		if s := screen(a); !strings.Contains(s, "other language") || !strings.Contains(s, "scroll together") {
			t.Errorf("the preview's help:\n%s", s)
		}
		press(a, "x")
		if s := screen(a); strings.Contains(s, "Keys") || !strings.Contains(s, "tab other language") {
			t.Errorf("the help did not give way to the preview:\n%s", s)
		}
		press(a, "esc", "q")
		if !a.quit {
			t.Error("q did not quit")
		}
	})
}

// A click selects the row under the pointer (below the title, the tabs
// and the column header).
func TestClickSelectsARow(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 100, 30)
		a.send(tea.MouseClickMsg{X: 10, Y: 5, Button: tea.MouseLeft})
		if r := a.list.Selected(); r == nil || r.ID != a.list.all[a.list.visible[2]].ID {
			t.Errorf("selected %+v, want the third row", r)
		}
	})
}

// $VISUAL first, then $EDITOR with its arguments (through x/editor).
func TestEditorCommand(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "code --wait")
	cmd, err := editorCommand("/tmp/p.md")
	if err != nil || strings.Join(cmd.Args, " ") != "code --wait /tmp/p.md" {
		t.Errorf("EDITOR: %v %v", cmd, err)
	}
	t.Setenv("VISUAL", "vim -n")
	cmd, _ = editorCommand("/tmp/p.md")
	if strings.Join(cmd.Args, " ") != "vim -n /tmp/p.md" {
		t.Errorf("VISUAL: %v", cmd.Args)
	}
}
