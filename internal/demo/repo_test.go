package demo

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// writeWithGoGit is Write as it was made with go-git's root package
// (git.PlainInit, Worktree.Add, Worktree.Commit).
func writeWithGoGit(t *testing.T, dir string) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(copyTree(files, "site", dir))
	must(copyTree(files, "history", dir))
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	must(err)
	wt, err := repo.Worktree()
	must(err)
	commit := func(msg string, when time.Time) {
		must(wt.AddWithOptions(&git.AddOptions{All: true}))
		sig := at(Author, when)
		_, err := wt.Commit(msg, &git.CommitOptions{Author: &sig, Committer: &sig})
		must(err)
	}
	day := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	commit("Add the careers site with its postings", day)
	must(copyTree(files, "site", dir))
	commit("Update posting "+StaleKey+": body (en)", day.AddDate(0, 0, 9))
}

// Write makes the repository go-git's Worktree.Add and Commit made: the
// same commits (so the same trees and blobs), HEAD, configuration and
// index entries (names, blobs, modes, sizes; the rest is each file's stat
// data, filled on Linux).
func TestWriteAsGoGitDid(t *testing.T) {
	mine, theirs := filepath.Join(t.TempDir(), "mine"), filepath.Join(t.TempDir(), "theirs")
	if err := Write(mine); err != nil {
		t.Fatal(err)
	}
	writeWithGoGit(t, theirs)
	for _, name := range []string{"HEAD", "config", "refs/heads/main"} {
		a, err := os.ReadFile(filepath.Join(mine, ".git", name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(theirs, ".git", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf(".git/%s:\n%s\nwith go-git:\n%s", name, a, b)
		}
	}
	read := func(dir string) *index.Index {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, ".git", "index"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		idx := &index.Index{}
		if err := index.NewDecoder(f).Decode(idx); err != nil {
			t.Fatal(err)
		}
		return idx
	}
	a, b := read(mine), read(theirs)
	if a.Version != b.Version || len(a.Entries) != len(b.Entries) || len(a.Entries) == 0 {
		t.Fatalf("index version %d, %d entries; with go-git %d, %d", a.Version, len(a.Entries), b.Version, len(b.Entries))
	}
	for i, e := range a.Entries {
		o := b.Entries[i]
		if e.Name != o.Name || e.Hash != o.Hash || e.Mode != o.Mode || e.Size != o.Size || runtime.GOOS == "linux" && e.Inode == 0 {
			t.Errorf("index entry %+v; with go-git %+v", e, o)
		}
	}
}
