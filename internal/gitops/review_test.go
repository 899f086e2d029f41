package gitops

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// staleOne returns the single stale pair of the site, with its diff.
func stalePairsOf(t *testing.T, dir string) []*StalePair {
	t.Helper()
	r := openRepo(t, dir)
	pairs, err := StalePairs(r, loadSite(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := LoadDiffs(context.Background(), r, pairs); err != nil {
		t.Fatal(err)
	}
	return pairs
}

// checkAgainstGit: since is the translation's last change as git log says
// (or the review mark given), sourceDiff what git diff prints.
func checkAgainstGit(t *testing.T, dir string, p *StalePair, mark string) {
	t.Helper()
	want := strings.TrimSpace(gitOut(t, dir, "log", "-1", "--format=%H", "--", p.TranslationPath))
	if mark != "" {
		want = mark
	}
	if p.Since.Hash.String() != want || p.Reviewed != (mark != "") {
		t.Errorf("since %s (reviewed %v), want %s", p.Since.Hash, p.Reviewed, want)
	}
	if d := gitOut(t, dir, "diff", want, "--", p.SourcePath); p.SourceDiff != d || d == "" {
		t.Errorf("sourceDiff:\n%s\ngit diff:\n%s", p.SourceDiff, d)
	}
}

func TestStalePairsSinceDiffAndMarks(t *testing.T) {
	dir := siteRepo(t)
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("fresh site: %+v", ps)
	}
	// English changes twice after the French.
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody\n\n## Skills\n\nGo and SQL.\n")
	commitAt(t, dir, 50, "Skills (en)")
	writeFile(t, dir, enPath, "---\ntitle: Senior developer\narchived: false\ntranslationKey: dev\n---\nBody\n\n## Skills\n\nGo, SQL and git.\n")
	commitAt(t, dir, 51, "Senior (en)")
	ps := stalePairsOf(t, dir)
	if len(ps) != 1 || ps[0].Key != "dev" || ps[0].TranslationLang != "fr" || ps[0].SourceLang != "en" {
		t.Fatalf("pairs: %+v", ps)
	}
	checkAgainstGit(t, dir, ps[0], "")
	if ps[0].ChangedLines != 5 { // title (1) + blank, heading, blank, text (4)
		t.Errorf("changed lines %d in\n%s", ps[0].ChangedLines, ps[0].SourceDiff)
	}

	// An uncommitted edit of the source shows in the diff (not in since).
	writeFile(t, dir, enPath, "---\ntitle: Senior developer\narchived: false\ntranslationKey: dev\n---\nBody\n\n## Skills\n\nGo, SQL and git (uncommitted).\n")
	ps = stalePairsOf(t, dir)
	checkAgainstGit(t, dir, ps[0], "")
	if !strings.Contains(ps[0].SourceDiff, "uncommitted") {
		t.Errorf("diff without the edit:\n%s", ps[0].SourceDiff)
	}
	runGit(t, dir, "checkout", "--", enPath)

	// A review mark for another key changes nothing; one for dev clears it.
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "Review\n\nTranslation-Reviewed: old")
	if ps := stalePairsOf(t, dir); len(ps) != 1 {
		t.Fatalf("mark of another key: %+v", ps)
	}
	r := openRepo(t, dir)
	writeFile(t, dir, "README.md", "staged, not to be committed by the mark\n")
	runGit(t, dir, "add", "README.md")
	res, err := r.CommitReviewMark(context.Background(), "Mark translation reviewed: dev\n\nTranslation-Reviewed: dev\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := gitOut(t, dir, "show", "--format=%B", "--name-only", "HEAD"); got != "Mark translation reviewed: dev\n\nTranslation-Reviewed: dev\n\n" {
		t.Errorf("mark commit %q", got)
	}
	if st := gitOut(t, dir, "status", "--porcelain"); st != "M  README.md\n" {
		t.Errorf("status after the mark: %q", st)
	}
	runGit(t, dir, "reset", "-q", "--hard")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("reviewed: %+v", ps)
	}
	// A later change of the source: stale again, since the review.
	writeFile(t, dir, enPath, "---\ntitle: Senior developer\narchived: false\ntranslationKey: dev\n---\nBody\n\n## Skills\n\nGo, SQL, git.\n")
	commitAt(t, dir, 60, "Commas (en)")
	ps = stalePairsOf(t, dir)
	if len(ps) != 1 {
		t.Fatalf("after the review: %+v", ps)
	}
	checkAgainstGit(t, dir, ps[0], res.Hash.String())
	if ps[0].ChangedLines != 1 {
		t.Errorf("changed lines %d", ps[0].ChangedLines)
	}
	// The French is updated: nothing stale.
	writeFile(t, dir, frPath, "---\r\ntitle: 'Chef d’équipe'\r\narchived: false # à revoir\r\ntranslationKey: dev\r\n---\r\nCorps mis à jour\r\n")
	commitAt(t, dir, 61, "Update dev (fr)")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("French updated: %+v", ps)
	}
	// Now the French moves on: the English is stale, with a quoted name in
	// the diff (accents, apostrophe).
	writeFile(t, dir, frPath, "---\r\ntitle: 'Chef d’équipe principal'\r\narchived: false # à revoir\r\ntranslationKey: dev\r\n---\r\nCorps mis à jour\r\n")
	commitAt(t, dir, 62, "Titre (fr)")
	ps = stalePairsOf(t, dir)
	if len(ps) != 1 || ps[0].TranslationLang != "en" || ps[0].SourcePath != frPath {
		t.Fatalf("reverse: %+v", ps)
	}
	checkAgainstGit(t, dir, ps[0], "")
	if !strings.Contains(ps[0].SourceDiff, `"a/content/fr/careers/positions/chef-d\342\200\231\303\251quipe.md"`) {
		t.Errorf("quoted name expected:\n%s", ps[0].SourceDiff)
	}
}

