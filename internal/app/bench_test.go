package app

import (
	"context"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// BenchmarkArchiveCorpus: `jobtui archive KEY` without the process around
// it, on a git copy of the corpus: read the site, find the pair, check,
// write both files and commit them with git (one commit per iteration,
// archiving and unarchiving in turn). Compare with `git commit --only`:
// the whole-process ratio is in the README's speed table.
func BenchmarkArchiveCorpus(b *testing.B) {
	dir := corpusRepo(b)
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	const key = "2022-aug-sr-app-sec-dev" // archived in both languages
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := gitops.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Archive(r, site, []string{key}, ArchiveOptions{Unarchive: i%2 == 0})
		if err != nil || res.Commit == nil || len(res.Changed) != 2 {
			b.Fatalf("archive: %+v %v", res, err)
		}
	}
}

// BenchmarkCheckCorpus: `jobtui check` without the process around it, on a
// git copy of the corpus: open the repository, read, link and check every
// posting, and the stale translations from history.
func BenchmarkCheckCorpus(b *testing.B) {
	dir := corpusRepo(b)
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, _ := gitops.Open(dir)
		cat, _, err := CheckWithDiffs(context.Background(), r, site)
		if err != nil || len(cat.Postings) != 248 {
			b.Fatalf("check: %v", err)
		}
	}
}
