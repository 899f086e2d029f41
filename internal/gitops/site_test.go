package gitops

import (
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

const siteConfig = "languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n"

// siteRepo is a git repository holding a small site: a pair with a CRLF
// French file whose name has accents and a typographic apostrophe, and a
// second pair already archived.
func siteRepo(t *testing.T) string {
	dir := gitRepo(t)
	writeFile(t, dir, "hugo.yaml", siteConfig)
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, frPath, "---\r\ntitle: 'Chef d’équipe'\r\narchived: false # à revoir\r\ntranslationKey: dev\r\n---\r\nCorps\r\n")
	writeFile(t, dir, "content/en/careers/positions/old.md", "---\ntitle: Old\narchived: true\ntranslationKey: old\n---\n")
	writeFile(t, dir, "content/fr/careers/positions/vieux.md", "---\ntitle: Vieux\narchived: true\ntranslationKey: old\n---\n")
	writeFile(t, dir, "README.md", "site\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	return dir
}

func loadSite(t *testing.T, dir string) *model.Catalog {
	t.Helper()
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := model.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// A user test: in a repository with no commit yet (git init, the postings
// not yet added), check and list warned "stale translations not checked:
// the history could not be read (reference not found)". Nothing can be
// left behind before the first commit: no stale pair, no error.
func TestNoStalePairBeforeTheFirstCommit(t *testing.T) {
	dir := gitRepo(t)
	writeFile(t, dir, "hugo.yaml", siteConfig)
	writeFile(t, dir, enPath, "---\ntitle: Developer\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, frPath, "---\ntitle: Développeur\ntranslationKey: dev\n---\nCorps\n")
	pairs, err := StalePairs(openRepo(t, dir), loadSite(t, dir))
	if err != nil || len(pairs) != 0 {
		t.Errorf("stale pairs %v, error %v", pairs, err)
	}
}
