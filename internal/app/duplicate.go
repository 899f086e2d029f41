package app

import (
	"bytes"
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
	for _, p := range props {
		if !p.Merged && holds(r, p.Tip, files) {
			return &gitops.Error{Kind: gitops.KindAlreadyProposed, Detail: p.Name}
		}
	}
	return nil
}

// holds tells whether commit has every file as files make it. Bytes are
// compared as given: a file whose clean filter or line endings make its
// blob differ counts as different, and is proposed again rather than
// refused; a tip that cannot be read counts as different too.
func holds(r *gitops.Repo, commit plumbing.Hash, files []gitops.ProposalFile) bool {
	for _, f := range files {
		data, ok, err := r.ReadAt(commit, f.Path)
		switch {
		case err != nil:
			return false
		case f.Remove:
			if ok {
				return false
			}
		case !ok || !bytes.Equal(data, f.Content):
			return false
		}
	}
	return len(files) > 0
}
