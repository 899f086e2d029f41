package app

import (
	"context"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// PendingResult is what waits to be committed.
type PendingResult struct {
	Files []gitops.PendingFile
	// Message is the default commit message for the files offered by
	// default: those whose front matter can be read (all of Files when
	// none can), so that a broken file is never committed unasked.
	Message string
	// MessageFor is the default message for other files of Files: the
	// commit form builds it again when the choice changes.
	MessageFor func([]gitops.PendingFile) string
}

// Pending lists the posting files of site that differ from HEAD (edited,
// staged or new), with what changed in each and a default message.
func Pending(r *gitops.Repo, site *model.Site) (*PendingResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	files, err := gitops.PendingPostings(r, cat)
	if err != nil {
		return nil, err
	}
	offered := make([]gitops.PendingFile, 0, len(files))
	for _, f := range files {
		if f.Posting.Readable() {
			offered = append(offered, f)
		}
	}
	if len(offered) == 0 {
		offered = files
	}
	messageFor := func(chosen []gitops.PendingFile) string { return PendingMessage(cat, chosen) }
	return &PendingResult{Files: files, Message: messageFor(offered), MessageFor: messageFor}, nil
}

// Commit commits the given posting files (repository paths; when empty,
// all pending ones whose front matter can be read) with message (the
// default one when empty). Nothing to commit is gitops.ErrNothingToCommit.
func Commit(r *gitops.Repo, site *model.Site, repoPaths []string, message string) (*gitops.CommitResult, error) {
	res, err := CommitEdits(context.Background(), r, site, nil, repoPaths, message)
	if err != nil {
		return nil, err
	}
	return res.Commit, nil
}

// EditsResult is what CommitEdits did.
type EditsResult struct {
	Commit   *gitops.CommitResult // committed on the current branch
	Proposal *Proposal            // or proposed, with pub proposing
	// LeftOut are the edited files whose front matter cannot be read,
	// left out of a commit of every edited file (no path named): only a
	// file named is committed unreadable.
	LeftOut []gitops.PendingFile
}

// CommitEdits is what a commit of edits does, from the command line and
// from the app alike: the given posting files (repository paths; when
// empty, all pending ones whose front matter can be read, the others in
// LeftOut) committed on the current branch, or with pub proposing (nil:
// direct) proposed (ProposePending: the edits go to a pull request and
// leave the work tree). Nothing to commit is gitops.ErrNothingToCommit,
// with the result's LeftOut. A proposal made whose files could not then
// be put back comes with that error.
func CommitEdits(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, repoPaths []string, message string) (*EditsResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	chosen, leftOut, err := choosePending(r, cat, repoPaths)
	res := &EditsResult{LeftOut: leftOut}
	if err != nil {
		return res, err
	}
	if message == "" {
		message = PendingMessage(cat, chosen)
	}
	if pub.Proposing() {
		res.Proposal, err = proposeChosen(ctx, r, pub, chosen, message)
		return res, err
	}
	paths := make([]string, len(chosen))
	for i, f := range chosen {
		paths[i] = f.RepoPath
	}
	res.Commit, err = r.CommitPaths(paths, message)
	return res, err
}

// choosePending is the edited posting files at repoPaths, or, when none
// is named, every edited posting file whose front matter can be read (the
// others are leftOut: a broken file is never committed unasked); a path
// the user named that is not an edited posting is an error that names
// it, since committing the others silently would not be what was asked;
// none at all is gitops.ErrNothingToCommit.
func choosePending(r *gitops.Repo, cat *model.Catalog, repoPaths []string) (chosen, leftOut []gitops.PendingFile, err error) {
	pending, err := gitops.PendingPostings(r, cat)
	if err != nil {
		return nil, nil, err
	}
	want := map[string]bool{}
	for _, p := range repoPaths {
		want[p] = true
	}
	for _, f := range pending {
		switch {
		case len(repoPaths) == 0 && !f.Posting.Readable():
			leftOut = append(leftOut, f)
		case len(repoPaths) == 0 || want[f.RepoPath]:
			chosen = append(chosen, f)
			delete(want, f.RepoPath)
		}
	}
	if len(want) > 0 {
		var missing []string
		for _, p := range repoPaths {
			if want[p] {
				missing = append(missing, p)
			}
		}
		return nil, nil, &gitops.Error{Kind: gitops.KindNotPending, Paths: missing}
	}
	if len(chosen) == 0 {
		return nil, leftOut, gitops.ErrNothingToCommit
	}
	return chosen, leftOut, nil
}
