package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
)

func TestArchiveCommitsBothLanguages(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, "README.md", "staged for something else\n")
	runGit(t, dir, "add", "README.md")
	r := openRepo(t, dir)
	res, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit == nil || res.Commit.Subject != "Archive posting dev: Developer / Chef d’équipe" {
		t.Fatalf("result: %+v", res.Commit)
	}
	numstat := runGit(t, dir, "show", "--numstat", "--format=", "HEAD")
	if numstat != "1\t1\t"+enPath+"\n1\t1\t"+frPath+"\n" {
		t.Errorf("numstat:\n%s", numstat)
	}
	diff := runGit(t, dir, "show", "--format=", "HEAD", "--", frPath)
	if !strings.Contains(diff, "+archived: true # à revoir\r") {
		t.Errorf("French line lost its comment or CRLF:\n%s", diff)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "M  README.md\n" {
		t.Errorf("status: %q", st)
	}
	runGit(t, dir, "fsck", "--strict")

	// Again: nothing to do, no empty commit.
	head := runGit(t, dir, "rev-parse", "HEAD")
	res, err = Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil || !res.Unchanged() || res.Commit != nil || runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Errorf("second archive: %+v %v", res, err)
	}
	// Undo is the inverse commit.
	res, err = Archive(r, openSite(t, dir), []string{frPath}, ArchiveOptions{Unarchive: true})
	if err != nil || !strings.HasPrefix(res.Commit.Subject, "Unarchive posting dev") {
		t.Fatalf("unarchive: %+v %v", res, err)
	}
	if got := runGit(t, dir, "diff", "HEAD~2", "HEAD", "--stat"); got != "" {
		t.Errorf("archive then unarchive is not a round trip:\n%s", got)
	}
}

func TestArchiveRefusals(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	_, err := Archive(r, openSite(t, dir), []string{"deev"}, ArchiveOptions{})
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindUnknownPosting || len(e.Suggestions) == 0 || e.Suggestions[0] != "dev" {
		t.Errorf("unknown key: %v", err)
	}
	if msg := i18n.ErrorText(i18n.For(i18n.FR), err); !strings.Contains(msg, "vouliez-vous dire") {
		t.Errorf("French message: %q", msg)
	}
	writeFile(t, dir, enPath, "---\ntitle: Developer edited\narchived: false\ntranslationKey: dev\n---\nBody\n")
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err = Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if !errors.As(err, &e) || e.Kind != gitops.KindDirtyPostings || len(e.Paths) != 1 || e.Paths[0] != enPath {
		t.Fatalf("dirty: %v", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head || runGit(t, dir, "status", "--porcelain") != " M "+enPath+"\n" {
		t.Error("a refused archive changed something")
	}
	res, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{WithChanges: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := runGit(t, dir, "show", "HEAD:"+enPath); !strings.Contains(got, "Developer edited") || !strings.Contains(got, "archived: true") {
		t.Errorf("with changes: %s", got)
	}
	_ = res
	// A broken file that names the key: refused.
	writeFile(t, dir, "content/fr/careers/positions/cassé.md", "---\ntitle: 'unclosed\ntranslationKey: old\n---\n")
	_, err = Archive(r, openSite(t, dir), []string{"old"}, ArchiveOptions{Unarchive: true})
	if !errors.As(err, &e) || e.Kind != gitops.KindAmbiguousGroup {
		t.Errorf("ambiguous: %v", err)
	}
}

// A file changed on disk between the read and the write stops the action
// before any file is written: nothing is written, nothing committed.
func TestArchiveFileChangedOnDisk(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	cat := loadSite(t, dir)
	other := "---\r\ntitle: 'Chef d’équipe'\r\narchived: false\r\ntranslationKey: dev\r\n---\r\nCorps modifié ailleurs\r\n"
	writeFile(t, dir, frPath, other)
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err := archiveCatalog(r, cat, []string{"dev"}, ArchiveOptions{WithChanges: true})
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindChangedOnDisk || len(e.Paths) != 1 || e.Paths[0] != frPath {
		t.Fatalf("err = %v, want gitops.KindChangedOnDisk naming %s", err, frPath)
	}
	if msg := i18n.ErrorText(i18n.For(i18n.FR), err); !strings.Contains(msg, "rechargez") && !strings.Contains(msg, "modifié") {
		t.Errorf("French message: %q", msg)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a commit was made")
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != " M "+frPath+"\n" {
		t.Errorf("status %q: only the outside change may show", got)
	}
	if got := runGit(t, dir, "show", ":"+frPath); got == other {
		t.Error("the index took the outside change")
	}
}

func TestArchiveSeveralInOneCommit(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	res, err := Archive(r, openSite(t, dir), []string{"dev", "old"}, ArchiveOptions{Unarchive: true})
	if err != nil {
		t.Fatal(err)
	}
	// dev is already open: only old changes, and only old is named.
	if res.Commit.Subject != "Unarchive posting old: Old / Vieux" {
		t.Errorf("subject %q", res.Commit.Subject)
	}
	res, err = Archive(r, openSite(t, dir), []string{"dev", "old"}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit.Subject != "Archive 2 postings: dev, old" || len(res.Commit.Paths) != 4 {
		t.Errorf("commit %+v", res.Commit)
	}
}
