package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
)

// The review opens on the list's postings while the files are as they
// were read, and reads them afresh once one changed on disk.
func TestOpenReviewUsesTheListsPostingsWhileCurrent(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	site := demoSite(t, true)
	repo, err := gitops.Open(site.Root)
	if err != nil {
		t.Fatal(err)
	}
	print := fingerprint(site)
	cat, err := app.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	const id = "product-manager"
	rv, err := openReview(repo, site, cat, print, id)
	if err != nil {
		t.Fatal(err)
	}
	g := rv.Pair.Group
	if indexOf(cat.Groups, g) < 0 || rv.Pair.Translation != g.Files[rv.Pair.TranslationLang][0] {
		t.Fatal("the files were read again though they had not changed")
	}
	// The translation is edited on disk (not committed): read afresh.
	tr := rv.Pair.Translation.Abs
	old, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tr, append(old, "\nUne phrase ajoutée.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	rv, err = openReview(repo, site, cat, print, id)
	if err != nil {
		t.Fatal(err)
	}
	if indexOf(cat.Groups, rv.Pair.Group) >= 0 {
		t.Fatal("the review used the postings read before the edit")
	}
	last := rv.Sections[len(rv.Sections)-1].Translation
	if len(rv.Extra) > 0 {
		last = rv.Extra[len(rv.Extra)-1]
	}
	if !strings.Contains(last, "Une phrase ajoutée.") {
		t.Errorf("the edit is not in the review: %q", last)
	}
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
