package gitops

import (
	"os"
	"path/filepath"
	"testing"
)

// A repository whose objects are borrowed (git clone --shared: every
// object is in the other repository, named in objects/info/alternates)
// reads as the original: HEAD's commit, the last changes and the stale
// pairs. Before, go-git looked for the alternates inside the git folder:
// the stale pairs were silently none and an archive failed with "object
// not found"; so it did, until 2 December 2026, for an alternate given
// relative to the objects folder, and then for a relative one through an
// absolute link (go-billy's bound file system took the link's target from
// the alternates' root) or from a repository opened through a link (git
// goes up from the objects folder's real path).
func TestBorrowedObjectsAreRead(t *testing.T) {
	src := siteRepo(t)
	writeFile(t, src, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody changed\n")
	commitAt(t, src, 50, "en changed")
	runGit(t, src, "gc", "-q") // objects in a pack, and loose ones after
	writeFile(t, src, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody changed again\n")
	commitAt(t, src, 60, "en changed again")
	// lib/<src> is src through an absolute link, beside the clone.
	viaLink := filepath.Join("..", "..", "..", "lib", filepath.Base(src), ".git", "objects")
	for _, c := range []struct{ name, line, open string }{
		{"absolute", "", ""},
		{"relative", "rel", ""},
		{"relative through a link", viaLink, ""},
		{"repository through a link", viaLink, "via"},
		{"with comments and empty lines", "comments", ""},
	} {
		top := t.TempDir()
		dir := filepath.Join(top, "shared")
		runGit(t, src, "clone", "-q", "--shared", src, dir)
		if err := os.Symlink(filepath.Dir(src), filepath.Join(top, "lib")); err != nil {
			t.Fatal(err)
		}
		line := c.line
		if line == "rel" { // as git allows, from the objects folder
			rel, err := filepath.Rel(filepath.Join(dir, ".git", "objects"), filepath.Join(src, ".git", "objects"))
			if err != nil {
				t.Fatal(err)
			}
			line = rel
		}
		if line == "comments" { // git skips them
			line = "# borrowed from the original\n\n" + filepath.Join(src, ".git", "objects") + "\n#end"
		}
		if line != "" {
			writeFile(t, dir, ".git/objects/info/alternates", line+"\n")
			runGit(t, dir, "cat-file", "-e", "HEAD^{tree}") // git reads it
		}
		if c.open != "" { // a link elsewhere to the clone
			open := filepath.Join(t.TempDir(), c.open)
			if err := os.Symlink(dir, open); err != nil {
				t.Fatal(err)
			}
			runGit(t, open, "cat-file", "-e", "HEAD^{tree}")
			dir = open
		}
		t.Run(c.name, func(t *testing.T) { readsAsTheOriginal(t, src, dir) })
	}
}

// TestAlternatesCommentsCountForNone: git skips "#" lines in alternates;
// they do not make alternatesRoot give up a relative line's root.
func TestAlternatesCommentsCountForNone(t *testing.T) {
	src := siteRepo(t)
	dir := filepath.Join(t.TempDir(), "shared")
	runGit(t, src, "clone", "-q", "--shared", src, dir)
	objects := filepath.Join(dir, ".git", "objects")
	rel, err := filepath.Rel(objects, filepath.Join(src, ".git", "objects"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, ".git/objects/info/alternates", "# borrowed\n"+rel+"\n")
	runGit(t, dir, "cat-file", "-e", "HEAD^{tree}") // git reads it
	want := alternatesRoot(objects)
	writeFile(t, dir, ".git/objects/info/alternates", rel+"\n")
	if got := alternatesRoot(objects); got != want || got == "/" {
		t.Errorf("root %q with a comment, %q without", want, got)
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
