package gitops

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// commitAt commits everything with a fixed date so that history order is
// deterministic.
func commitAt(t *testing.T, dir string, n int, msg string) {
	t.Helper()
	zone := []string{"+0000", "+0200", "-0530"}[n%3] // kept as the commit has it
	t.Setenv("GIT_AUTHOR_DATE", fmt.Sprintf("@%d %s", 1700000000+n*3600, zone))
	t.Setenv("GIT_COMMITTER_DATE", fmt.Sprintf("@%d %s", 1700000000+n*3600, zone))
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
}

// A history with merges: a side branch that changes a file, a merge that
// keeps one side's version, a conflict resolved by a new version, a file
// deleted and re-added, and French names with accents and ’.
func historyRepo(t *testing.T) (string, []string) {
	dir := gitRepo(t)
	a, b := "content/en/careers/positions/a.md", "content/fr/careers/positions/chef-d’équipe.md"
	c, d := "content/en/careers/positions/c.md", "other/d.md"
	writeFile(t, dir, a, "a1\n")
	writeFile(t, dir, b, "b1\n")
	writeFile(t, dir, c, "c1\n")
	writeFile(t, dir, d, "d1\n")
	commitAt(t, dir, 1, "one")
	runGit(t, dir, "checkout", "-q", "-b", "side")
	writeFile(t, dir, b, "b2 side\n")
	commitAt(t, dir, 2, "side changes b")
	writeFile(t, dir, c, "c-side\n")
	commitAt(t, dir, 3, "side changes c")
	runGit(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, a, "a2\n")
	commitAt(t, dir, 4, "main changes a")
	writeFile(t, dir, c, "c-main\n")
	commitAt(t, dir, 5, "main changes c")
	// Merge: b comes from side unchanged; c conflicts and is resolved anew.
	t.Setenv("GIT_AUTHOR_DATE", "@1700030000 +0000")
	t.Setenv("GIT_COMMITTER_DATE", "@1700030000 +0000")
	cmd := runGitAllowFail(dir, "merge", "-q", "--no-ff", "side", "-m", "merge side")
	_ = cmd
	writeFile(t, dir, c, "c-resolved\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "--no-edit")
	os.Remove(dir + "/" + a)
	commitAt(t, dir, 10, "delete a")
	writeFile(t, dir, a, "a1\n")
	commitAt(t, dir, 11, "re-add a")
	writeFile(t, dir, "unrelated.txt", "x\n")
	commitAt(t, dir, 12, "unrelated")
	// A merge that keeps main's version of everything (ours).
	runGit(t, dir, "checkout", "-q", "-b", "other", "HEAD~3")
	writeFile(t, dir, d, "d-other\n")
	commitAt(t, dir, 13, "other changes d")
	runGit(t, dir, "checkout", "-q", "main")
	t.Setenv("GIT_COMMITTER_DATE", "@1700100000 +0000")
	runGit(t, dir, "merge", "-q", "-s", "ours", "other", "-m", "merge other keeping ours")
	return dir, []string{a, b, c, d, "unrelated.txt", "missing.md"}
}

func runGitAllowFail(dir string, args ...string) error {
	cmd := execGit(dir, args...)
	return cmd.Run()
}

func TestLastChangesMatchesGitLog(t *testing.T) {
	dir, paths := historyRepo(t)
	r := openRepo(t, dir)
	got, err := r.LastChanges(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		want := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
		have := ""
		if c := got[p]; c != nil {
			have = c.Hash.String()
		}
		if have != want {
			t.Errorf("%s: jobtui %s, git log %s", p, have, want)
		}
	}
	// A second run, in another process as it were, comes from the cache
	// and agrees, to the commit's time zone.
	if _, err := os.Stat(r.historyCachePath()); err != nil {
		t.Errorf("no cache: %v", err)
	}
	again, err := openRepo(t, dir).LastChanges(paths)
	if err != nil || len(again) != len(got) {
		t.Fatalf("cached: %v %v", again, err)
	}
	for p, c := range got {
		a := again[p]
		_, zc := c.When.Zone()
		_, za := a.When.Zone()
		if a == nil || a.Hash != c.Hash || a.Subject != c.Subject || a.Author != c.Author || !a.When.Equal(c.When) || za != zc {
			t.Errorf("%s: cached %+v, walked %+v", p, a, c)
		}
	}
	// A corrupt cache is ignored.
	os.WriteFile(r.historyCachePath(), []byte("{not json"), 0o644)
	if c, err := r.LastChanges(paths); err != nil || len(c) != len(got) {
		t.Errorf("corrupt cache: %v %v", c, err)
	}
}

func TestLastChangesUnborn(t *testing.T) {
	dir := gitRepo(t)
	got, err := openRepo(t, dir).LastChanges([]string{"x.md"})
	if err != nil || len(got) != 0 {
		t.Errorf("%v %v", got, err)
	}
}

// In a linked worktree (its git folder is .git/worktrees/NAME, the objects
// and the commit-graph file are in the main one's), the walk reads the
// same history as git log.
func TestLastChangesInLinkedWorktree(t *testing.T) {
	dir, paths := historyRepo(t)
	runGit(t, dir, "gc", "-q")
	runGit(t, dir, "commit-graph", "write", "--reachable")
	linked := filepath.Join(t.TempDir(), "linked")
	runGit(t, dir, "worktree", "add", "-q", "-b", "linked", linked)
	writeFile(t, linked, paths[0], "changed in the linked worktree\n")
	commitAt(t, linked, 20, "linked changes a")
	r := openRepo(t, linked)
	if r.commonDir() == r.GitDir {
		t.Fatalf("%s: not a linked worktree's git folder", r.GitDir)
	}
	got, err := r.LastChanges(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		want := strings.TrimSpace(runGit(t, linked, "log", "-1", "--format=%H", "--", p))
		have := ""
		if c := got[p]; c != nil {
			have = c.Hash.String()
		}
		if p == "missing.md" {
			want = ""
		}
		if have != want {
			t.Errorf("%s: jobtui %q, git log %q", p, have, want)
		}
	}
}
