package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Unsaved, which looks at the files without reading them, counts what the
// git command line sees among the posting files of the real corpus, and
// what the git states of the read postings count: an edit, a staged edit
// and a new posting; not a file outside the section.
func TestUnsavedCountsWhatGitSees(t *testing.T) {
	dir := corpusRepo(t)
	r, site := openRepo(t, dir), openSite(t, dir)
	if n, err := Unsaved(r, site); err != nil || n != 0 {
		t.Fatalf("a clean copy: %d, %v", n, err)
	}
	positions := filepath.Join(dir, "content", "en", "careers", "positions")
	files, err := os.ReadDir(positions)
	if err != nil || len(files) < 2 {
		t.Fatalf("%v: %d files", err, len(files))
	}
	appendTo := func(name string) {
		f, err := os.OpenFile(filepath.Join(positions, name), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("\nEdited by hand.\n"); err != nil {
			t.Fatal(err)
		}
	}
	appendTo(files[0].Name())
	appendTo(files[1].Name())
	runGit(t, dir, "add", filepath.Join(positions, files[1].Name()))
	writeFile(t, dir, "content/en/careers/positions/brand-new.md", "---\ntitle: New\n---\n")
	writeFile(t, dir, "README.md", "edited outside the postings\n")

	n, err := Unsaved(r, site)
	if err != nil {
		t.Fatal(err)
	}
	git := 0
	for _, l := range strings.Split(runGit(t, dir, "status", "--porcelain", "--", "content"), "\n") {
		if strings.HasSuffix(l, ".md") {
			git++
		}
	}
	states, err := gitops.PostingStates(r, loadSite(t, dir).Postings)
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, st := range states {
		if st != gitops.StateUnchanged {
			read++
		}
	}
	if n != 3 || git != 3 || read != 3 {
		t.Errorf("Unsaved %d, git status %d, the states of the read postings %d; want 3", n, git, read)
	}
}

// BenchmarkUnsavedCorpus is what a quit just after the start waits for
// (the app's repository already open, its index read once).
func BenchmarkUnsavedCorpus(b *testing.B) {
	dir := corpusRepo(b)
	r, err := gitops.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if n, err := Unsaved(r, site); err != nil || n != 0 {
			b.Fatalf("%d, %v", n, err)
		}
	}
}
