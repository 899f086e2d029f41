package model

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const saveDoc = "---\ntitle: Developer # keep\narchived: false\r\ntranslationKey: dev\n---\nBody\n"

func writeSite(t *testing.T, mode fs.FileMode) (*Site, string) {
	t.Helper()
	root := t.TempDir()
	abs := filepath.Join(root, "content", "en", "careers", "positions", "dev.md")
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(abs, []byte(saveDoc), mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(abs, mode)
	os.WriteFile(filepath.Join(root, "hugo.toml"), []byte("[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n"), 0o644)
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return site, abs
}

func TestSaveKeepsModeAndLeavesNoTemporaryFile(t *testing.T) {
	site, abs := writeSite(t, 0o640)
	p, err := ReadPosting(site, "en", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Doc.SetBool("archived", true); err != nil {
		t.Fatal(err)
	}
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(abs)
	if st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	got, _ := os.ReadFile(abs)
	if want := strings.Replace(saveDoc, "archived: false", "archived: true", 1); string(got) != want {
		t.Errorf("saved %q, want %q", got, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(abs))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the posting", len(entries))
	}
	// The posting now reflects the file: a second save works.
	p.Doc.SetString("title", "Developer 2")
	if err := p.Save(); err != nil {
		t.Errorf("second save: %v", err)
	}
}

func TestSaveRefusesAFileChangedOnDisk(t *testing.T) {
	site, abs := writeSite(t, 0o644)
	p, err := ReadPosting(site, "en", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(saveDoc, "Body", "Body changed by someone else", 1)
	os.WriteFile(abs, []byte(other), 0o644)
	p.Doc.SetBool("archived", true)
	err = p.Save()
	if !errors.Is(err, ErrChangedOnDisk) || !strings.Contains(err.Error(), "dev.md") {
		t.Fatalf("err = %v, want ErrChangedOnDisk naming the file", err)
	}
	if got, _ := os.ReadFile(abs); string(got) != other {
		t.Error("the other change was overwritten")
	}
	// Deleted meanwhile: refused too, nothing recreated.
	os.Remove(abs)
	if err := p.Save(); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("deleted file: err = %v", err)
	}
	if _, err := os.Stat(abs); err == nil {
		t.Error("a deleted file was recreated")
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	site, abs := writeSite(t, 0o644)
	real := filepath.Join(filepath.Dir(abs), "real.txt")
	os.Rename(abs, real)
	if err := os.Symlink("real.txt", abs); err != nil {
		t.Skip("no symlinks here")
	}
	p, err := ReadPosting(site, "en", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	p.Doc.SetBool("archived", true)
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(abs); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); !strings.Contains(string(got), "archived: true") {
		t.Errorf("target not written: %q", got)
	}
}

func TestCreateFileNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "x.md")
	if err := CreateFile(abs, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := CreateFile(abs, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("err = %v, want ErrExist", err)
	}
	if got, _ := os.ReadFile(abs); string(got) != "one" {
		t.Errorf("content %q", got)
	}
	if err := WriteFileAtomic(abs, []byte("three"), sha256.Sum256([]byte("one"))); err != nil {
		t.Errorf("replace with the right hash: %v", err)
	}
}

// Several postings are saved all or none: when the second changed on disk,
// the first is not written either (its bytes and time stay), no temporary
// file is left, and a later save of both works.
func TestSavePostingsAllOrNone(t *testing.T) {
	site, abs := writeSite(t, 0o644)
	frAbs := filepath.Join(site.Root, "content", "fr", "careers", "positions", "dev.md")
	os.MkdirAll(filepath.Dir(frAbs), 0o755)
	frDoc := strings.Replace(saveDoc, "Developer", "Développeur", 1)
	if err := os.WriteFile(frAbs, []byte(frDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	en, err := ReadPosting(site, "en", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := ReadPosting(site, "fr", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	enBefore, _ := os.Stat(abs)
	other := strings.Replace(frDoc, "Body", "Body changed by someone else", 1)
	os.WriteFile(frAbs, []byte(other), 0o644)
	en.Doc.SetBool("archived", true)
	fr.Doc.SetBool("archived", true)
	placed, failed, err := SavePostings([]*Posting{en, fr})
	if placed != 0 || failed != fr || !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("SavePostings = %d, %v, %v; want 0, the French posting, ErrChangedOnDisk", placed, failed, err)
	}
	if got, _ := os.ReadFile(abs); string(got) != saveDoc {
		t.Errorf("the English file was written: %q", got)
	}
	if st, _ := os.Stat(abs); !st.ModTime().Equal(enBefore.ModTime()) {
		t.Error("the English file was rewritten (its time changed)")
	}
	for _, dir := range []string{filepath.Dir(abs), filepath.Dir(frAbs)} {
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%s holds %d entries, want only the posting", dir, len(entries))
		}
	}
	fr, _ = ReadPosting(site, "fr", "dev.md")
	fr.Doc.SetBool("archived", true)
	if placed, _, err := SavePostings([]*Posting{en, fr}); placed != 2 || err != nil {
		t.Fatalf("second SavePostings = %d, %v", placed, err)
	}
	for _, f := range []string{abs, frAbs} {
		if got, _ := os.ReadFile(f); !strings.Contains(string(got), "archived: true") {
			t.Errorf("%s not saved: %q", f, got)
		}
	}
	if en.Hash != sha256.Sum256([]byte(strings.Replace(saveDoc, "archived: false", "archived: true", 1))) {
		t.Error("the posting does not reflect what was written")
	}
}

// TestStagedRefusesAFileChangedBeforeItsPlace: a file saved by someone
// else after its new text was staged (an editor's save while an archive's
// commit makes its checks) is not replaced: Place reads every file again
// before the first rename, places none, and leaves no temporary file.
func TestStagedRefusesAFileChangedBeforeItsPlace(t *testing.T) {
	site, abs := writeSite(t, 0o644)
	p, err := ReadPosting(site, "en", "dev.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Doc.SetBool("archived", true); err != nil {
		t.Fatal(err)
	}
	s := StagePostings([]*Posting{p})
	<-s.done // staged: the file was checked then
	mine := strings.Replace(saveDoc, "Body", "Body, edited meanwhile", 1)
	if err := os.WriteFile(abs, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	placed, failed, synced, err := s.Place()
	synced()
	if !errors.Is(err, ErrChangedOnDisk) || placed != 0 || failed != p {
		t.Fatalf("Place: %d %v %v, want ErrChangedOnDisk and nothing placed", placed, failed, err)
	}
	if got, _ := os.ReadFile(abs); string(got) != mine {
		t.Errorf("the file saved meanwhile was replaced:\n%s", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(abs), ".*jobtui*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
