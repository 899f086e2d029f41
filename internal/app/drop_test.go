package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// A removal jobtui has just committed is taken back by the same
// gitops.DropCommit as an archive: the branch goes back, each file comes
// back with its bytes and its mode, and the index is the parent's.
func TestDropCommitTakesBackARemoval(t *testing.T) {
	const oldPath, vieuxPath = "content/en/careers/positions/old.md", "content/fr/careers/positions/vieux.md"
	dir := siteRepo(t)
	os.Chmod(filepath.Join(dir, oldPath), 0o755)
	runGit(t, dir, "commit", "-q", "-am", "executable")
	ctx := context.Background()
	r := openRepo(t, dir)
	direct, _ := PublishSettings(ctx, r, "direct")
	seedHead := runGit(t, dir, "rev-parse", "HEAD")
	oldBytes, _ := os.ReadFile(filepath.Join(dir, oldPath))

	res, err := Delete(ctx, r, openSite(t, dir), direct, []string{"old"}, "")
	if err != nil || res.Commit == nil || len(res.Before) != 2 {
		t.Fatalf("delete: %+v %v", res, err)
	}
	why, err := gitops.DropCommit(r, res.Commit, res.Before)
	if err != nil || why != gitops.DropDone {
		t.Fatalf("drop: %v %v", why, err)
	}
	if got := runGit(t, dir, "rev-parse", "HEAD"); got != seedHead {
		t.Errorf("HEAD is %s, want %s", got, seedHead)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("status after the undo: %q", st)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, oldPath)); string(got) != string(oldBytes) {
		t.Errorf("old.md is %q", got)
	}
	if st, err := os.Stat(filepath.Join(dir, oldPath)); err != nil || st.Mode().Perm()&0o100 == 0 {
		t.Errorf("old.md lost its executable mode: %v %v", st, err)
	}

	// A file made since at a removed path is never replaced: refused, and
	// the branch, the index and the files stay as they are.
	res, err = Delete(ctx, r, openSite(t, dir), direct, []string{"old"}, "")
	if err != nil || res.Commit == nil {
		t.Fatalf("delete again: %v", err)
	}
	writeFile(t, dir, vieuxPath, "mine\n")
	head := runGit(t, dir, "rev-parse", "HEAD")
	st := runGit(t, dir, "status", "--porcelain")
	why, err = gitops.DropCommit(r, res.Commit, res.Before)
	if err != nil || why != gitops.DropChanged {
		t.Errorf("drop over a new file: %v %v, want DropChanged", why, err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head || runGit(t, dir, "status", "--porcelain") != st {
		t.Error("a refused drop changed the branch or the files")
	}
	if got, _ := os.ReadFile(filepath.Join(dir, vieuxPath)); string(got) != "mine\n" {
		t.Errorf("the new file was replaced: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, oldPath)); !os.IsNotExist(err) {
		t.Errorf("old.md came back on a refusal: %v", err)
	}
}

// User test (flow, item 3): undoing the unarchive of a new posting, whose
// files were untracked and went into the commit, said "Undone by a new
// commit …, because other commits came after it" although the commit was
// HEAD: DropCommit refused any file the commit added. It now drops the
// commit, and the files come back untracked, with their bytes.
func TestUndoUnarchiveOfANewPostingDropsTheCommit(t *testing.T) {
	const zetaEN, zetaFR = "content/en/careers/positions/zeta-role.md", "content/fr/careers/positions/role-zeta.md"
	dir := siteRepo(t)
	r := openRepo(t, dir)
	seedHead := runGit(t, dir, "rev-parse", "HEAD")
	en := "---\ntitle: Zeta Role\narchived: true\ntranslationKey: zeta\n---\nBody\n"
	fr := "---\ntitle: Rôle zêta\narchived: true\ntranslationKey: zeta\n---\nCorps\n"
	writeFile(t, dir, zetaEN, en)
	writeFile(t, dir, zetaFR, fr)
	status := runGit(t, dir, "status", "--porcelain", "-uall")

	opt := ArchiveOptions{Unarchive: true, WithChanges: true}
	done, err := Archive(r, openSite(t, dir), []string{"zeta"}, opt)
	if err != nil || done.Commit == nil {
		t.Fatalf("unarchive: %+v %v", done, err)
	}
	res, err := UndoArchive(r, openSite(t, dir), []string{"zeta"}, opt, done, false)
	if err != nil || !res.Dropped {
		t.Fatalf("undo: %+v %v, want the commit dropped", res, err)
	}
	if got := runGit(t, dir, "rev-parse", "HEAD"); got != seedHead {
		t.Errorf("HEAD is %s, want %s", got, seedHead)
	}
	if st := runGit(t, dir, "status", "--porcelain", "-uall"); st != status {
		t.Errorf("status after the undo:\n%s\nwant\n%s", st, status)
	}
	for p, want := range map[string]string{zetaEN: en, zetaFR: fr} {
		if got, _ := os.ReadFile(filepath.Join(dir, p)); string(got) != want {
			t.Errorf("%s is %q, want %q", p, got, want)
		}
	}
}