// A change undone, or a change of file mode only: the source is as it was
// when the translation was last updated, nothing to review.
func TestStalePairsUndoneOrModeOnly(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer 2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "Title (en)")
	if ps := stalePairsOf(t, dir); len(ps) != 1 {
		t.Fatalf("changed: %+v", ps)
	}
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 51, "Revert title (en)")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("undone: %+v", ps)
	}
	if err := os.Chmod(dir+"/"+enPath, 0o755); err != nil {
		t.Fatal(err)
	}
	commitAt(t, dir, 52, "Mode only (en)")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("mode only: %+v", ps)
	}
	// The translation created after its source is not behind it.
	writeFile(t, dir, "content/en/careers/positions/new.md", "---\ntitle: New\ntranslationKey: new\n---\nBody\n")
	commitAt(t, dir, 53, "New (en)")
	writeFile(t, dir, "content/fr/careers/positions/nouveau.md", "---\ntitle: Nouveau\ntranslationKey: new\n---\nCorps\n")
	commitAt(t, dir, 54, "Nouveau (fr)")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("translation created later: %+v", ps)
	}
}

// A review made on a branch that forked before the source's change does
// not cover that change, even once merged; one made after it does, through
// a merge.
func TestReviewMarkAcrossMerges(t *testing.T) {
	dir := siteRepo(t)
	runGit(t, dir, "checkout", "-q", "-b", "review")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "Looked at it\n\nTranslation-Reviewed: dev")
	early := strings.TrimSpace(gitOut(t, dir, "rev-parse", "HEAD"))
	runGit(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, enPath, "---\ntitle: Developer 2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "Update dev (en)")
	runGit(t, dir, "merge", "-q", "--no-ff", "review", "-m", "merge review")
	ps := stalePairsOf(t, dir)
	if len(ps) != 1 {
		t.Fatalf("early review must not count: %+v", ps)
	}
	checkAgainstGit(t, dir, ps[0], early) // but the diff starts from it
	runGit(t, dir, "checkout", "-q", "-b", "review2")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "Squashed work\n\n* Translation-Reviewed: no\nTranslation-reviewed: dev\nCo-authored-by: x <x@example.org>")
	runGit(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, "README.md", "other work\n")
	commitAt(t, dir, 70, "unrelated")
	runGit(t, dir, "merge", "-q", "--no-ff", "review2", "-m", "merge review2")
	if ps := stalePairsOf(t, dir); len(ps) != 0 {
		t.Fatalf("review merged: %+v", ps)
	}
	// A fresh clone sees the same (the marks are commits).
	clone := t.TempDir()
	runGit(t, dir, "clone", "-q", dir, clone)
	if ps := stalePairsOf(t, clone); len(ps) != 0 {
		t.Fatalf("fresh clone: %+v", ps)
	}
	// Switching to a branch without the review: stale again (the cache of
	// marks follows HEAD).
	runGit(t, dir, "checkout", "-q", "-b", "without", "HEAD~1")
	if ps := stalePairsOf(t, dir); len(ps) != 1 {
		t.Fatalf("branch without the review: %+v", ps)
	}
}

