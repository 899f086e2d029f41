package model

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// The English file of issue 13, case 3: escapes, a tab, CRLF and \t in
// quoted values, a comment. An edit of the French title only must leave it
// byte for byte.
const escapedEN = "---\r\n" +
	"title: \"Dev\\e\\a lead\"\r\n" +
	"description: \"one\\r\\ntwo\\tthree\"\r\n" +
	"layout: job-posting # kept\r\n" +
	"notes: \"tab\there\"\r\n" +
	"translationKey: dev\r\n" +
	"---\r\nBody\r\n"

const escapedFR = "+++\ntitle = 'Développeur'\ndescription = \"un\\tdeux\"\ntranslationKey = \"dev\"\n+++\nCorps\n"

func editSite(t *testing.T) (*Site, *Catalog) {
	t.Helper()
	root := makeSite(t, map[string]string{en + "dev.md": escapedEN, fr + "dev.md": escapedFR})
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return site, load(t, site)
}

func load(t *testing.T, site *Site) *Catalog {
	t.Helper()
	cat, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func read(t *testing.T, site *Site, p string) string {
	t.Helper()
	data, err := os.ReadFile(site.Abs(p))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func ptr[T any](v T) *T { return &v }

func TestEditOfOneLanguageLeavesTheOtherFileAlone(t *testing.T) {
	site, cat := editSite(t)
	g := cat.Find("dev")[0]
	base := BaseOf(g, site.Langs)
	touched, err := ApplyGroupEdit(cat, g, GroupEdit{Title: map[string]*string{"fr": ptr("Développeuse")}, Base: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(touched) != 1 || touched[0].Lang != "fr" {
		t.Fatalf("touched %v, want the French file only", touched)
	}
	if got := read(t, site, en+"dev.md"); got != escapedEN {
		t.Errorf("the English file changed:\n%q", got)
	}
	r, a := diffLines(escapedFR, read(t, site, fr+"dev.md"))
	if strings.Join(r, "") != "title = 'Développeur'\n" || strings.Join(a, "") != "title = 'Développeuse'\n" {
		t.Errorf("French diff -%q +%q", r, a)
	}
	// A value set to what the file already holds writes nothing.
	touched, err = ApplyGroupEdit(load(t, site), load(t, site).Find("dev")[0], GroupEdit{Title: map[string]*string{"en": ptr("Dev\x1b\a lead")}})
	if err != nil || len(touched) != 0 {
		t.Errorf("same value: touched %d, %v", len(touched), err)
	}
	if got := read(t, site, en+"dev.md"); got != escapedEN {
		t.Errorf("the English file changed:\n%q", got)
	}
}

// Issue 13, case 4: a save overwrote a change made on disk to the same field
// while the form was open.
func TestEditRefusesToOverwriteAChangeMadeOnDisk(t *testing.T) {
	site, cat := editSite(t)
	base := BaseOf(cat.Find("dev")[0], site.Langs)
	// Meanwhile, someone edits the French title (and the English layout).
	frTheirs := strings.Replace(escapedFR, "'Développeur'", "'Développeur·e'", 1)
	enTheirs := strings.Replace(escapedEN, "job-posting #", "other #", 1)
	os.WriteFile(site.Abs(fr+"dev.md"), []byte(frTheirs), 0o644)
	os.WriteFile(site.Abs(en+"dev.md"), []byte(enTheirs), 0o644)

	edit := func() GroupEdit {
		return GroupEdit{Title: map[string]*string{"fr": ptr("Développeuse"), "en": ptr("Developer")}, Base: base}
	}
	e := edit()
	cat = load(t, site) // the save reads the files afresh
	_, err := ApplyGroupEdit(cat, cat.Find("dev")[0], e)
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a conflict", err)
	}
	want := Conflict{Path: fr + "dev.md", Lang: "fr", Field: KeyTitle, Base: "Développeur", Disk: "Développeur·e", Mine: "Développeuse"}
	if len(ce.Conflicts) != 1 || ce.Conflicts[0].Path != want.Path || ce.Conflicts[0].Field != want.Field ||
		ce.Conflicts[0].Base != want.Base || ce.Conflicts[0].Disk != want.Disk || ce.Conflicts[0].Mine != want.Mine || ce.Conflicts[0].Lang != "fr" {
		t.Fatalf("conflicts %+v, want %+v", ce.Conflicts, want)
	}
	if read(t, site, fr+"dev.md") != frTheirs || read(t, site, en+"dev.md") != enTheirs {
		t.Fatal("a refused edit wrote")
	}

	// Keep the file's: the English title is still saved, the French one
	// and the other change on disk stay.
	e.KeepFile(ce.Conflicts[0])
	if _, err := ApplyGroupEdit(cat, cat.Find("dev")[0], e); err != nil {
		t.Fatal(err)
	}
	if got := read(t, site, fr+"dev.md"); got != frTheirs {
		t.Errorf("French file written: %q", got)
	}
	if got := read(t, site, en+"dev.md"); got != strings.Replace(enTheirs, `"Dev\e\a lead"`, `"Developer"`, 1) {
		t.Errorf("English file: %q", got)
	}

	// Keep mine: the French title replaces the one on disk.
	os.WriteFile(site.Abs(fr+"dev.md"), []byte(frTheirs), 0o644)
	os.WriteFile(site.Abs(en+"dev.md"), []byte(enTheirs), 0o644)
	e = edit()
	cat = load(t, site)
	_, err = ApplyGroupEdit(cat, cat.Find("dev")[0], e)
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a conflict", err)
	}
	e.Overwrite(ce.Conflicts[0])
	if _, err := ApplyGroupEdit(cat, cat.Find("dev")[0], e); err != nil {
		t.Fatal(err)
	}
	if got := read(t, site, fr+"dev.md"); got != strings.Replace(escapedFR, "'Développeur'", "'Développeuse'", 1) {
		t.Errorf("French file: %q", got)
	}

	// The same change made on both sides is no conflict, and writes nothing.
	e = GroupEdit{Title: map[string]*string{"fr": ptr("Développeuse")}, Base: base}
	cat = load(t, site)
	if touched, err := ApplyGroupEdit(cat, cat.Find("dev")[0], e); err != nil || len(touched) != 0 {
		t.Errorf("same change: touched %d, %v", len(touched), err)
	}
}

// A field absent when the edit began and added on disk meanwhile, and a
// shared field: each file is compared with its own value.
func TestEditConflictOnSharedAndAddedFields(t *testing.T) {
	site, cat := editSite(t)
	base := BaseOf(cat.Find("dev")[0], site.Langs)
	fr2 := strings.Replace(escapedFR, "translationKey", "leverId = \""+u1+"\"\ntranslationKey", 1)
	os.WriteFile(site.Abs(fr+"dev.md"), []byte(fr2), 0o644)
	cat = load(t, site)
	u2 := "0f8e6fae-63c8-4b9d-86f9-a366b32d4fbe"
	_, err := ApplyGroupEdit(cat, cat.Find("dev")[0], GroupEdit{LeverID: &u2, Base: base})
	var ce *ConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Conflicts[0].Path != fr+"dev.md" || ce.Conflicts[0].Base != "" || ce.Conflicts[0].Disk != u1 {
		t.Fatalf("err = %v", err)
	}
	if read(t, site, en+"dev.md") != escapedEN || read(t, site, fr+"dev.md") != fr2 {
		t.Fatal("a refused edit wrote")
	}
}

// A file removed on disk while the form was open: the edit of its title
// was dropped in silence ("Saved 0 files.", a QA run). The save is now
// refused, naming it, and the other language's file is left as it is.
func TestEditOfAFileRemovedOnDiskIsRefused(t *testing.T) {
	site, cat := editSite(t)
	base := BaseOf(cat.Find("dev")[0], site.Langs)
	frBefore := read(t, site, fr+"dev.md")
	if err := os.Remove(site.Abs(en + "dev.md")); err != nil {
		t.Fatal(err)
	}
	cat = load(t, site)
	e := GroupEdit{Title: map[string]*string{"en": ptr("Lead developer")}, Archived: ptr(true), Base: base}
	touched, err := ApplyGroupEdit(cat, cat.Find("dev")[0], e)
	var gone *GoneError
	if !errors.As(err, &gone) || !errors.Is(err, ErrChangedOnDisk) || strings.Join(gone.Paths, " ") != en+"dev.md" || len(touched) != 0 {
		t.Fatalf("touched %d, err = %v, want the English file gone", len(touched), err)
	}
	if read(t, site, fr+"dev.md") != frBefore {
		t.Error("the French file was written")
	}
}
