package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
)

// Tests that reproduce the reports of issue 11 ("what a recruiter trips
// over"), one per item, named after it.

// Item 14: huh's own key hints stayed English in the French interface.
func TestIssue11FormKeyHintsInFrench(t *testing.T) {
	bubble(t, func(t *testing.T) {
		en, fr := huhKeyMap(i18n.For(i18n.EN)), huhKeyMap(i18n.For(i18n.FR))
		pairs := [][2]string{
			{en.Input.Next.Help().Desc, fr.Input.Next.Help().Desc},
			{en.Input.Prev.Help().Desc, fr.Input.Prev.Help().Desc},
			{en.Text.NewLine.Help().Desc, fr.Text.NewLine.Help().Desc},
			{en.MultiSelect.Toggle.Help().Desc, fr.MultiSelect.Toggle.Help().Desc},
			{en.Confirm.Toggle.Help().Desc, fr.Confirm.Toggle.Help().Desc},
			{en.Select.Next.Help().Desc, fr.Select.Next.Help().Desc},
		}
		for _, p := range pairs {
			if p[0] == "" || p[0] == p[1] {
				t.Errorf("key help %q is not translated (%q)", p[0], p[1])
			}
		}
		if !fr.Confirm.Accept.Enabled() || !strings.Contains(strings.Join(fr.Confirm.Accept.Keys(), ","), "o") {
			t.Errorf("French yes/no fields do not take o for oui: %v", fr.Confirm.Accept.Keys())
		}
		site := demoSite(t, false)
		a := newTestApp(t, site, i18n.FR, 80, 24)
		press(a, "down", "e")
		s := screen(a)
		if !strings.Contains(s, "enter suivant") || strings.Contains(s, "enter next") {
			t.Errorf("the French form's footer:\n%s", s)
		}
	})
}

// Item 14: a status outlived the language switch and the view it was said in.
func TestIssue11StatusDoesNotOutliveLanguageSwitch(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		a := newTestApp(t, site, i18n.EN, 100, 30)
		a.bar.status = a.c.Tr.UI.Reloaded
		press(a, "L")
		if s := screen(a); strings.Contains(s, "Reloaded from disk.") {
			t.Errorf("the English status stayed after switching to French:\n%s", s)
		}
		if !strings.Contains(screen(a), a.c.Tr.UI.NoRepo) {
			t.Errorf("why git is unavailable was not said again in French:\n%s", screen(a))
		}
		a.bar.status = a.c.Tr.UI.Reloaded
		press(a, "enter")
		if strings.Contains(screen(a), a.c.Tr.UI.Reloaded) {
			t.Errorf("the list's status followed into the preview")
		}
	})
}

// Item 3: u after an undo flipped the state again with a new commit each
// time, and the status after an undo read like an archive. Now: the
// unpushed archive is dropped, the status says "Undone" and offers redo,
// and redo then undo leaves the history as it was.
func TestIssue11UndoDropsAndRedoes(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		git := func(args ...string) string {
			t.Helper()
			cmd := exec.Command("git", args...)
			cmd.Dir = site.Root
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
			return string(out)
		}
		start := git("rev-parse", "HEAD")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		if !strings.Contains(a.bar.status, "Archived and committed") || git("rev-parse", "HEAD") == start {
			t.Fatalf("archive: status %q, error %q", a.bar.status, a.bar.err)
		}
		press(a, "u")
		if !strings.HasPrefix(a.bar.status, "Undone") || !strings.Contains(a.bar.status, "u to redo") || strings.Contains(a.bar.status, "rchived and committed") {
			t.Fatalf("undo: status %q, error %q", a.bar.status, a.bar.err)
		}
		if got := git("rev-parse", "HEAD"); got != start {
			t.Errorf("the archive commit was not dropped: HEAD %s, was %s", got, start)
		}
		if st := git("status", "--porcelain"); st != "" {
			t.Errorf("files not as before the archive:\n%s", st)
		}
		if r := a.list.Selected(); r == nil || r.State != app.RowOpen {
			t.Errorf("row not open again: %+v", r)
		}
		press(a, "u")
		if !strings.HasPrefix(a.bar.status, "Redone: Archived and committed") {
			t.Fatalf("redo: status %q, error %q", a.bar.status, a.bar.err)
		}
		if n := strings.Count(git("log", "--format=%s", strings.TrimSpace(start)+"..HEAD"), "\n"); n != 1 {
			t.Errorf("%d commits after redo, want 1", n)
		}
		press(a, "u")
		if got := git("rev-parse", "HEAD"); got != start || !strings.HasPrefix(a.bar.status, "Undone") {
			t.Errorf("undo after redo: HEAD %s, status %q", got, a.bar.status)
		}
	})
}

