package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// stageOther stages a change of the person's own outside the postings,
// which no undo of jobtui's may take out of the index.
func stageOther(t *testing.T, site *model.Site) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(site.Root, "NOTES.md"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, site.Root, "add", "NOTES.md")
}

// u after c takes the commit of the edits back: the branch is where it
// was, the edits are still in the file, not committed, and a change the
// person had staged elsewhere is still staged. It was not offered ("Nothing
// to undo").
func TestUndoACommitOfEdits(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		bubble(t, func(t *testing.T) {
			gitIdentity(t)
			site := demoSite(t, true)
			head := gitOut(t, site.Root, "rev-parse", "HEAD")
			appendToPosting(t, site, "ux-designer.md")
			edited, _ := os.ReadFile(filepath.Join(site.Root, "content/en/careers/positions/ux-designer.md"))
			stageOther(t, site)
			a := newTestApp(t, site, lang, 100, 30)
			press(a, "c", "enter", "enter")
			tr := i18n.For(lang)
			if !strings.Contains(a.bar.status, tr.UI.UndoHint) || gitOut(t, site.Root, "rev-parse", "HEAD") == head {
				t.Fatalf("%s: after c: status %q, error %q", lang, a.bar.status, a.bar.err)
			}
			commit := gitOut(t, site.Root, "rev-parse", "--short", "HEAD")
			press(a, "u")
			if want := i18n.F(tr.UI.CommitUndone, "hash", strings.TrimSpace(commit)); a.bar.status != want {
				t.Errorf("%s: after u: status %q, error %q, want %q", lang, a.bar.status, a.bar.err, want)
			}
			if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head {
				t.Errorf("%s: HEAD is %s, want %s", lang, got, head)
			}
			if st := gitOut(t, site.Root, "status", "--porcelain"); st != "A  NOTES.md\n M content/en/careers/positions/ux-designer.md\n" {
				t.Errorf("%s: git status after the undo:\n%s", lang, st)
			}
			if now, _ := os.ReadFile(filepath.Join(site.Root, "content/en/careers/positions/ux-designer.md")); string(now) != string(edited) {
				t.Errorf("%s: the edited file changed:\n%s", lang, now)
			}
		})
	}
}

// u after m takes the review mark back: its empty commit goes, the
// translation is to review again, and the index (a change staged by the
// person) is as it was: git reset with no path would have emptied it.
func TestUndoAReviewMark(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		head := gitOut(t, site.Root, "rev-parse", "HEAD")
		stageOther(t, site)
		a := newTestApp(t, site, i18n.FR, 100, 30)
		a.c.Clock = func() time.Time { return reviewDay }
		press(a, "5", "enter", "m")
		tr := i18n.For(i18n.FR)
		if !strings.Contains(a.bar.status, "Marquée révisée") || !strings.Contains(a.bar.status, tr.UI.UndoHint) {
			t.Fatalf("after m: status %q, error %q", a.bar.status, a.bar.err)
		}
		commit := strings.TrimSpace(gitOut(t, site.Root, "rev-parse", "--short", "HEAD"))
		press(a, "u")
		if want := i18n.F(tr.Review.MarkUndone, "hash", commit); a.bar.status != want {
			t.Errorf("after u: status %q, error %q, want %q", a.bar.status, a.bar.err, want)
		}
		if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head {
			t.Errorf("HEAD is %s, want %s", got, head)
		}
		if st := gitOut(t, site.Root, "status", "--porcelain"); st != "A  NOTES.md\n" {
			t.Errorf("git status after the undo:\n%s", st)
		}
		press(a, "5")
		if s := screen(a); !strings.Contains(s, "Product Manager") {
			t.Errorf("the translation is not to review again:\n%s", s)
		}
	})
}

// A QA run: u after a form's save said "Nothing to undo", though the
// footer offers u. It now puts the files back, byte for byte, while they
// still have the bytes the save left; a file changed since is never
// overwritten (the undo is refused, and stays on offer).
func TestUndoAFormSaveAndAnEditorSession(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		en := filepath.Join(site.Root, "content/en/careers/positions/ux-designer.md")
		before, _ := os.ReadFile(en)
		a := newTestApp(t, site, i18n.FR, 100, 30)
		filterList(a, "ux designer")
		press(a, "e", "enter", "enter", "enter", "enter", "enter", "end")
		typeText(a, " Lead")
		press(a, "enter", "enter", "enter", "enter")
		tr := i18n.For(i18n.FR)
		if a.bar.status != i18n.WithUndoHint(tr, tr.N(tr.UI.Saved, 1)) {
			t.Fatalf("after the form: status %q, error %q", a.bar.status, a.bar.err)
		}
		saved, _ := os.ReadFile(en)
		// Changed on disk since: refused, the file kept.
		if err := os.WriteFile(en, append(saved, "mine\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		press(a, "u")
		if now, _ := os.ReadFile(en); a.bar.err == "" || string(now) != string(saved)+"mine\n" {
			t.Fatalf("u over a change made on disk: error %q, the file:\n%s", a.bar.err, now)
		}
		if err := os.WriteFile(en, saved, 0o644); err != nil {
			t.Fatal(err)
		}
		press(a, "u")
		if now, _ := os.ReadFile(en); a.bar.status != tr.N(tr.UI.EditUndone, 1) || string(now) != string(before) {
			t.Fatalf("u after the save: status %q, error %q, the file:\n%s", a.bar.status, a.bar.err, now)
		}
		if st := gitOut(t, site.Root, "status", "--porcelain"); st != "" {
			t.Errorf("git status after the undo: %q", st)
		}

		// The editor: what it wrote goes, the bytes before it come back.
		if err := os.WriteFile(en, append(before, "An editor's line.\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		a.send(editorDoneMsg{path: en, rel: "content/en/careers/positions/ux-designer.md", before: before})
		press(a, "u")
		if now, _ := os.ReadFile(en); a.bar.status != tr.N(tr.UI.EditUndone, 1) || string(now) != string(before) {
			t.Fatalf("u after the editor: status %q, error %q, the file:\n%s", a.bar.status, a.bar.err, now)
		}
	})
}
