package gitops

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// staleSummary is what a stale pair says, one line per pair.
func staleSummary(ps []*StalePair) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("%s %s<-%s since %s reviewed %v (src %s, tr %s)\n", p.Key, p.TranslationPath, p.SourcePath,
			p.Since.Hash, p.Reviewed, p.SourceChange.Hash, p.TranslationChange.Hash)
	}
	return s
}

// One Repo kept across calls, as the app keeps it: after a warm call, a
// new commit (a change, a review mark by jobtui or by git, a reset) is
// seen at once, and every answer is the one a fresh Repo gives.
func TestStalePairsWarmFollowsHead(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	check := func(step string, want int) []*StalePair {
		t.Helper()
		cat := loadSite(t, dir)
		warm, err := StalePairs(r, cat)
		if err != nil {
			t.Fatal(err)
		}
		again, err := StalePairs(r, cat)
		if err != nil {
			t.Fatal(err)
		}
		// A fresh Repo, without the caches under the git folder either.
		if err := os.RemoveAll(filepath.Join(dir, ".git", "jobtui")); err != nil {
			t.Fatal(err)
		}
		fresh, err := StalePairs(openRepo(t, dir), loadSite(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		if len(warm) != want {
			t.Fatalf("%s: %d stale pairs, want %d:\n%s", step, len(warm), want, staleSummary(warm))
		}
		if a, b, c := staleSummary(warm), staleSummary(again), staleSummary(fresh); a != b || a != c {
			t.Fatalf("%s: warm, again and fresh differ:\n%s\n%s\n%s", step, a, b, c)
		}
		for i, p := range again {
			if p == warm[i] || p.SourceChange == warm[i].SourceChange || p.Group != cat.Groups[indexOf(cat.Groups, p.Group)] {
				t.Fatalf("%s: the answer again shares its pairs with the first, or not the catalog's groups", step)
			}
			if p.Source != p.Group.Files[p.SourceLang][0] || p.Translation != p.Group.Files[p.TranslationLang][0] {
				t.Fatalf("%s: source or translation is not the catalog's", step)
			}
		}
		return again
	}
	check("fresh site", 0)
	check("fresh site, warm", 0)

	writeFile(t, dir, enPath, "---\ntitle: Developer 2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "Title (en)")
	ps := check("English changed", 1)
	if ps[0].TranslationLang != "fr" || ps[0].Reviewed {
		t.Fatalf("English changed: %s", staleSummary(ps))
	}
	ps[0].Since.Subject, ps[0].SourceChange.Subject = "changed by the caller", "changed by the caller"
	if again := check("after the caller changed its copy", 1); again[0].Since.Subject == "changed by the caller" || again[0].SourceChange.Subject == "changed by the caller" {
		t.Fatal("a caller's change of a pair reached the next answer")
	}

	// A review mark by jobtui, on the same Repo.
	if _, err := r.CommitReviewMark(context.Background(), "Reviewed\n\nTranslation-Reviewed: dev\n"); err != nil {
		t.Fatal(err)
	}
	check("marked reviewed by jobtui", 0)

	// Stale again since the mark, then a mark made by git.
	writeFile(t, dir, enPath, "---\ntitle: Developer 3\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 60, "Title again (en)")
	mark := runGit(t, dir, "rev-parse", "HEAD~1")
	ps = check("changed after the mark", 1)
	if ps[0].Since.Hash.String() != mark[:40] || !ps[0].Reviewed {
		t.Fatalf("since the mark %s: %s", mark, staleSummary(ps))
	}
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "Looked\n\nTranslation-Reviewed: dev")
	check("marked reviewed by git", 0)

	// HEAD moves back (a reset): stale again.
	runGit(t, dir, "reset", "-q", "--hard", "HEAD~1")
	check("mark taken back", 1)
	// The French catches up.
	writeFile(t, dir, frPath, "---\ntitle: Développeur 3\narchived: false\ntranslationKey: dev\n---\nCorps\n")
	commitAt(t, dir, 70, "Titre (fr)")
	check("French updated", 0)
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return 0
}

// LastChanges on one Repo kept across commits of one parent each (the
// answer made from the last one) and across a merge (a walk): each time
// what git log -1 says, and what a fresh Repo without caches says.
func TestLastChangesFollowsNewCommits(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	other := "content/en/careers/positions/other.md"
	paths := []string{enPath, frPath, other}
	check := func(step string) {
		t.Helper()
		got, err := r.LastChanges(paths)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(dir, ".git", "jobtui")); err != nil {
			t.Fatal(err)
		}
		fresh, err := openRepo(t, dir).LastChanges(paths)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			want := strings.TrimSpace(gitOut(t, dir, "log", "-1", "--format=%H %s", "--", p))
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				want = "" // not in HEAD: left out
			}
			g, f := "", ""
			if c := got[p]; c != nil {
				g = c.Hash.String() + " " + c.Subject
			}
			if c := fresh[p]; c != nil {
				f = c.Hash.String() + " " + c.Subject
			}
			if g != want || f != want {
				t.Errorf("%s: %s: kept Repo %q, fresh %q, git log %q", step, p, g, f, want)
			}
		}
	}
	check("start")
	writeFile(t, dir, enPath, "---\ntitle: Developer 2\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "en 2")
	check("one commit")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "empty")
	writeFile(t, dir, other, "---\ntitle: Other\n---\nBody\n")
	commitAt(t, dir, 51, "other added")
	writeFile(t, dir, frPath, "---\ntitle: Développeur 2\ntranslationKey: dev\n---\nCorps\n")
	commitAt(t, dir, 52, "fr 2")
	check("three commits")
	runGit(t, dir, "rm", "-q", other)
	commitAt(t, dir, 53, "other removed")
	check("a file removed")
	runGit(t, dir, "checkout", "-q", "-b", "side", "HEAD~2")
	writeFile(t, dir, enPath, "---\ntitle: Developer 3\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 54, "en 3 on a side branch")
	check("another branch")
	runGit(t, dir, "checkout", "-q", "main")
	runGit(t, dir, "merge", "-q", "--no-ff", "side", "-m", "merge side")
	check("a merge")
	writeFile(t, dir, other, "---\ntitle: Other again\n---\nBody\n")
	commitAt(t, dir, 55, "other again")
	check("a file made again")
}

// TestFactsOfEarlierVersionsAreDropped: answers kept by a version whose
// walk could be wrong are not used.
func TestFactsOfEarlierVersionsAreDropped(t *testing.T) {
	dir := seed(t)
	r := openRepo(t, dir)
	writeFile(t, dir, ".git/jobtui/history-facts.json", `{"v":1,"ancestor":{"a b":true},"previous":{}}`)
	if f := r.readFacts(); len(f.Ancestor) != 0 || f.Version != factsVersion {
		t.Errorf("facts of version 1 read: %+v", f)
	}
	writeFile(t, dir, ".git/jobtui/history-facts.json", fmt.Sprintf(`{"v":%d,"ancestor":{"a b":true},"previous":{}}`, factsVersion))
	if f := r.readFacts(); !f.Ancestor["a b"] {
		t.Errorf("facts of this version not read: %+v", f)
	}
}
