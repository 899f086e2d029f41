package app

import (
	"context"
	"errors"
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
