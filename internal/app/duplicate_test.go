package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// TestNoSecondIdenticalProposal: archiving a posting whose archive is
// already in review is refused, naming the open proposal's branch, and
// makes no branch here or on the remote; once that proposal is withdrawn
// it can be proposed again.
func TestNoSecondIdenticalProposal(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	site := openSite(t, dir)
	pub, err := PublishFor(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	_, first, err := ArchiveOrPropose(ctx, r, site, pub, []string{"dev"}, ArchiveOptions{})
	if err != nil || first == nil {
		t.Fatalf("first proposal: %+v, %v", first, err)
	}
	local, remote := runGit(t, dir, "for-each-ref"), runGit(t, bare, "for-each-ref")
	_, again, err := ArchiveOrPropose(ctx, r, site, pub, []string{"dev"}, ArchiveOptions{})
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindAlreadyProposed || e.Detail != first.Branch || again != nil {
		t.Fatalf("the same archive again: proposal %+v, %v; want KindAlreadyProposed naming %s", again, err, first.Branch)
	}
	if runGit(t, dir, "for-each-ref") != local || runGit(t, bare, "for-each-ref") != remote {
		t.Error("a refused second proposal changed branches here or on the remote")
	}
	if _, err := Withdraw(ctx, r, pub, first.Branch); err != nil {
		t.Fatal(err)
	}
	if _, p, err := ArchiveOrPropose(ctx, r, site, pub, []string{"dev"}, ArchiveOptions{}); err != nil || p == nil {
		t.Fatalf("after withdrawing, the archive is proposed again: %+v, %v", p, err)
	}
}

// TestNoSecondProposalThroughLineEndings: form edits proposed once are
// refused the second time on a checkout where git converts line endings
// (core.autocrlf: the work-tree file has CRLF, the blob LF), as they are
// where it does not: the blobs are compared as git would store them.
func TestNoSecondProposalThroughLineEndings(t *testing.T) {
	dir := siteRepo(t)
	localRemote(t, dir)
	runGit(t, dir, "config", "core.autocrlf", "true")
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishFor(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	const edited = "---\r\ntitle: Developer, edited\r\narchived: false\r\ntranslationKey: dev\r\n---\r\nBody\r\n"
	writeFile(t, dir, enPath, edited)
	first, err := ProposePending(ctx, r, openSite(t, dir), pub, nil, "")
	if err != nil {
		t.Fatalf("first proposal: %v", err)
	}
	if blob := runGit(t, dir, "show", first.Branch+":"+enPath); strings.Contains(blob, "\r") {
		t.Fatalf("the proposal stored CRLF: %q", blob)
	}
	writeFile(t, dir, enPath, edited) // the same edit again
	_, err = ProposePending(ctx, r, openSite(t, dir), pub, nil, "")
	var e *gitops.Error
	if !errors.As(err, &e) || e.Kind != gitops.KindAlreadyProposed || e.Detail != first.Branch {
		t.Fatalf("the same edit proposed again: %v; want KindAlreadyProposed naming %s", err, first.Branch)
	}
}
