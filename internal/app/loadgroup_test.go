package app

import (
	"errors"
	"os"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// LoadGroup serves every workflow on one group (the form's edit, a new
// translation, the app's reading before its form): a name that finds no
// group, or two, is refused as unknown; a site that cannot be read gives
// the reading's error. SaveGroupEdit and CreateTranslation refuse alike
// and write nothing.
func TestLoadGroupRefusesUnknownAmbiguousAndUnreadable(t *testing.T) {
	dir := siteRepo(t)
	// Two groups with a file at the same place in each language, each
	// with a key of its own: that place names both.
	writeFile(t, dir, "content/en/careers/positions/same.md", "---\ntitle: Same\ntranslationKey: one\n---\n")
	writeFile(t, dir, "content/fr/careers/positions/same.md", "---\ntitle: Pareil\ntranslationKey: two\n---\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "two groups at one place")
	site := openSite(t, dir)
	const both = "same" // the file name, which Find takes without its extension
	if n := len(loadSite(t, dir).Find(both)); n != 2 {
		t.Fatalf("%s names %d groups, want 2", both, n)
	}
	cat, g, err := LoadGroup(site, "dev")
	if err != nil || g == nil || g.Key != "dev" || cat == nil || !g.Contains(cat.Find(enPath)[0].First("en")) {
		t.Fatalf("dev: %v, %v", g, err)
	}
	title := "Nouveau"
	for _, id := range []string{"nope", both} {
		if _, g, err := LoadGroup(site, id); g != nil || !errors.Is(err, gitops.ErrUnknownPosting) {
			t.Errorf("LoadGroup(%q): %v, %v", id, g, err)
		}
		if _, err := SaveGroupEdit(site, id, editTitle("fr", &title)); !errors.Is(err, gitops.ErrUnknownPosting) {
			t.Errorf("SaveGroupEdit(%q): %v", id, err)
		}
		if _, err := CreateTranslation(site, id, "fr"); !errors.Is(err, gitops.ErrUnknownPosting) {
			t.Errorf("CreateTranslation(%q): %v", id, err)
		}
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("a refusal wrote files: %q", got)
	}
	for _, l := range []string{"en", "fr"} {
		if err := os.RemoveAll(site.Abs(site.SectionDir(l))); err != nil {
			t.Fatal(err)
		}
	}
	_, g, err = LoadGroup(site, "dev")
	if _, want := model.Load(site); g != nil || err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("an unreadable site: %v, %v; want the reading's error %v", g, err, want)
	}
}
