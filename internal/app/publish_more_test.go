package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/gitserver"
)

// TestPullRefusals: diverged branches and a fast-forward over an edited
// file are refused, changing nothing; an edit elsewhere is kept.
func TestPullRefusals(t *testing.T) {
	src := siteRepo(t)
	dir, bare := servedClone(t, src)
	ctx := context.Background()
	r := openRepo(t, dir)
	// The server's main moves: the English posting changes.
	other := t.TempDir()
	runGit(t, other, "clone", "-q", bare, ".")
	writeFile(t, other, enPath, "---\ntitle: Developer (remote)\narchived: false\ntranslationKey: dev\n---\nBody\n")
	runGit(t, other, "commit", "-q", "-am", "remote edit")
	runGit(t, bare, "fetch", "-q", other, "main:main")

	// An uncommitted edit of that file: refused, naming it.
	writeFile(t, dir, enPath, "---\ntitle: Developer (mine)\narchived: false\ntranslationKey: dev\n---\nBody\n")
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err := r.Pull(ctx, nil)
	var e *gitops.Error
	if !asGitError(err, &e) || e.Kind != gitops.KindPullWouldOverwrite || len(e.Paths) != 1 || e.Paths[0] != enPath {
		t.Fatalf("pull over an edited file: %v", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Fatal("a refused pull moved the branch")
	}
	// An edit of another file is kept through the fast-forward.
	runGit(t, dir, "checkout", "--", enPath)
	writeFile(t, dir, "README.md", "my notes\n")
	res, err := r.Pull(ctx, nil)
	if err != nil || res.Behind != 1 || len(res.Files) != 1 {
		t.Fatalf("pull: %+v %v", res, err)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != " M README.md\n" {
		t.Errorf("status after pull: %q", st)
	}
	// Both sides move: diverged, nothing changes.
	runGit(t, dir, "commit", "-q", "-am", "mine")
	writeFile(t, other, "README.md", "theirs\n")
	runGit(t, other, "commit", "-q", "-am", "theirs")
	runGit(t, bare, "fetch", "-q", other, "main:main")
	head = runGit(t, dir, "rev-parse", "HEAD")
	if _, err := r.Pull(ctx, nil); !asGitError(err, &e) || e.Kind != gitops.KindDiverged {
		t.Fatalf("diverged pull: %v", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a diverged pull moved the branch")
	}
}

// TestProposePendingMovesTheEdits: form edits proposed as a pull request
// live on the proposal branch; the work tree is clean afterwards.
func TestProposePendingMovesTheEdits(t *testing.T) {
	dir, bare := servedClone(t, siteRepo(t))
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishSettings(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	edited := "---\r\ntitle: 'Cheffe d’équipe'\r\narchived: false # à revoir\r\ntranslationKey: dev\r\n---\r\nCorps\r\n"
	writeFile(t, dir, frPath, edited)
	prop, err := ProposePending(ctx, r, openSite(t, dir), pub, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("work tree after proposing: %q", st)
	}
	if got := runGit(t, bare, "show", prop.Branch+":"+frPath); got != edited {
		t.Errorf("the proposal holds %q", got)
	}
	if !strings.HasPrefix(prop.Branch, "postings/update-dev") {
		t.Errorf("branch %q", prop.Branch)
	}
}

// TestDeletePairs: removing a pair is one commit of the two removals; a
// hook's refusal puts both files back; in pull-request mode it is one
// proposal and the checkout is untouched.
func TestDeletePairs(t *testing.T) {
	dir, bare := servedClone(t, siteRepo(t))
	ctx := context.Background()
	r := openRepo(t, dir)
	direct, _ := PublishSettings(ctx, r, "direct")
	hookPath := filepath.Join(dir, ".git", "hooks", "pre-commit")
	os.WriteFile(hookPath, []byte("#!/bin/sh\necho no >&2\nexit 1\n"), 0o755)
	cat := loadSite(t, dir)
	ids := ArchivedIDs(cat)
	if len(ids) != 1 || ids[0] != "old" {
		t.Fatalf("archived: %v", ids)
	}
	_, err := Delete(ctx, r, openSite(t, dir), direct, ids, "")
	var e *gitops.Error
	if !asGitError(err, &e) || e.Kind != gitops.KindCommitRefused {
		t.Fatalf("delete under a refusing hook: %v", err)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Fatalf("files not put back: %q", st)
	}
	os.Remove(hookPath)
	res, err := Delete(ctx, r, openSite(t, dir), direct, ids, "")
	if err != nil || res.Commit == nil {
		t.Fatal(err)
	}
	if got := runGit(t, dir, "show", "--name-status", "--format=%s", "HEAD"); got != "Remove posting old: Old / Vieux\n\nD\tcontent/en/careers/positions/old.md\nD\tcontent/fr/careers/positions/vieux.md\n" {
		t.Errorf("commit:\n%s", got)
	}
	// Undo before it is pushed: the commit is dropped, the files are back.
	if why, err := gitops.DropCommit(r, res.Commit, res.Before); err != nil || why != gitops.DropDone {
		t.Fatal(why, err)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" || runGit(t, dir, "rev-parse", "HEAD") != runGit(t, dir, "rev-parse", "origin/main") {
		t.Errorf("after undo: %q", st)
	}
	pr, _ := PublishSettings(ctx, r, "pull-request")
	res, err = Delete(ctx, r, openSite(t, dir), pr, ids, "")
	if err != nil || res.Proposal == nil {
		t.Fatal(err)
	}
	if got := runGit(t, bare, "diff", "--name-status", "main", res.Proposal.Branch); got != "D\tcontent/en/careers/positions/old.md\nD\tcontent/fr/careers/positions/vieux.md\n" {
		t.Errorf("proposal:\n%s", got)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("checkout after proposing: %q", st)
	}
	// A pushed commit is not dropped.
	runGit(t, bare, "config", "receive.denyCurrentBranch", "ignore")
	os.Remove(filepath.Join(bare, "hooks", "pre-receive"))
	archived, err := Archive(r, openSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil || archived.Commit == nil {
		t.Fatal(err)
	}
	runGit(t, dir, "push", "-q", "origin", "main")
	if why, err := gitops.DropCommit(r, archived.Commit, archived.Before); err != nil || why != gitops.DropPushed {
		t.Errorf("a pushed commit: %v %v, want DropPushed", why, err)
	}
	_ = gitserver.Password
}
