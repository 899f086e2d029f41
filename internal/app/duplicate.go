package app

import (
	"context"

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
	for _, p := range props {
		if !p.Merged && r.Holds(ctx, p.Tip, files) {
			return &gitops.Error{Kind: gitops.KindAlreadyProposed, Detail: p.Name}
		}
	}
	return nil
}
