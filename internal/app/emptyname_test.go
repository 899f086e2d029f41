package app

import (
	"context"
	"errors"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// A user test: `jobtui archive ""` archived, and `jobtui delete ""`
// removed, every posting without a translationKey (their key is ""), with
// no question: a script's `jobtui delete "$KEY"` with KEY unset. An empty
// or blank name now names no posting; nothing is written or committed.
func TestEmptyNameNamesNoPosting(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, "content/en/careers/positions/nokey.md", "---\ntitle: No key\narchived: false\n---\n")
	writeFile(t, dir, "content/fr/careers/positions/nokey.md", "---\ntitle: Sans clé\narchived: false\n---\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "keyless pair")
	head := runGit(t, dir, "rev-parse", "HEAD")
	for _, name := range []string{"", " ", "\t"} {
		r, site := openRepo(t, dir), openSite(t, dir)
		_, err := Archive(r, site, []string{name}, ArchiveOptions{})
		var ge *gitops.Error
		if !errors.As(err, &ge) || ge.Kind != gitops.KindUnknownPosting || len(ge.Suggestions) != 0 {
			t.Errorf("archive %q: %v", name, err)
		}
		if _, err := Delete(context.Background(), r, site, nil, []string{name}, ""); !errors.As(err, &ge) || ge.Kind != gitops.KindUnknownPosting {
			t.Errorf("delete %q: %v", name, err)
		}
		if got := runGit(t, dir, "status", "--porcelain"); got != "" {
			t.Errorf("%q: the work tree changed: %s", name, got)
		}
		if got := runGit(t, dir, "rev-parse", "HEAD"); got != head {
			t.Errorf("%q: a commit was made", name)
		}
	}
	if gs := loadSite(t, dir).Find(""); len(gs) != 0 {
		t.Errorf("Find(\"\") finds %d groups", len(gs))
	}
}