// Item 3: where the commit cannot be dropped (here: pushed), the undo is an
// inverse commit and says why.
func TestIssue11UndoAfterPushIsAnInverseCommit(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		bare := t.TempDir()
		for _, args := range [][]string{{"init", "-q", "--bare", bare}} {
			if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
		}
		a := newTestApp(t, site, i18n.FR, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		for _, args := range [][]string{{"remote", "add", "origin", bare}, {"push", "-q", "origin", "HEAD:refs/heads/main"}, {"fetch", "-q", "origin"}} {
			cmd := exec.Command("git", args...)
			cmd.Dir = site.Root
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v %s", args, err, out)
			}
		}
		press(a, "u")
		if !strings.HasPrefix(a.bar.status, "Annulé par un nouveau commit") || !strings.Contains(a.bar.status, "déjà poussé") || !strings.Contains(a.bar.status, "u pour rétablir") {
			t.Fatalf("status %q, error %q", a.bar.status, a.bar.err)
		}
	})
}

// Item 4: "Include uncommitted edits?" put full paths first, so the question
// and its keys were off screen; any key counted as no; after n the status
// said "Working..." forever.
func TestIssue11IncludeEditsQuestion(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		a := newTestApp(t, site, i18n.EN, 60, 20)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter")
		r := a.list.Selected()
		if r == nil || len(r.Left) == 0 {
			t.Fatal("no row")
		}
		data, _ := os.ReadFile(r.Left[0].Abs)
		os.WriteFile(r.Left[0].Abs, append(data, "\nMore.\n"...), 0o644)
		press(a, "a")
		lines := strings.Split(screen(a), "\n")
		footer := strings.Join(strings.Fields(strings.Join(lines[len(lines)-4:], " ")), " ")
		// flow, item 4: the names come before the keys, inside the question
		if !strings.HasPrefix(footer, "Include the uncommitted edits of 1 file (ux-designer.md)? (y/n)") {
			t.Fatalf("the question is not what the footer starts with: %q", footer)
		}
		press(a, "x")
		if a.bar.ask == "" {
			t.Fatal("a key that is not an answer answered no")
		}
		press(a, "n")
		if a.bar.ask != "" || a.bar.busy || a.bar.status != a.c.Tr.UI.NoChange || strings.Contains(screen(a), "Working") {
			t.Errorf("after n: ask %q busy %v status %q", a.bar.ask, a.bar.busy, a.bar.status)
		}
	})
}

// User test, 2 Dec: u after an undo redid the archive although another
// action had been made since (here: t, a translation), on a posting no
// longer on screen, writing a commit nobody asked for. u takes back or
// does again only the action just made; a redo is not made either where
// HEAD moved outside the app.
func TestRedoOnlyRightAfterTheUndo(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		git := func(args ...string) string { t.Helper(); return gitOut(t, site.Root, args...) }
		a := newTestApp(t, site, i18n.EN, 100, 30)
		archiveUndo := func() {
			t.Helper()
			press(a, "/")
			typeText(a, "ux designer")
			press(a, "enter", "a", "u")
			if !strings.HasPrefix(a.bar.status, "Undone") {
				t.Fatalf("undo: status %q, error %q", a.bar.status, a.bar.err)
			}
			press(a, "esc")
		}
		archiveUndo()
		press(a, "/")
		typeText(a, "recruitment")
		press(a, "enter", "t")
		if !strings.Contains(a.bar.status, "recruitment-coordinator.md") {
			t.Fatalf("translate: status %q, error %q", a.bar.status, a.bar.err)
		}
		git("add", "-A")
		git("commit", "-qm", "translation")
		head := git("rev-parse", "HEAD")
		press(a, "u")
		if a.bar.status != a.c.Tr.UI.NothingToUndo || git("rev-parse", "HEAD") != head {
			t.Errorf("u after another action: status %q, error %q", a.bar.status, a.bar.err)
		}
		press(a, "esc")
		archiveUndo()
		git("commit", "-q", "--allow-empty", "-m", "made outside the app")
		head = git("rev-parse", "HEAD")
		press(a, "u")
		if a.bar.status != a.c.Tr.UI.NothingToRedo || git("rev-parse", "HEAD") != head {
			t.Errorf("redo after HEAD moved: status %q, error %q", a.bar.status, a.bar.err)
		}
	})
}

// User test, 2 Dec: when the first reading of the postings failed, the
// list went on showing "Reading the postings…" with its spinner under the
// error. It says they could not be read and how to read them again, and
// ctrl+r then does.
func TestFirstReadingFailedSaysSo(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		content := filepath.Join(site.Root, "content")
		if err := os.Rename(content, content+".away"); err != nil {
			t.Fatal(err)
		}
		a := &testApp{App: New(Options{Site: site, Lang: i18n.EN, NoColor: true}), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
		t.Cleanup(a.stop)
		a.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		a.run(a.Init())
		a.settle()
		if a.store.loaded || a.bar.err == "" {
			t.Fatalf("loaded %v, error %q: the test did not make the case", a.store.loaded, a.bar.err)
		}
		s := screen(a)
		if strings.Contains(s, a.c.Tr.UI.Loading) || !strings.Contains(s, "could not be read") {
			t.Errorf("after a failed first reading:\n%s", s)
		}
		if err := os.Rename(content+".away", content); err != nil {
			t.Fatal(err)
		}
		press(a, "ctrl+r")
		if !a.store.loaded || strings.Contains(screen(a), "could not be read") {
			t.Errorf("ctrl+r did not read them again:\n%s", screen(a))
		}
	})
}
