package model

import (
	"os"
	"strings"
	"testing"
	"unicode"
)

func TestSlugify(t *testing.T) {
	cases := map[string]string{
		"Développeur principal ou développeuse principale": "développeur-principal-ou-développeuse-principale",
		"Chef d’équipe - Notification GC":                  "chef-d’équipe-notification-gc",
		"../../etc/passwd":                                 "etc-passwd",
		"a/b\\c":                                           "a-b-c",
		"Coordonnateur·rice":                               "coordonnateur·rice",
		"\x1b[31mRed\x07":                                  "31mred",
		"   ":                                              "posting",
		"v1.2 .. notes":                                    "v1.2-notes",
	}
	for in, want := range cases {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Slugify(strings.Repeat("é", 100)); len(got) > maxSlugBytes || !strings.HasPrefix(got, "éé") {
		t.Errorf("long: %q (%d bytes)", got, len(got))
	}
	if got := SuggestKey("Développeur principal, Plateforme!"); got != "developpeur-principal-plateforme" {
		t.Errorf("SuggestKey = %q", got)
	}
}

// Every corpus title makes a safe file name.
func TestSlugifyCorpusTitles(t *testing.T) {
	c := loadCorpus(t)
	for _, p := range c.Postings {
		s := Slugify(p.Title)
		if s == "" || strings.ContainsAny(s, "/\\") || strings.Contains(s, "..") || len(s) > maxSlugBytes {
			t.Errorf("%q -> %q", p.Title, s)
		}
		for _, r := range s {
			if unicode.IsControl(r) || unicode.IsSpace(r) {
				t.Errorf("%q -> %q has %U", p.Title, s, r)
			}
		}
	}
}

func TestCreatePair(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "product-manager.md": posting("Other", "taken", "", false, enBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	np := NewPair{
		Titles:       map[string]string{"en": "Product Manager", "fr": "Gestionnaire de produit : données"},
		Descriptions: map[string]string{"en": "Lead a team.", "fr": "Diriger une équipe."},
		LeverID:      u1,
	}
	ps, err := CreatePair(cat, np)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Rel != "product-manager-2.md" || ps[1].Rel != "gestionnaire-de-produit-données.md" {
		t.Fatalf("files: %v %v", ps[0].Rel, ps[1].Rel)
	}
	if ps[0].TranslationKey != "product-manager" || ps[1].Title != "Gestionnaire de produit : données" || ps[1].Description != "Diriger une équipe." || ps[0].LeverID != u1 || !ps[0].Archived || !ps[1].Archived {
		t.Errorf("read back: %+v", ps[1])
	}
	data, _ := os.ReadFile(ps[1].Abs)
	if !strings.Contains(string(data), "description: >-\n  Diriger une équipe.\n") || !strings.Contains(string(data), "## À propos du poste") {
		t.Errorf("French file:\n%s", data)
	}
	// The old file is untouched, and the key is now taken.
	if old, _ := os.ReadFile(site.Abs(en + "product-manager.md")); !strings.Contains(string(old), "title: Other") {
		t.Error("an existing file was overwritten")
	}
	np.TranslationKey = "taken"
	if _, err := CreatePair(cat, np); err == nil {
		t.Error("a used key was accepted")
	}
}
