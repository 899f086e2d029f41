package app

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 11, item 3: u after an undo stacked inverse commits. An archive
// jobtui has just made, not pushed, still at HEAD and with its files as it
// left them is dropped: the branch goes back and the files are as before.
func TestIssue11UndoDropsAnUnpushedArchive(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	seedHead := runGit(t, dir, "rev-parse", "HEAD")
	// An uncommitted edit the archive includes: undo gives it back, uncommitted.
	writeFile(t, dir, enPath, "---\ntitle: Lead Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	enBefore, _ := os.ReadFile(filepath.Join(dir, enPath))
	frBefore, _ := os.ReadFile(filepath.Join(dir, frPath))
	res, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{WithChanges: true})
	if err != nil || res.Commit == nil {
		t.Fatalf("archive: %+v %v", res, err)
	}
	why, err := gitops.DropCommit(r, res.Commit, res.Before)
	if err != nil || why != gitops.DropDone {
		t.Fatalf("drop: %v %v", why, err)
	}
	if got := runGit(t, dir, "rev-parse", "HEAD"); got != seedHead {
		t.Errorf("HEAD is %s, want the commit before the archive %s", got, seedHead)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, enPath)); string(got) != string(enBefore) {
		t.Errorf("English file not as before:\n%s", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, frPath)); string(got) != string(frBefore) {
		t.Errorf("French file not as before:\n%q", got)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != " M "+enPath+"\n" {
		t.Errorf("status after the undo: %q (the title edit should be back, uncommitted)", st)
	}
	if !strings.Contains(runGit(t, dir, "reflog", "-1", "--format=%gs", "main"), "jobtui: undo: Archive posting dev") {
		t.Error("no reflog entry for the undo")
	}
	runGit(t, dir, "fsck", "--strict")
}

// ...and every other case keeps the commit: the caller makes an inverse one.
func TestIssue11UndoKeepsCommitsItMustNotDrop(t *testing.T) {
	archive := func(t *testing.T) (string, *gitops.Repo, *ArchiveResult) {
		dir := siteRepo(t)
		r := openRepo(t, dir)
		res, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
		if err != nil || res.Commit == nil {
			t.Fatalf("archive: %+v %v", res, err)
		}
		return dir, r, res
	}
	check := func(t *testing.T, dir string, r *gitops.Repo, res *ArchiveResult, want gitops.DropRefusal) {
		t.Helper()
		head := runGit(t, dir, "rev-parse", "HEAD")
		st := runGit(t, dir, "status", "--porcelain")
		why, err := gitops.DropCommit(r, res.Commit, res.Before)
		if err != nil || why != want {
			t.Errorf("drop: %v %v, want %v", why, err, want)
		}
		if runGit(t, dir, "rev-parse", "HEAD") != head || runGit(t, dir, "status", "--porcelain") != st {
			t.Error("a refused drop changed the branch or the files")
		}
	}
	t.Run("pushed", func(t *testing.T) {
		dir, r, res := archive(t)
		bare := t.TempDir()
		runGit(t, bare, "init", "-q", "--bare")
		runGit(t, dir, "remote", "add", "origin", bare)
		runGit(t, dir, "push", "-q", "origin", "main")
		runGit(t, dir, "fetch", "-q", "origin")
		check(t, dir, r, res, gitops.DropPushed)
	})
	t.Run("edited since", func(t *testing.T) {
		dir, r, res := archive(t)
		data, _ := os.ReadFile(filepath.Join(dir, frPath))
		writeFile(t, dir, frPath, string(data)+"more\r\n")
		check(t, dir, r, res, gitops.DropChanged)
	})
	t.Run("staged since", func(t *testing.T) {
		dir, r, res := archive(t)
		data, _ := os.ReadFile(filepath.Join(dir, enPath))
		writeFile(t, dir, enPath, string(data)+"more\n")
		runGit(t, dir, "add", enPath)
		writeFile(t, dir, enPath, string(data))
		check(t, dir, r, res, gitops.DropChanged)
	})
	t.Run("a commit after it", func(t *testing.T) {
		dir, r, res := archive(t)
		writeFile(t, dir, "README.md", "other\n")
		runGit(t, dir, "commit", "-q", "-am", "other")
		check(t, dir, r, res, gitops.DropMoved)
	})
	t.Run("another branch", func(t *testing.T) {
		dir, r, res := archive(t)
		runGit(t, dir, "checkout", "-q", "-b", "other", "HEAD~1")
		check(t, dir, r, res, gitops.DropMoved)
	})
}

