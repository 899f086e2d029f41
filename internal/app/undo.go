package app

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// UndoResult tells how an archive was taken back.
type UndoResult struct {
	// Dropped: the archive's commit is gone from the branch and its files
	// are as they were before it.
	Dropped bool
	// Why the commit could not be dropped, when it was not.
	Why gitops.DropRefusal
	// Inverse is the archive that set the files back instead, with its own
	// commit, when the commit could not be dropped.
	Inverse *ArchiveResult
}

// UndoArchive takes back done, an archive of ids made with opt. What the
// person means by undo is "as if I had not": so the commit is dropped
// when that loses nothing and nobody else can have it (gitops.DropCommit:
// jobtui's own, at HEAD, not pushed, its files untouched since). Otherwise
// an inverse archive makes a new commit, and Why says why; it asks, as any
// archive, before including edits made since (KindDirtyPostings; then again
// withChanges).
func UndoArchive(r *gitops.Repo, site *model.Site, ids []string, opt ArchiveOptions, done *ArchiveResult, withChanges bool) (*UndoResult, error) {
	if r == nil {
		return nil, &gitops.Error{Kind: gitops.KindNoRepository}
	}
	res := &UndoResult{Why: gitops.DropMoved}
	if done != nil && done.Commit != nil {
		why, err := gitops.DropCommit(r, done.Commit, done.Before)
		if err != nil {
			return nil, err
		}
		if why == gitops.DropDone {
			res.Dropped = true
			return res, nil
		}
		res.Why = why
	}
	inverse := ArchiveOptions{Unarchive: !opt.Unarchive, WithChanges: withChanges}
	if done != nil {
		inverse.Undoes = done.Commit
	}
	inv, err := Archive(r, site, ids, inverse)
	if err != nil {
		return nil, err
	}
	res.Inverse = inv
	return res, nil
}
