package gitops

import (
	"path/filepath"
	"testing"
)

// A repository whose objects are borrowed (git clone --shared: every
// object is in the other repository, named in objects/info/alternates)
// reads as the original: HEAD's commit, the last changes and the stale
// pairs. Before, go-git looked for the alternates inside the git folder:
// the stale pairs were silently none and an archive failed with "object
// not found"; so it did, until 2 December 2026, for an alternate given
// relative to the objects folder.
func TestBorrowedObjectsAreRead(t *testing.T) {
	src := siteRepo(t)
	writeFile(t, src, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody changed\n")
	commitAt(t, src, 50, "en changed")
	runGit(t, src, "gc", "-q") // objects in a pack, and loose ones after
	writeFile(t, src, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody changed again\n")
	commitAt(t, src, 60, "en changed again")
	for _, relative := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "shared")
		runGit(t, src, "clone", "-q", "--shared", src, dir)
		if relative { // as git allows, from the objects folder
			objects := filepath.Join(dir, ".git", "objects")
			rel, err := filepath.Rel(objects, filepath.Join(src, ".git", "objects"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, ".git/objects/info/alternates", rel+"\n")
			runGit(t, dir, "cat-file", "-e", "HEAD^{tree}") // git reads it
		}
		t.Run(map[bool]string{false: "absolute", true: "relative"}[relative], func(t *testing.T) { readsAsTheOriginal(t, src, dir) })
	}
}

// readsAsTheOriginal: the repository at dir, which borrows the objects of
// src, gives the same HEAD commit, last changes and stale pairs.
func readsAsTheOriginal(t *testing.T, src, dir string) {
	r := openRepo(t, dir)
	head, err := r.Git.Head()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Git.CommitObject(head.Hash()); err != nil {
		t.Fatalf("HEAD's commit: %v", err)
	}
	paths := []string{enPath, frPath}
	got, err := r.LastChanges(paths)
	if err != nil {
		t.Fatal(err)
	}
	want, err := openRepo(t, src).LastChanges(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if got[p] == nil || want[p] == nil || got[p].Hash != want[p].Hash {
			t.Errorf("%s: last change %v, want %v", p, got[p], want[p])
		}
	}
	if pairs := stalePairsOf(t, dir); len(pairs) != 1 || pairs[0].TranslationPath != frPath {
		t.Errorf("stale pairs %v, want the French one", pairs)
	}
}
