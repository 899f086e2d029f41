package app

import (
	"context"
	"errors"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// ArchiveOrPropose is what an archive (or unarchive) does, from the
// command line and from the app alike: Archive, or with pub proposing and
// a commit asked for, proposeArchive with opt.Message. r may be nil with
// opt.NoCommit, pub nil for a direct commit.
//
// A proposal that would change nothing, the base having every file in the
// requested state already, is the result Archive gives for groups already
// in that state (no commit, nothing changed), not an error.
func ArchiveOrPropose(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, ids []string, opt ArchiveOptions) (*ArchiveResult, *Proposal, error) {
	if !pub.Proposing() || opt.NoCommit {
		res, err := Archive(r, site, ids, opt)
		return res, nil, err
	}
	p, res, err := proposeArchive(ctx, r, site, pub, ids, opt.Unarchive, opt.Message)
	if errors.Is(err, gitops.ErrNothingToCommit) && res != nil {
		return res, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return res, p, nil
}
