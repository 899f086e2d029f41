package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// snapshot is everything a refused action must leave as it was: the bytes
// of every file of the work tree, git status, every ref, HEAD and the
// repository's config.
type snapshot struct {
	files  map[string]string
	status string
	refs   string
	head   string
	config string
}

func takeSnapshot(t *testing.T, dir string) snapshot {
	t.Helper()
	s := snapshot{files: map[string]string{}}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			s.files[p] = string(data)
		}
		return nil
	})
	s.status = runGit(t, dir, "status", "--porcelain=v2", "--untracked-files=all")
	s.refs = runGit(t, dir, "for-each-ref")
	head, _ := os.ReadFile(filepath.Join(dir, ".git", "HEAD")) // detached or not
	s.head = string(head)
	config, _ := os.ReadFile(filepath.Join(dir, ".git", "config"))
	s.config = string(config)
	return s
}

func (s snapshot) same(t *testing.T, dir string) {
	t.Helper()
	now := takeSnapshot(t, dir)
	for p, data := range s.files {
		if now.files[p] != data {
			t.Errorf("%s changed:\n%q\nwas\n%q", p, now.files[p], data)
		}
	}
	if len(now.files) != len(s.files) {
		t.Errorf("files: %d, were %d", len(now.files), len(s.files))
	}
	if now.status != s.status {
		t.Errorf("git status changed:\n%s\nwas\n%s", now.status, s.status)
	}
	if now.refs != s.refs || string(now.head) != string(s.head) {
		t.Errorf("refs changed:\n%s %s\nwere\n%s %s", now.refs, now.head, s.refs, s.head)
	}
	if now.config != s.config {
		t.Errorf(".git/config changed:\n%s\nwas\n%s", now.config, s.config)
	}
}

// TestArchiveRefusedLeavesEverything: every precondition of the commit is
// checked before the first write, so a refused archive changes nothing, and
// the same archive commits once the cause is gone (issue 13, items 1 and 2).
func TestArchiveRefusedLeavesEverything(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		fix   func(t *testing.T, dir string)
		kind  gitops.Kind
	}{
		{"no identity", func(t *testing.T, dir string) {
			for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"} {
				t.Setenv(v, "")
				os.Unsetenv(v)
			}
		}, func(t *testing.T, dir string) { setIdentity(t) }, gitops.KindNoIdentity},
		{"detached head", func(t *testing.T, dir string) { runGit(t, dir, "checkout", "-q", "--detach") },
			func(t *testing.T, dir string) { runGit(t, dir, "checkout", "-q", "main") }, gitops.KindDetachedHead},
		{"paused merge", func(t *testing.T, dir string) { pausedOperation(t, dir, "merge") },
			func(t *testing.T, dir string) { runGit(t, dir, "merge", "--abort") }, gitops.KindMerging},
		{"paused cherry-pick", func(t *testing.T, dir string) { pausedOperation(t, dir, "cherry-pick") },
			func(t *testing.T, dir string) { runGit(t, dir, "cherry-pick", "--abort") }, gitops.KindCherryPicking},
		{"paused revert", func(t *testing.T, dir string) { pausedOperation(t, dir, "revert") },
			func(t *testing.T, dir string) { runGit(t, dir, "revert", "--abort") }, gitops.KindReverting},
		{"paused rebase", func(t *testing.T, dir string) { pausedOperation(t, dir, "rebase") },
			func(t *testing.T, dir string) { runGit(t, dir, "rebase", "--abort") }, gitops.KindRebasing},
		{"index.lock held", func(t *testing.T, dir string) { writeFile(t, dir, ".git/index.lock", "") },
			func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, ".git", "index.lock")) }, gitops.KindIndexLocked},
		{"pre-commit hook", func(t *testing.T, dir string) {
			hook(t, dir, "pre-commit", "echo 'lint: the title is too long' >&2\nexit 1")
		}, func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, ".git", "hooks", "pre-commit")) }, gitops.KindCommitRefused},
		{"commit-msg hook", func(t *testing.T, dir string) {
			hook(t, dir, "commit-msg", "grep -q JIRA- \"$1\" || { echo 'commit-msg: no ticket' >&2; exit 1; }")
		}, func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, ".git", "hooks", "commit-msg")) }, gitops.KindCommitRefused},
		{"signing without a key", func(t *testing.T, dir string) {
			runGit(t, dir, "config", "commit.gpgsign", "true")
			runGit(t, dir, "config", "gpg.format", "ssh")
			runGit(t, dir, "config", "user.signingkey", filepath.Join(dir, "no-such-key"))
		}, func(t *testing.T, dir string) { runGit(t, dir, "config", "--unset", "commit.gpgsign") }, gitops.KindSigningFailed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := siteRepo(t)
			// Something unrelated staged and unstaged, which must survive
			// (git will not pause an operation over a dirty work tree, so
			// not for those).
			paused := strings.HasPrefix(c.name, "paused")
			if !paused {
				writeFile(t, dir, "README.md", "staged\n")
				runGit(t, dir, "add", "README.md")
				writeFile(t, dir, "README.md", "staged then edited\n")
			}
			c.setup(t, dir)
			before := takeSnapshot(t, dir)
			cat := loadSite(t, dir)
			_, err := archiveCatalog(openRepo(t, dir), cat, []string{"dev"}, ArchiveOptions{})
			var e *gitops.Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if c.kind == gitops.KindCommitRefused && !strings.Contains(e.Output, ":") {
				t.Errorf("the hook's words are not in the error: %q", e.Output)
			}
			before.same(t, dir)
			for _, p := range cat.Postings {
				if p.Archived {
					continue
				}
				if got, _ := p.Doc.Bool("archived"); got {
					t.Errorf("%s: the posting in memory says archived after a refusal", p.Path)
				}
			}
			c.fix(t, dir)
			res, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{})
			if err != nil || res.Commit == nil {
				t.Fatalf("retry after the fix: %+v %v", res, err)
			}
			if got := runGit(t, dir, "show", "--name-only", "--format=", "HEAD"); got != enPath+"\n"+frPath+"\n" {
				t.Errorf("retry committed:\n%s", got)
			}
			if st := runGit(t, dir, "status", "--porcelain"); !paused && st != "MM README.md\n" || paused && st != "" {
				t.Errorf("status after retry: %q", st)
			}
			runGit(t, dir, "fsck", "--strict")
		})
	}
}