// Issue 11, items 2 and 15: the message names exactly the files committed,
// a subject short enough to be one, details in the body; a new posting is
// added, not updated.
func TestIssue11PendingMessage(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Lead Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, "content/en/careers/positions/old.md", "---\ntitle: Older\narchived: true\ntranslationKey: old\n---\n")
	writeFile(t, dir, "content/en/careers/positions/data.md", "---\ntitle: Data Engineer\narchived: true\ntranslationKey: data-engineer\n---\n")
	writeFile(t, dir, "content/fr/careers/positions/données.md", "---\ntitle: Ingénieur de données\narchived: true\ntranslationKey: data-engineer\n---\n")
	r := openRepo(t, dir)
	cat := loadSite(t, dir)
	files, err := gitops.PendingPostings(r, cat)
	if err != nil || len(files) != 4 {
		t.Fatalf("pending: %d %v", len(files), err)
	}
	pick := func(keys ...string) []gitops.PendingFile {
		var out []gitops.PendingFile
		for _, f := range files {
			for _, k := range keys {
				if f.Posting.TranslationKey == k {
					out = append(out, f)
				}
			}
		}
		return out
	}
	if got := PendingMessage(cat, pick("dev")); got != "Update posting dev: title (en)" {
		t.Errorf("one posting: %q", got)
	}
	if got := PendingMessage(cat, pick("data-engineer")); got != "Add posting data-engineer: Data Engineer / Ingénieur de données" {
		t.Errorf("a new posting: %q", got)
	}
	got := PendingMessage(cat, pick("dev", "old"))
	if got != "Update 2 postings: dev, old\n\n- dev: title (en)\n- old: title (en)\n" {
		t.Errorf("two postings: %q", got)
	}
	if strings.Contains(got, "data-engineer") {
		t.Error("an unticked posting is named")
	}
	got = PendingMessage(cat, files)
	subject := strings.SplitN(got, "\n", 2)[0]
	if len(subject) > maxSubject || !strings.HasPrefix(subject, "Add 1 posting and update 2 postings") || !strings.Contains(got, "\n- data-engineer (new): Data Engineer / Ingénieur de données\n") {
		t.Errorf("all: %q", got)
	}
	res, err := Commit(r, openSite(t, dir), []string{enPath}, "")
	if err != nil || res.Subject != "Update posting dev: title (en)" {
		t.Fatalf("commit: %+v %v", res, err)
	}
}

// UndoArchive drops where it may, else archives the other way and says why.
func TestIssue11UndoArchive(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	seedHead := runGit(t, dir, "rev-parse", "HEAD")
	res, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u, err := UndoArchive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{}, res, false)
	if err != nil || !u.Dropped || runGit(t, dir, "rev-parse", "HEAD") != seedHead {
		t.Fatalf("undo: %+v %v", u, err)
	}
	// Again, then a commit after it: an inverse commit.
	res, err = Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "README.md", "other\n")
	runGit(t, dir, "commit", "-q", "-am", "other")
	u, err = UndoArchive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{}, res, false)
	if err != nil || u.Dropped || u.Why != gitops.DropMoved || u.Inverse == nil || u.Inverse.Commit == nil ||
		!strings.HasPrefix(u.Inverse.Commit.Subject, "Unarchive posting dev") {
		t.Fatalf("undo after another commit: %+v %v", u, err)
	}
	if got := runGit(t, dir, "log", "--format=%s", strings.TrimSpace(seedHead)+"..HEAD"); got != "Unarchive posting dev: Developer / Chef d’équipe\nother\nArchive posting dev: Developer / Chef d’équipe\n" {
		t.Errorf("history:\n%s", got)
	}
}
