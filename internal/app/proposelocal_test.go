package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// theirCommit lands a commit of someone else's on bare's main.
func theirCommit(t *testing.T, bare string) {
	t.Helper()
	other := t.TempDir()
	runGit(t, other, "clone", "-q", bare, ".")
	writeFile(t, other, "README.md", "theirs\n")
	runGit(t, other, "commit", "-q", "-am", "theirs")
	runGit(t, other, "push", "-q", "origin", "main")
}

// TestProposalRefusedBeforeFetching: a proposal git could not sign is
// refused before the base is fetched, so that every ref (the
// remote-tracking ones too) is as it was; it goes through once signing
// is off.
func TestProposalRefusedBeforeFetching(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	theirCommit(t, bare) // a fetch would move origin/main
	runGit(t, dir, "config", "commit.gpgsign", "true")
	runGit(t, dir, "config", "gpg.format", "ssh")
	runGit(t, dir, "config", "user.signingkey", filepath.Join(dir, "no-such-key"))
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishFor(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, dir)
	_, _, err = ArchiveOrPropose(ctx, r, openSite(t, dir), pub, []string{"dev"}, ArchiveOptions{})
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindSigningFailed {
		t.Fatalf("proposal without the signing key: %v, want KindSigningFailed", err)
	}
	before.same(t, dir)
	runGit(t, dir, "config", "--unset", "commit.gpgsign")
	if _, p, err := ArchiveOrPropose(ctx, r, openSite(t, dir), pub, []string{"dev"}, ArchiveOptions{}); err != nil || p == nil {
		t.Fatalf("proposal once signing is off: %+v, %v", p, err)
	}
}

// TestProposeLocalCommitsWithoutUpstream: a branch without upstream
// proposes the commits the remote's branch of the same name lacks (the
// diverged pull's offer), goes back to that branch and tracks it; a
// branch never pushed proposes what the base lacks and keeps its commits.
func TestProposeLocalCommitsWithoutUpstream(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishSettings(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "branch", "--unset-upstream", "main")
	theirCommit(t, bare)
	writeFile(t, dir, "notes.md", "mine\n")
	runGit(t, dir, "add", "notes.md")
	runGit(t, dir, "commit", "-q", "-m", "Add notes")
	mine := strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD"))
	if _, err := r.Pull(ctx, nil); err == nil || !strings.Contains(err.Error(), "diverged") {
		t.Fatalf("pull: %v, want diverged", err)
	}
	p, err := ProposeLocalCommits(ctx, r, pub)
	if err != nil {
		t.Fatalf("propose the local commits of a branch without upstream: %v", err)
	}
	if got := strings.TrimSpace(runGit(t, bare, "rev-parse", p.Branch)); got != mine {
		t.Errorf("the proposal branch is at %s, want the local commit %s", got, mine)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != runGit(t, bare, "rev-parse", "main") {
		t.Error("main did not go back to the remote's main")
	}
	if got := strings.TrimSpace(runGit(t, dir, "rev-parse", "--abbrev-ref", "main@{upstream}")); got != "origin/main" {
		t.Errorf("main tracks %q after the proposal, want origin/main", got)
	}

	runGit(t, dir, "checkout", "-q", "-b", "typo-fixes")
	writeFile(t, dir, "README.md", "site, fixed\n")
	runGit(t, dir, "commit", "-q", "-am", "Fix a typo")
	head := runGit(t, dir, "rev-parse", "HEAD")
	p, err = ProposeLocalCommits(ctx, r, pub)
	if err != nil {
		t.Fatalf("propose the commits of a branch never pushed: %v", err)
	}
	if runGit(t, bare, "rev-parse", p.Branch) != head || p.Base != "main" {
		t.Errorf("proposal %+v is not the branch's commit %s", p, head)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head || execGit(dir, "config", "--get", "branch.typo-fixes.merge").Run() == nil || p.Back != "" {
		t.Error("a branch never pushed was moved or given an upstream")
	}
	// Again: the same commits are in review already (they stayed on the
	// branch), so nothing is pushed.
	remote := runGit(t, bare, "for-each-ref")
	_, err = ProposeLocalCommits(ctx, r, pub)
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindAlreadyProposed || e.Detail != p.Branch {
		t.Fatalf("the same commits proposed again: %v, want KindAlreadyProposed naming %s", err, p.Branch)
	}
	if runGit(t, bare, "for-each-ref") != remote {
		t.Error("a refused second proposal pushed a branch")
	}
}

// TestProposeLocalCommitsRefusedBeforePushing: commits whose files have
// uncommitted edits, which going back to the upstream would overwrite,
// are refused before anything is pushed or moved (user test, item 3: the
// proposal was pushed, then git reset --keep failed and main kept the
// commits, proposed again on each retry).
func TestProposeLocalCommitsRefusedBeforePushing(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishSettings(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, enPath, "---\ntitle: Developer (v2)\narchived: false\ntranslationKey: dev\n---\nBody\n")
	runGit(t, dir, "commit", "-q", "-am", "Retitle")
	writeFile(t, dir, enPath, "---\ntitle: Developer (v2)\narchived: false\ntranslationKey: dev\n---\nBody, being edited\n")
	before, remote := takeSnapshot(t, dir), runGit(t, bare, "for-each-ref")
	_, err = ProposeLocalCommits(ctx, r, pub)
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindEditsInTheWay || len(e.Paths) != 1 || e.Paths[0] != enPath {
		t.Fatalf("propose with edits in the way: %v, want KindEditsInTheWay naming %s", err, enPath)
	}
	before.same(t, dir)
	if runGit(t, bare, "for-each-ref") != remote {
		t.Error("a refused proposal pushed a branch")
	}
}

// TestProposeLocalCommitsOfALocalUpstream: a branch tracking a local
// branch (git checkout --track main) is proposed on the team's remote,
// against the base, and keeps its commits; before, it was "pushed" into
// the repository itself and moved back, the commits left on a local
// branch only.
func TestProposeLocalCommitsOfALocalUpstream(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishSettings(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "checkout", "-q", "-b", "loc", "--track", "main")
	writeFile(t, dir, "README.md", "local work\n")
	runGit(t, dir, "commit", "-q", "-am", "Local work")
	head := runGit(t, dir, "rev-parse", "HEAD")
	p, err := ProposeLocalCommits(ctx, r, pub)
	if err != nil || p.Remote != "origin" {
		t.Fatalf("proposal %+v, %v; want it on origin", p, err)
	}
	if runGit(t, bare, "rev-parse", p.Branch) != head || runGit(t, dir, "rev-parse", "HEAD") != head || p.Back != "" {
		t.Errorf("the proposal is not on origin at the branch's commit, or the branch moved: %+v", p)
	}
}
