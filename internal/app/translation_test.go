package app

import (
	"testing"
)

// MissingTranslation names the language a group lacks and the file the
// translation is copied from, as CreateTranslation then makes it; a whole
// pair has nothing to make.
func TestMissingTranslationIsWhatCreateTranslationMakes(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, "content/en/careers/positions/only-en.md", "---\ntitle: Only English\ntranslationKey: only-en\n---\nText\n")
	writeFile(t, dir, "content/fr/careers/positions/seul-fr.md", "---\ntitle: Seulement français\ntranslationKey: seul-fr\n---\nTexte\n")
	site := openSite(t, dir)
	cat := loadSite(t, dir)
	for _, c := range []struct{ id, lang, from string }{
		{"dev", "", ""},
		{"only-en", "fr", "content/en/careers/positions/only-en.md"},
		{"seul-fr", "en", "content/fr/careers/positions/seul-fr.md"},
	} {
		lang, from := MissingTranslation(cat, cat.Find(c.id)[0])
		if lang != c.lang || (from == nil) != (c.from == "") || from != nil && from.Path != c.from {
			t.Errorf("%s: %q from %v, want %q from %q", c.id, lang, from, c.lang, c.from)
			continue
		}
		if lang == "" {
			continue
		}
		p, err := CreateTranslation(site, c.id, lang)
		if err != nil || p.Lang != lang || p.Title != from.Title {
			t.Errorf("%s: made %+v, %v", c.id, p, err)
		}
	}
	cat = loadSite(t, dir)
	for _, id := range []string{"only-en", "seul-fr"} {
		if lang, from := MissingTranslation(cat, cat.Find(id)[0]); lang != "" || from != nil {
			t.Errorf("%s once translated: %q from %v", id, lang, from)
		}
	}
}
