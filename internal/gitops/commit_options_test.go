package gitops

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// signWithMissingKey tells git to sign commits with an SSH key file that
// does not exist: checkSigning refuses.
func signWithMissingKey(t *testing.T, dir string) {
	runGit(t, dir, "config", "commit.gpgsign", "true")
	runGit(t, dir, "config", "gpg.format", "ssh")
	runGit(t, dir, "config", "user.signingkey", filepath.Join(dir, "no-such-key"))
}

// TestPrefetchCommitCheck: the signing settings read ahead are those every
// check of the action uses, until it ends (one reading for an archive's
// check and commit); then, and after a prefetch the action ended without
// using, a check reads the settings afresh.
func TestPrefetchCommitCheck(t *testing.T) {
	dir := seed(t)
	r := openRepo(t, dir)
	signWithMissingKey(t, dir)

	done := r.PrefetchCommitCheck()
	var e *Error
	if err := r.CheckCommit(); !errors.As(err, &e) || e.Kind != KindSigningFailed {
		t.Fatalf("prefetched check: %v, want KindSigningFailed", err)
	}
	runGit(t, dir, "config", "commit.gpgsign", "false")
	if err := r.CheckCommit(); !errors.As(err, &e) || e.Kind != KindSigningFailed {
		t.Fatalf("second check of the action: %v, want the settings read ahead (KindSigningFailed)", err)
	}
	runGit(t, dir, "config", "commit.gpgsign", "true")
	done()
	runGit(t, dir, "config", "--unset", "commit.gpgsign")
	if err := r.CheckCommit(); err != nil {
		t.Fatalf("the prefetched result was used twice: %v", err)
	}

	signWithMissingKey(t, dir)
	done = r.PrefetchCommitCheck()
	r.signing.settings() // wait until the settings are read
	done()               // the action ended without a commit
	runGit(t, dir, "config", "--unset", "commit.gpgsign")
	if err := r.CheckCommit(); err != nil {
		t.Fatalf("a dropped prefetch was used: %v", err)
	}
}

// TestCommitPathsWithOptions: SigningChecked still makes the checks that
// read files; Changed commits what git would, without asking it first.
func TestCommitPathsWithOptions(t *testing.T) {
	dir := seed(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: true\n---\nBody\n")
	writeFile(t, dir, ".git/index.lock", "")
	old := LockWait
	LockWait = 0
	defer func() { LockWait = old }()
	_, err := openRepo(t, dir).CommitPathsWith([]string{enPath}, "x", CommitOptions{SigningChecked: true, Changed: true})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindIndexLocked {
		t.Fatalf("err = %v, want KindIndexLocked", err)
	}
	if err := os.Remove(filepath.Join(dir, ".git", "index.lock")); err != nil {
		t.Fatal(err)
	}
	res, err := openRepo(t, dir).CommitPathsWith([]string{enPath}, "Archive developer", CommitOptions{SigningChecked: true, Changed: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(runGit(t, dir, "show", "--name-only", "--format=%s", "HEAD")); got != "Archive developer\n\n"+enPath {
		t.Errorf("HEAD = %q", got)
	}
	if res.Subject != "Archive developer" || len(res.Paths) != 1 {
		t.Errorf("result = %+v", res)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("status after the commit: %q", st)
	}
}

// TestRepoPathsAsRepoPath: repoPath, remembering each folder's links,
// answers as RepoPath, through a linked folder, for a missing one and for
// a file outside the work tree.
func TestRepoPathsAsRepoPath(t *testing.T) {
	dir := seed(t)
	r := openRepo(t, dir)
	if err := os.Symlink(filepath.Join(dir, "content", "en"), filepath.Join(dir, "linked")); err != nil {
		t.Skip(err)
	}
	dirs := map[string]string{}
	for _, abs := range []string{
		filepath.Join(dir, filepath.FromSlash(enPath)),
		filepath.Join(dir, "linked", "careers", "positions", "developer.md"),
		filepath.Join(dir, "linked", "careers", "positions", "other.md"),
		filepath.Join(dir, "no-such-folder", "x.md"),
		filepath.Join(t.TempDir(), "outside.md"),
	} {
		for round := 0; round < 2; round++ { // the second from what it remembers
			got, gerr := r.repoPath(abs, dirs)
			want, werr := r.RepoPath(abs)
			if got != want || (gerr == nil) != (werr == nil) {
				t.Errorf("%s: %q %v, RepoPath %q %v", abs, got, gerr, want, werr)
			}
		}
	}
}
