package app

import (
	"context"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// alreadyProposed refuses a proposal that an open one already makes: an
// unmerged proposal branch whose tip has every file as files would make
// it (archiving a posting already "archive in review" again). Proposing
// it again would open a second, identical pull request.
func alreadyProposed(ctx context.Context, r *gitops.Repo, pub *Publish, files []gitops.ProposalFile) error {
	props, err := r.Proposals(ctx, pub.Remote, pub.Base)
	if err != nil {
		return err
	}
	var blobs []plumbing.Hash // what files would store, asked once for every proposal
	for _, p := range props {
		if p.Merged {
			continue
		}
		if blobs == nil {
			if blobs, err = r.Blobs(ctx, files); err != nil {
				return nil // no blob to compare: not known to be proposed (CommitOnto says what failed)
			}
		}
		if r.Holds(p.Tip, files, blobs) {
			return &gitops.Error{Kind: gitops.KindAlreadyProposed, Detail: p.Name}
		}
	}
	return nil
}
