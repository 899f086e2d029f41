package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A value that no way of writing keeps within the bounds Parse reads (a
// title of seventeen braces: nested too deep; a description of 70 KB: too
// large) is refused with an UnwritableError naming the file and the
// field, and nothing is written. A new posting's description (setBlock)
// was added without the bounds check, and the refusal came at the next
// field, naming archived.
func TestUnwritableValueIsRefusedNamingTheFile(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
		fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	before := tree(t, root)
	deep := strings.Repeat("{", MaxFrontMatterDepth+1)
	_, err := ApplyGroupEdit(cat, cat.Find("dev")[0], GroupEdit{Title: map[string]*string{"fr": &deep}})
	var u *UnwritableError
	if !errors.As(err, &u) || u.Path != fr+"développeur.md" || u.Field != KeyTitle {
		t.Errorf("an edit to a title of %d braces: %v (%+v)", MaxFrontMatterDepth+1, err, u)
	}
	long := strings.Repeat("Lead a team. ", MaxFrontMatterBytes/13+1)
	_, err = CreatePair(cat, NewPair{
		Titles:       map[string]string{"en": "Product Manager", "fr": "Gestionnaire de produit"},
		Descriptions: map[string]string{"en": "Lead a team.", "fr": long},
	})
	u = nil
	if !errors.As(err, &u) || u.Path != fr+"gestionnaire-de-produit.md" || u.Field != KeyDescription {
		t.Errorf("a new pair with a description of %d bytes: %v (%+v)", len(long), err, u)
	}
	if after := tree(t, root); after != before {
		t.Errorf("a refused edit wrote:\n%s\nnow:\n%s", before, after)
	}
}

// tree lists the files under root with their contents.
func tree(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
