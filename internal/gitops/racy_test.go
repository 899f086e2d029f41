package gitops

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStatesRacilyCleanFile: a file changed in the same instant as the
// index was written, keeping its size and mtime, is "racily clean": git
// compares its content, as its stat data cannot tell. So must States,
// else an archive would commit an edit the user did not ask to commit.
// The same for a file whose content was replaced keeping size and mtime
// (cp -p, rsync -t): its ctime and inode changed.
func TestStatesRacilyCleanFile(t *testing.T) {
	for _, c := range []string{"racy", "replaced"} {
		t.Run(c, func(t *testing.T) {
			dir := seed(t)
			abs := filepath.Join(dir, enPath)
			fi, err := os.Stat(abs)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace("---\ntitle: Developer\narchived: false\n---\nBody\n", "Body", "Bodx", 1)
			if c == "racy" {
				// The index written in the same instant as the file.
				if err := os.Chtimes(filepath.Join(dir, ".git", "index"), fi.ModTime(), fi.ModTime()); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(abs, []byte(edited), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				time.Sleep(10 * time.Millisecond) // another ctime
				tmp := abs + ".new"
				if err := os.WriteFile(tmp, []byte(edited), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(tmp, abs); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chtimes(abs, fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
			// Asked first: git status smudges a racy entry as it writes the
			// index back.
			st, err := openRepo(t, dir).States([]string{enPath})
			if err != nil {
				t.Fatal(err)
			}
			if got := runGit(t, dir, "status", "--porcelain", "--", enPath); got != " M "+enPath+"\n" {
				t.Fatalf("git status: %q (the test did not make the case)", got)
			}
			if st[enPath] != StateModified {
				t.Errorf("States = %v, git says modified", st[enPath])
			}
		})
	}
}

// TestStatesThroughAttributes: a file whose stat data changed (touched)
// but whose bytes git stores as the entry's blob (eol=crlf here) is
// unchanged, as git status says; its bytes alone differ from the blob.
func TestStatesThroughAttributes(t *testing.T) {
	dir := gitRepo(t)
	writeFile(t, dir, ".gitattributes", "*.md text eol=crlf\n")
	writeFile(t, dir, enPath, "---\ntitle: Developer\n---\nBody\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	os.Remove(filepath.Join(dir, enPath))
	runGit(t, dir, "checkout", "--", enPath)
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, enPath), later, later); err != nil {
		t.Fatal(err)
	}
	st, err := openRepo(t, dir).States([]string{enPath})
	if err != nil {
		t.Fatal(err)
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != "" {
		t.Fatalf("git status: %q", got)
	}
	if st[enPath] != StateUnchanged {
		t.Errorf("States = %v, git says unchanged", st[enPath])
	}
	writeFile(t, dir, enPath, "---\r\ntitle: Developer\r\n---\r\nBodx\r\n")
	if st, _ := openRepo(t, dir).States([]string{enPath}); st[enPath] != StateModified {
		t.Errorf("an edit through the attributes: %v", st[enPath])
	}
}

// TestConversionsMayApply: git is asked about differing bytes only where
// an attributes file or core.autocrlf could make them the entry's blob.
func TestConversionsMayApply(t *testing.T) {
	dir := seed(t)
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
	r := openRepo(t, dir)
	if r.conversionsMayApply([]string{enPath}) {
		t.Error("no attributes file and no autocrlf: nothing converts")
	}
	writeFile(t, dir, "content/en/.gitattributes", "*.md text\n")
	if !r.conversionsMayApply([]string{enPath}) || r.conversionsMayApply([]string{"other/notes.txt"}) {
		t.Error("a .gitattributes above the file applies to it alone")
	}
	os.Remove(filepath.Join(dir, "content/en/.gitattributes"))
	runGit(t, dir, "config", "core.autocrlf", "input")
	if !r.conversionsMayApply([]string{enPath}) {
		t.Error("core.autocrlf converts")
	}
}