// pausedOperation leaves a merge, cherry-pick, revert or rebase stopped on a
// conflict in other/conflict.txt, a file that is not a posting.
func pausedOperation(t *testing.T, dir, op string) {
	t.Helper()
	writeFile(t, dir, "other/conflict.txt", "base\n")
	runGit(t, dir, "add", "other/conflict.txt")
	runGit(t, dir, "commit", "-q", "-m", "base")
	runGit(t, dir, "checkout", "-q", "-b", "side")
	writeFile(t, dir, "other/conflict.txt", "side\n")
	runGit(t, dir, "commit", "-q", "-am", "side")
	runGit(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, "other/conflict.txt", "main\n")
	runGit(t, dir, "commit", "-q", "-am", "main")
	var args []string
	switch op {
	case "merge":
		args = []string{"merge", "side"}
	case "cherry-pick":
		args = []string{"cherry-pick", "side"}
	case "revert":
		// Reverting "main" on top of a commit that changes the line again.
		writeFile(t, dir, "other/conflict.txt", "main again\n")
		runGit(t, dir, "commit", "-q", "-am", "again")
		args = []string{"revert", "--no-edit", "HEAD~1"}
	case "rebase":
		args = []string{"rebase", "side"}
	}
	cmd := execGit(dir, args...)
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("git %v did not stop on a conflict:\n%s", args, out)
	}
	// Resolve the file so that only the paused operation remains.
	writeFile(t, dir, "other/conflict.txt", "resolved\n")
	runGit(t, dir, "add", "other/conflict.txt")
}

func hook(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, ".git", "hooks", name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestCommitPendingNamesAPathThatIsNotEdited: `jobtui commit PATH` with a
// path that is not an edited posting fails naming it (issue 13, item 9).
func TestCommitPendingNamesAPathThatIsNotEdited(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer II\narchived: false\ntranslationKey: dev\n---\nBody\n")
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err := Commit(openRepo(t, dir), openSite(t, dir), []string{enPath, "README.md"}, "")
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindNotPending || len(e.Paths) != 1 || e.Paths[0] != "README.md" {
		t.Fatalf("err = %v, want gitops.KindNotPending naming README.md", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Error("something was committed")
	}
}

// TestStagedThenDiscarded: an archive whose commit is refused before its
// files are put in place (they are written and synced beside them while
// the commit makes its checks) leaves no file behind, every file and ref
// as it was, and the postings in memory as they were read.
func TestStagedThenDiscarded(t *testing.T) {
	dir := siteRepo(t)
	before := takeSnapshot(t, dir)
	cat := loadSite(t, dir)
	gs := cat.Find("dev")
	if len(gs) != 1 {
		t.Fatalf("dev: %d groups", len(gs))
	}
	ps := gs[0].Postings(cat.Site.Langs)
	for _, p := range ps {
		if err := p.Doc.SetBool("archived", true); err != nil {
			t.Fatal(err)
		}
	}
	pending, err := gitops.StageAll(ps)
	if err != nil {
		t.Fatal(err)
	}
	pending.Discard()
	before.same(t, dir)
	for _, p := range ps {
		if got, _ := p.Doc.Bool("archived"); got {
			t.Errorf("%s: archived in memory after the discard", p.Path)
		}
	}
}
