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

// Commit commits the given posting files (repository paths; all pending
// ones when empty) with message (the default one when empty). Nothing to
// commit is gitops.ErrNothingToCommit.
func Commit(r *gitops.Repo, site *model.Site, repoPaths []string, message string) (*gitops.CommitResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	chosen, err := choosePending(r, cat, repoPaths)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(chosen))
	for i, f := range chosen {
		paths[i] = f.RepoPath
	}
	if message == "" {
		message = PendingMessage(cat, chosen)
	}
	return r.CommitPaths(paths, message)
}

// CommitOrPropose is what a commit of edits does, from the command line
// and from the app alike: Commit, or with pub proposing, ProposePending
// (the edits go to a pull request and leave the work tree). Nothing to
// commit is gitops.ErrNothingToCommit. A proposal made whose files could
// not then be put back comes with that error.
func CommitOrPropose(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, repoPaths []string, message string) (*gitops.CommitResult, *Proposal, error) {
	if pub.Proposing() {
		p, err := ProposePending(ctx, r, site, pub, repoPaths, message)
		return nil, p, err
	}
	c, err := Commit(r, site, repoPaths, message)
	return c, nil, err
}

// choosePending is the edited posting files at repoPaths (all when empty);
// a path the user named that is not an edited posting is an error that
// names it, since committing the others silently would not be what was
// asked; none at all is gitops.ErrNothingToCommit.
func choosePending(r *gitops.Repo, cat *model.Catalog, repoPaths []string) ([]gitops.PendingFile, error) {
	pending, err := gitops.PendingPostings(r, cat)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, p := range repoPaths {
		want[p] = true
	}
	var chosen []gitops.PendingFile
	for _, f := range pending {
		if len(repoPaths) == 0 || want[f.RepoPath] {
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
		return nil, &gitops.Error{Kind: gitops.KindNotPending, Paths: missing}
	}
	if len(chosen) == 0 {
		return nil, gitops.ErrNothingToCommit
	}
	return chosen, nil
}
