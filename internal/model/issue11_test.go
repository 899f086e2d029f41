package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// Issue 11, item 5: giving the orphan French file the key its English twin
// already has was refused ("another posting already uses this key"). A key
// used only in the other language makes a pair.
func TestIssue11KeyOfTheOtherLanguageMakesAPair(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md":   posting("Developer", "dev", "", false, enBody),
		fr + "développeur.md": posting("Développeur", "dev-fr", "", false, frBody),
		fr + "autre.md":       posting("Autre", "other", "", false, frBody),
		en + "other.md":       posting("Other", "other", "", false, enBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	orphan, twin, full := cat.Find("dev-fr")[0], cat.Find("dev")[0], cat.Find("other")[0]
	if err := ValidateKey(cat, orphan, "dev"); err != nil {
		t.Fatalf("the English twin's key was refused: %v", err)
	}
	if got := PairsWith(cat, orphan, "dev"); got != twin {
		t.Errorf("PairsWith = %v, want the English twin", got)
	}
	// A group with both languages still owns its key.
	var ve *ValidationError
	if err := ValidateKey(cat, orphan, "other"); !errors.As(err, &ve) || ve.Reason != ReasonKeyInUse {
		t.Errorf("a pair's key was accepted: %v", err)
	}
	if PairsWith(cat, orphan, "other") != nil || PairsWith(cat, full, "dev") != nil {
		t.Error("PairsWith found a pair where languages overlap")
	}
	key := "dev"
	if _, err := ApplyGroupEdit(cat, orphan, GroupEdit{TranslationKey: &key}); err != nil {
		t.Fatal(err)
	}
	cat, _ = Load(site)
	g := cat.Find("dev")
	if len(g) != 1 || len(g[0].Files["en"]) != 1 || len(g[0].Files["fr"]) != 1 {
		t.Fatalf("not a pair after the edit: %v", g)
	}
	for _, p := range cat.GroupProblems(g[0]) {
		if p.Code == CodeMissingTranslation {
			t.Errorf("still missing a translation: %+v", p)
		}
	}
}

// Issue 11, item 6: a posting without a translationKey could not be saved
// until the user invented one, even to fix a typo in the title.
func TestIssue11KeylessPostingCanBeSaved(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "designer.md": posting("Desginer", "", "", false, enBody),
		fr + "designer.md": posting("Designer", "", "", false, frBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	g := cat.Find("designer")[0]
	if err := ValidateKey(cat, g, ""); err != nil {
		t.Fatalf("an empty key was refused for a keyless posting: %v", err)
	}
	if err := ValidateKey(cat, cat.Find("designer")[0], "Not a slug!"); err == nil {
		t.Error("a bad key was accepted")
	}
	title := "Designer"
	touched, err := ApplyGroupEdit(cat, g, GroupEdit{Title: map[string]*string{"en": &title}})
	if err != nil || len(touched) != 1 {
		t.Fatalf("touched %d: %v", len(touched), err)
	}
	data, _ := os.ReadFile(site.Abs(en + "designer.md"))
	if strings.Contains(string(data), "translationKey") || !strings.Contains(string(data), "title: Designer\n") {
		t.Errorf("saved:\n%s", data)
	}
	// A keyed posting still needs its key.
	root = makeSite(t, map[string]string{en + "a.md": posting("A", "a", "", false, enBody)})
	site, _ = OpenSite(root, SiteOptions{})
	cat, _ = Load(site)
	if err := ValidateKey(cat, cat.Find("a")[0], ""); err == nil {
		t.Error("a keyed posting's key could be emptied")
	}
}

// Issue 11, item 5: "create the missing translation from this posting".
func TestIssue11CreateMissingTranslation(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md": posting("Developer", "dev", "", false, enBody),
		en + "designer.md":  posting("Designer", "", "", true, enBody),
		fr + "analyste.md":  posting("Analyste", "ana", "", false, frBody),
		en + "analyst.md":   "---\ntitle: [broken\n---\n",
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	src, _ := os.ReadFile(site.Abs(en + "developer.md"))
	p, err := CreateTranslation(cat, cat.Find("dev")[0], "fr")
	if err != nil {
		t.Fatal(err)
	}
	if p.Path != fr+"developer.md" || p.TranslationKey != "dev" {
		t.Errorf("created %s key %q", p.Path, p.TranslationKey)
	}
	// The copy is archived (unpublished) until translated; the rest as
	// its source.
	if got, _ := os.ReadFile(p.Abs); string(got) != strings.Replace(string(src), "archived: false", "archived: true", 1) || !p.Archived {
		t.Errorf("the copy is not its source, archived:\n%s", got)
	}
	// Keyless: the same file name, which is how Hugo links them.
	p, err = CreateTranslation(cat, cat.Find("designer")[0], "fr")
	if err != nil || p.Path != fr+"designer.md" || p.TranslationKey != "" || !p.Archived {
		t.Fatalf("keyless: %v %+v", err, p)
	}
	// From French to English, never over an existing file.
	p, err = CreateTranslation(cat, cat.Find("ana")[0], "en")
	if err != nil || p.Path != en+"analyste.md" {
		t.Fatalf("French to English: %v %+v", err, p)
	}
	cat, _ = Load(site)
	for _, id := range []string{"dev", "designer", "ana"} {
		g := cat.Find(id)
		if len(g) != 1 || len(g[0].Files["en"]) != 1 || len(g[0].Files["fr"]) != 1 {
			t.Errorf("%s is not a pair: %v", id, g)
		}
	}
	if _, err := CreateTranslation(cat, cat.Find("dev")[0], "fr"); !errors.Is(err, ErrNothingToTranslate) {
		t.Errorf("a second translation: %v", err)
	}
	data, _ := os.ReadFile(site.Abs(en + "analyst.md"))
	if string(data) != "---\ntitle: [broken\n---\n" {
		t.Error("an existing file was touched")
	}
}

// Issue 11, item 15: a new posting was created published (archived: false).
func TestIssue11NewPostingIsUnpublished(t *testing.T) {
	root := makeSite(t, map[string]string{en + "other.md": posting("Other", "other", "", false, enBody)})
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := CreatePair(cat, NewPair{Titles: map[string]string{"en": "Data Engineer", "fr": "Ingénieur de données"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		data, _ := os.ReadFile(p.Abs)
		if !p.Archived || !strings.Contains(string(data), "\narchived: true\n") {
			t.Errorf("%s is published:\n%s", p.Path, data)
		}
	}
}
