package gitops

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// headIDsByGit is each path's object id in HEAD as git ls-tree gives it.
func headIDsByGit(t *testing.T, dir string, paths []string) map[string]plumbing.Hash {
	out := map[string]plumbing.Hash{}
	for _, p := range paths {
		line := strings.TrimSpace(runGit(t, dir, "ls-tree", "HEAD", "--", p))
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		if name := line[strings.IndexByte(line, '\t')+1:]; name == p {
			out[p] = plumbing.NewHash(fields[2])
		}
	}
	return out
}

// The object ids States compares with are git's for files, folders, paths
// through a file and missing ones, and follow HEAD when it moves (the
// folders read are kept only while HEAD stays).
func TestHeadEntriesAsGit(t *testing.T) {
	dir := seed(t)
	paths := []string{enPath, frPath, "README.md", "other", "other/notes.txt", "content/en/careers",
		"README.md/x", "missing.md", "content/en/careers/positions/missing.md", "content/de/x.md"}
	r := openRepo(t, dir)
	check := func() {
		t.Helper()
		got, born, err := r.headEntries(paths)
		if err != nil || !born {
			t.Fatalf("headEntries: %v (born %v)", err, born)
		}
		want := headIDsByGit(t, dir, paths)
		if len(got) != len(want) {
			t.Errorf("found %d paths, git %d: %v, %v", len(got), len(want), got, want)
		}
		for p, h := range want {
			if got[p] != h {
				t.Errorf("%s: %s, git %s", p, got[p], h)
			}
		}
	}
	check()
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: true\n---\nBody\n")
	writeFile(t, dir, "other/notes.txt", "more notes\n")
	runGit(t, dir, "commit", "-q", "-am", "two changes")
	check() // the same Repo, HEAD moved by git
	if _, err := r.CommitPaths([]string{enPath}, "x"); err == nil {
		t.Fatal("a commit of an unchanged file was made")
	}
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\n---\nBody\n")
	if _, err := r.CommitPaths([]string{enPath}, "back"); err != nil {
		t.Fatal(err)
	}
	check() // HEAD moved by jobtui's own commit
}

// An unborn branch has no HEAD tree: nothing is found, and no error.
func TestHeadEntriesUnborn(t *testing.T) {
	dir := gitRepo(t)
	got, born, err := openRepo(t, dir).headEntries([]string{"a.md"})
	if err != nil || born || len(got) != 0 {
		t.Errorf("unborn branch: %v %v %v", got, born, err)
	}
}

// PrefetchArchive's reading ahead gives States the same answer as a Repo
// that read nothing ahead.
func TestPrefetchArchiveThenStates(t *testing.T) {
	dir := seed(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: true\n---\nBody\n")
	paths := []string{enPath, frPath, "README.md"}
	want, err := openRepo(t, dir).States(paths)
	if err != nil {
		t.Fatal(err)
	}
	r := openRepo(t, dir)
	wait, done := r.PrefetchArchive([]string{dir + "/content/en/careers/positions", dir + "/content/fr/careers/positions", "/elsewhere"})
	wait()
	done()
	got, err := r.States(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if got[p] != want[p] {
			t.Errorf("%s: %v after the prefetch, %v without", p, got[p], want[p])
		}
	}
	if got[enPath] != StateModified || got[frPath] != StateUnchanged {
		t.Errorf("states %v", got)
	}
}