func TestReviewKeys(t *testing.T) {
	for msg, want := range map[string][]string{
		"x":                                  nil,
		"x\n\nTranslation-Reviewed: a b\r\n": {"a b"},
		"translation-reviewed:k\nTranslation-Reviewed:  \nTranslation-Reviewed: l": {"k", "l"},
		"Translation-Reviewed-By: z":      nil,
		" Translation-Reviewed: indented": nil,
	} {
		if got := ReviewKeys(msg); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", msg, got, want)
		}
	}
}

func TestCommitReviewMarkRefusals(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	head := gitOut(t, dir, "rev-parse", "HEAD")
	if _, err := r.CommitReviewMark(context.Background(), "no trailer"); err == nil {
		t.Error("a message without the trailer was accepted")
	}
	runGit(t, dir, "checkout", "-q", "--detach")
	var ge *Error
	if _, err := r.CommitReviewMark(context.Background(), "m\n\nTranslation-Reviewed: dev"); !errors.As(err, &ge) || ge.Kind != KindDetachedHead {
		t.Errorf("detached: %v", err)
	}
	runGit(t, dir, "checkout", "-q", "main")
	// A hook that refuses: nothing committed, the hook's words kept.
	writeFile(t, dir, ".git/hooks/commit-msg", "#!/bin/sh\necho 'no marks today' >&2\nexit 1\n")
	os.Chmod(dir+"/.git/hooks/commit-msg", 0o755)
	var refused *Error
	if _, err := r.CommitReviewMark(context.Background(), "m\n\nTranslation-Reviewed: dev"); !errors.As(err, &refused) || refused.Kind != KindCommitRefused || !strings.Contains(refused.Output, "no marks today") {
		t.Errorf("hook: %v", err)
	}
	if gitOut(t, dir, "rev-parse", "HEAD") != head {
		t.Error("HEAD moved")
	}
}

func TestChangedLines(t *testing.T) {
	d := "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n+B2\n c\n-d\n e\n+f\n\\ No newline at end of file\n"
	if n := ChangedLines(d); n != 4 {
		t.Errorf("%d", n)
	}
	if ChangedLines("") != 0 {
		t.Error("empty")
	}
}

// TestReviewMarkCommitsAsEveryCommit: the mark goes through the path of
// every commit: git's automatic maintenance is skipped where it would do
// nothing (the mark started a `git maintenance run --auto` after each
// commit), and kept where it has work.
func TestReviewMarkCommitsAsEveryCommit(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	trace := filepath.Join(t.TempDir(), "trace")
	t.Setenv("GIT_TRACE", trace)
	maintained := func() bool {
		t.Helper()
		if _, err := r.CommitReviewMark(context.Background(), "Reviewed\n\nTranslation-Reviewed: dev\n"); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(trace)
		return strings.Contains(string(b), "maintenance run")
	}
	if !r.maintenanceIdle(r.settings()) {
		t.Fatal("a fresh repository is not idle")
	}
	if maintained() {
		t.Error("the mark ran git's automatic maintenance, which had nothing to do")
	}
	runGit(t, dir, "config", "maintenance.strategy", "incremental")
	if !maintained() {
		t.Error("the mark skipped git's automatic maintenance, which had work")
	}
}
