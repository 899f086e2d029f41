package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A file nobody may write is not replaced (a rename in its writable
// folder would replace it, and root may write anything): Save refuses,
// the file keeps its bytes and no temporary file is left beside it.
func TestSaveRefusesAReadOnlyFile(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
		fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
	})
	abs := filepath.Join(root, en+"developer.md")
	if err := os.Chmod(abs, 0o444); err != nil {
		t.Fatal(err)
	}
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	p := cat.Find("dev")[0].Postings(site.Langs)[0]
	before, _ := os.ReadFile(abs)
	if err := p.Doc.SetBool(KeyArchived, true); err != nil {
		t.Fatal(err)
	}
	if err := p.Save(); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Save of a read-only file: %v, want ErrReadOnly", err)
	}
	if after, _ := os.ReadFile(abs); string(after) != string(before) {
		t.Error("the read-only file was replaced")
	}
	if st, _ := os.Stat(abs); st.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(abs), ".*jobtui-*")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// An edit of both languages where one file is read-only writes neither:
// the group's files are staged together, all or none (the English file
// was written before the French one was refused).
func TestGroupEditWithAReadOnlyFileWritesNeither(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
		fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
	})
	frAbs := filepath.Join(root, fr+"développeur.md")
	if err := os.Chmod(frAbs, 0o444); err != nil {
		t.Fatal(err)
	}
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	enBefore, _ := os.ReadFile(filepath.Join(root, en+"developer.md"))
	yes := true
	written, err := ApplyGroupEdit(cat, cat.Find("dev")[0], GroupEdit{Archived: &yes})
	if !errors.Is(err, ErrReadOnly) || len(written) != 0 {
		t.Fatalf("written %d, err %v; want none and ErrReadOnly", len(written), err)
	}
	if after, _ := os.ReadFile(filepath.Join(root, en+"developer.md")); string(after) != string(enBefore) {
		t.Error("the English file was written though the French one is read-only")
	}
}
