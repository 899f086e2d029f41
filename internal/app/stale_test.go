package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// commitAt commits everything at a fixed time, n hours after a base.
func commitAt(t *testing.T, dir string, n int, msg string) {
	t.Helper()
	t.Setenv("GIT_AUTHOR_DATE", fmt.Sprintf("@%d +0000", 1700000000+n*3600))
	t.Setenv("GIT_COMMITTER_DATE", fmt.Sprintf("@%d +0000", 1700000000+n*3600))
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
}

func TestStaleTranslation(t *testing.T) {
	dir := siteRepo(t)
	// The English side changes after the French.
	writeFile(t, dir, enPath, "---\ntitle: Developer v2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "Update dev (en)")
	r := openRepo(t, dir)
	ps, err := StaleProblems(r, loadSite(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Key != "dev" || ps[0].Lang != "fr" || ps[0].Args["subject"] != "Update dev (en)" ||
		ps[0].Args["other"] != "en" || ps[0].Args["newDate"] != "2023-11-17" || len(ps[0].Args["staleDate"]) != 10 {
		t.Fatalf("problems: %+v", ps)
	}
	// The words come from the facts, in either language.
	want := "French last changed " + ps[0].Args["staleDate"] + ", English changed after it on 2023-11-17 (Update dev (en))"
	if en := i18n.ProblemText(i18n.For(i18n.EN), ps[0]); en != want {
		t.Errorf("English: %q", en)
	}
	if fr := i18n.ProblemText(i18n.For(i18n.FR), ps[0]); !strings.HasPrefix(fr, "français modifié le "+ps[0].Args["staleDate"]+", anglais modifié après") {
		t.Errorf("French: %q", fr)
	}
	// Both sides in one commit: nothing stale.
	writeFile(t, dir, frPath, "---\ntitle: Chef v2\narchived: false\ntranslationKey: dev\n---\nCorps\n")
	writeFile(t, dir, enPath, "---\ntitle: Developer v3\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 51, "Update dev (en, fr)")
	if ps, _ := StaleProblems(r, loadSite(t, dir)); len(ps) != 0 {
		t.Errorf("same commit: %+v", ps)
	}
	// Uncommitted edits do not count.
	writeFile(t, dir, enPath, "---\ntitle: Developer v4\narchived: false\ntranslationKey: dev\n---\nBody\n")
	if ps, _ := StaleProblems(r, loadSite(t, dir)); len(ps) != 0 {
		t.Errorf("uncommitted: %+v", ps)
	}
}
