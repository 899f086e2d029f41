package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestApplyGroupEdit(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md":   posting("'Developer'", "dev", u1, false, enBody),
		fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
		en + "other.md":       posting("Other", "other", "", false, enBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	g := cat.Find("dev")[0]
	str := func(s string) *string { return &s }
	yes := true
	enBefore, _ := os.ReadFile(site.Abs(en + "developer.md"))
	frBefore, _ := os.ReadFile(site.Abs(fr + "développeur.md"))
	touched, err := ApplyGroupEdit(cat, g, GroupEdit{Title: map[string]*string{"en": str("Senior Developer")}, Archived: &yes})
	if err != nil || len(touched) != 2 {
		t.Fatalf("touched %d: %v", len(touched), err)
	}
	enAfter, _ := os.ReadFile(site.Abs(en + "developer.md"))
	frAfter, _ := os.ReadFile(site.Abs(fr + "développeur.md"))
	r, a := diffLines(string(enBefore), string(enAfter))
	if strings.Join(r, "") != "title: 'Developer'\ndescription: >-\n  A description.\narchived: false\n" || strings.Join(a, "") != "title: 'Senior Developer'\ndescription: >-\n  A description.\narchived: true\n" {
		t.Errorf("English diff -%q +%q", r, a)
	}
	r, a = diffLines(string(frBefore), string(frAfter))
	if strings.Join(r, "") != "archived: false\n" || strings.Join(a, "") != "archived: true\n" {
		t.Errorf("French diff -%q +%q", r, a)
	}
	// Validation: nothing written.
	for _, e := range []GroupEdit{
		{TranslationKey: str("other")},
		{TranslationKey: str("has space")},
		{LeverID: str("nope")},
		{Title: map[string]*string{"fr": str("  ")}},
	} {
		_, err := ApplyGroupEdit(cat, g, e)
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%+v: err = %v", e, err)
		}
	}
	after2, _ := os.ReadFile(site.Abs(en + "developer.md"))
	if string(after2) != string(enAfter) {
		t.Error("a refused edit wrote")
	}
	// Removing the leverId removes its line.
	if _, err := ApplyGroupEdit(cat, g, GroupEdit{LeverID: str("")}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(site.Abs(fr + "développeur.md")); strings.Contains(string(data), "leverId") {
		t.Error("leverId still there")
	}
}
