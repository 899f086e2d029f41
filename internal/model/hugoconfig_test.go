package model

import (
	"reflect"
	"strings"
	"testing"
)

// These pin, without Hugo, rules that TestHugoPairsAsJobtui checks against
// Hugo itself.

func TestHugoStringTyping(t *testing.T) {
	cases := []struct{ front, want string }{
		{"---\ntranslationKey: yes\n---\n", "true"},
		{"---\ntranslationKey: Off\n---\n", "false"},
		{"---\ntranslationKey: 2023-01-02\n---\n", "2023-01-02"},
		{"---\ntranslationKey: \"k \"\n---\n", "k "},
		{"---\ntranslationKey: 0123\n---\n", "83"},
		{"---\ntranslationKey: 0x1F\n---\n", "31"},
		{"---\ntranslationKey: 1.50\n---\n", "1.5"},
		{"---\ntranslationKey: 1e3\n---\n", "1000"},
		{"---\ntranslationKey: 1_000\n---\n", "1000"},
		{"---\ntranslationKey: ~\n---\n", ""},
		{"---\ntranslationKey: [a]\n---\n", ""},
		{"---\ntranslationKey: plain words # comment\n---\n", "plain words"},
		{"---\nTranslationKey: x\n---\n", "x"},
		{"+++\ntranslationKey = 2023-01-02\n+++\n", "2023-01-02"},
		{"+++\ntranslationKey = 2023-01-02T10:00:00\n+++\n", "2023-01-02T10:00:00"},
		{"+++\ntranslationKey = 2023-01-02T10:00:00Z\n+++\n", "2023-01-02 10:00:00 +0000 UTC"},
		{"+++\ntranslationKey = 1.50\n+++\n", "1.5"},
		{"+++\ntranslationKey = true\n+++\n", "true"},
	}
	for _, c := range cases {
		d, err := Parse([]byte(c.front))
		if err != nil {
			t.Fatalf("%q: %v", c.front, err)
		}
		if got := d.HugoString(KeyTranslationKey); got != c.want {
			t.Errorf("%q: %q, want %q", c.front, got, c.want)
		}
	}
}

func TestConfigFolderMerge(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"hugo.toml":                          "defaultContentLanguage = 'de'\ntitle = 'root'\n[languages.de]\nweight = 9\n",
		"config/_default/config.yaml":        "Title: default\n",
		"config/_default/languages.yaml":     "de: {weight: 2}\nEN: {weight: 1, contentDir: content/english}\n",
		"config/_default/languages.fr.toml":  "weight = 3\ncontentDir = 'content/french'\n",
		"config/_default/params.fr.toml":     "x = 1\n",
		"config/production/languages.fr.yml": "contentDir: content/fr-prod\n",
		"config/staging/languages.fr.yml":    "contentDir: content/fr-staging\n",
		"content/english/a.md":               "---\ntitle: A\n---\n",
	})
	t.Setenv("HUGO_ENVIRONMENT", "")
	t.Setenv("HUGO_ENV", "")
	s, err := OpenSite(root, SiteOptions{Section: "."})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, l := range s.Languages {
		codes = append(codes, l.Code)
	}
	if !reflect.DeepEqual(codes, []string{"en", "de", "fr"}) || s.DefaultLang != "de" || !reflect.DeepEqual(s.Langs, []string{"de", "en"}) {
		t.Errorf("languages %v, default %s, langs %v", codes, s.DefaultLang, s.Langs)
	}
	// The default language first, then by weight; de has none: content.
	want := []Mount{{Source: "content", Lang: "de"}, {Source: "content/english", Lang: "en"}, {Source: "content/fr-prod", Lang: "fr"}}
	if !reflect.DeepEqual(s.Mounts, want) {
		t.Errorf("mounts %+v, want %+v", s.Mounts, want)
	}
	if len(s.ConfigFiles) != 6 || !strings.HasSuffix(s.ConfigFiles[0], "hugo.toml") {
		t.Errorf("config files %v", s.ConfigFiles)
	}
	t.Setenv("HUGO_ENVIRONMENT", "staging")
	s, err = OpenSite(root, SiteOptions{Section: "."})
	if err != nil || s.Mounts[2].Source != "content/fr-staging" {
		t.Errorf("staging: %v %+v", err, s)
	}
}

func TestLanguageErrors(t *testing.T) {
	cases := map[string]string{
		"defaultContentLanguage = 'fr'\ndisableLanguages = ['fr']\n[languages.fr]\n[languages.en]\n": "cannot disable the default language",
		"defaultContentLanguage = 'es'\n[languages.fr]\n[languages.en]\n":                            "defaultContentLanguage \"es\" is none",
		"disableLanguages = ['fr']\n[languages.fr]\n[languages.en]\n":                                "one language (en)",
		"[module]\n[[module.mounts]]\nsource = 'x'\ntarget = 'content'\nexcludeFiles = '*.md'\n":     "filters its files",
	}
	for cfg, want := range cases {
		_, err := OpenSite(writeFiles(t, map[string]string{"hugo.toml": cfg}), SiteOptions{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", cfg, err, want)
		}
	}
	root := writeFiles(t, map[string]string{"hugo.toml": "disableLanguages = ['de']\n[languages.fr]\n[languages.en]\n[languages.de]\n"})
	if _, err := OpenSite(root, SiteOptions{Langs: []string{"en", "de"}}); err == nil || !strings.Contains(err.Error(), "disables the language \"de\"") {
		t.Errorf("disabled: %v", err)
	}
}

func TestLanguageOrderWeightZeroLast(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"hugo.toml": "defaultContentLanguage = 'b'\n[languages.a]\n[languages.b]\nweight = 2\n[languages.c]\nweight = 1\n[languages.d]\nweight = 1\n",
	})
	for i := 0; i < 20; i++ { // the table is a map: any order in
		s, err := OpenSite(root, SiteOptions{Section: "."})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, l := range s.Languages {
			codes = append(codes, l.Code)
		}
		if strings.Join(codes, ",") != "c,d,b,a" || strings.Join(s.Langs, ",") != "b,c" {
			t.Fatalf("order %v, langs %v", codes, s.Langs)
		}
	}
}
