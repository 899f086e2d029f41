package app

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
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
	if len(ps) != 1 || ps[0].Key != "dev" || ps[0].Lang != "fr" || ps[0].Args["other"] != "en" || len(ps[0].Args["since"]) != 10 ||
		len(ps[0].Args["sinceHash"]) != 40 || ps[0].Args["lines"] != "" {
		t.Fatalf("problems: %+v", ps)
	}
	since := ps[0].Args["since"]
	// The words come from the facts, in either language.
	if en := i18n.ProblemText(i18n.For(i18n.EN), ps[0]); en != "English changed since the French was last updated on "+since {
		t.Errorf("English: %q", en)
	}
	if fr := i18n.ProblemText(i18n.For(i18n.FR), ps[0]); fr != "anglais modifié depuis la dernière mise à jour en français, le "+since {
		t.Errorf("French: %q", fr)
	}
	// With the diff: how many lines.
	cat, pairs, err := CheckWithDiffs(context.Background(), r, openSite(t, dir))
	if err != nil || len(pairs) != 1 || pairs[0].ChangedLines != 1 {
		t.Fatalf("with diffs: %v %+v", err, pairs)
	}
	for _, p := range cat.Problems {
		if p.Code != "stale-translation" {
			continue
		}
		if en := i18n.ProblemText(i18n.For(i18n.EN), p); en != "English changed 1 line since the French was last updated on "+since {
			t.Errorf("English: %q", en)
		}
		if fr := i18n.ProblemText(i18n.For(i18n.FR), p); fr != "anglais : 1 ligne modifiée depuis la dernière mise à jour en français, le "+since {
			t.Errorf("French: %q", fr)
		}
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

// CheckWithDiffs reads the history while it checks the postings: it finds
// what Load then StalePairs find, one after the other.
func TestCheckWithDiffsAsLoadThenHistory(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer v2\narchived: false\ntranslationKey: dev\n---\nBody\nmore\n")
	commitAt(t, dir, 50, "Update dev (en)")
	r := openRepo(t, dir)
	cat, pairs, err := CheckWithDiffs(context.Background(), r, openSite(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Load(openSite(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	wantPairs, err := StalePairs(context.Background(), r, want, true)
	if err != nil || len(wantPairs) != 1 || len(pairs) != 1 {
		t.Fatalf("pairs %+v, want %+v (%v)", pairs, wantPairs, err)
	}
	want.SetProblems(append(append([]model.Problem{}, want.Problems...), StaleProblemsOf(wantPairs)...))
	if !reflect.DeepEqual(cat.Problems, want.Problems) || pairs[0].Key != wantPairs[0].Key || pairs[0].SourceDiff != wantPairs[0].SourceDiff || pairs[0].ChangedLines != wantPairs[0].ChangedLines {
		t.Errorf("problems:\n%+v\nwant:\n%+v", cat.Problems, want.Problems)
	}
}
