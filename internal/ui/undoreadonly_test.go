package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
)

// QA, 3 December: u on an archive whose French file had been made
// read-only since said "the file is read-only" in English, and the undo
// was gone: "Nothing to undo" once the file was writable again. It now
// says which file, in the user's language, changes nothing, and u takes
// the archive back once the file may be written.
func TestUndoRefusedByAReadOnlyFileStaysOffered(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		gitIdentity(t)
		git := func(args ...string) string { t.Helper(); return strings.TrimSpace(gitOut(t, site.Root, args...)) }
		a := newTestApp(t, site, i18n.FR, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		if a.bar.err != "" || !strings.Contains(git("log", "-1", "--format=%s"), "ux-designer") {
			t.Fatalf("archive: status %q, error %q", a.bar.status, a.bar.err)
		}
		fr := git("grep", "-l", "translationKey: ux-designer", "--", "content/fr")
		if err := os.Chmod(filepath.Join(site.Root, fr), 0o444); err != nil {
			t.Fatal(err)
		}
		head := git("rev-parse", "HEAD")
		press(a, "u")
		if !strings.Contains(a.bar.err, "lecture seule") || !strings.Contains(a.bar.err, fr) {
			t.Fatalf("undo of a read-only file: status %q, error %q", a.bar.status, a.bar.err)
		}
		if git("rev-parse", "HEAD") != head || git("status", "--porcelain") != "" {
			t.Fatal("the refused undo changed the branch or the files")
		}
		if err := os.Chmod(filepath.Join(site.Root, fr), 0o644); err != nil {
			t.Fatal(err)
		}
		press(a, "u")
		if git("rev-parse", "HEAD") == head {
			t.Fatalf("u once the file is writable: status %q, error %q", a.bar.status, a.bar.err)
		}
	})
}

// Review of 27bfa1e: a failed undo is offered again only where HEAD did
// not move (git can fail after its commit: the files are put back under
// a commit that holds the new text, and a second u would loop).
func TestFailedUndoOfferedAgainOnlyWhereHEADStayed(t *testing.T) {
	site := demoSite(t, true)
	gitIdentity(t)
	repo, err := gitops.Open(site.Root)
	if err != nil {
		t.Fatal(err)
	}
	u := &undoAction{ids: []string{"ux-designer"}}
	head := repo.HeadCommit()
	if got := againIfStill(repo, head, u); got != u {
		t.Errorf("HEAD where it was: %v, want the undo offered again", got)
	}
	gitOut(t, site.Root, "commit", "-q", "--allow-empty", "-m", "moved")
	if got := againIfStill(repo, head, u); got != nil {
		t.Errorf("HEAD moved: %v, want no undo offered", got)
	}
}
