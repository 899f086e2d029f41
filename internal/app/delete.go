package app

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// DeleteResult tells what Delete did.
type DeleteResult struct {
	Groups  []*model.Group
	Removed []*model.Posting
	Commit  *gitops.CommitResult // direct mode
	// Before is each removed file's bytes, by repository path (direct
	// mode): what gitops.DropCommit puts back to take the commit back.
	Before   map[string][]byte
	Proposal *Proposal // pull-request mode
}

// ArchivedIDs names every group whose files are all archived: the postings
// "remove every archived posting" removes.
func ArchivedIDs(cat *model.Catalog) []string {
	var ids []string
	for _, g := range cat.Groups {
		ps := g.Postings(cat.Site.Langs)
		all := len(ps) > 0
		for _, p := range ps {
			all = all && p.Archived
		}
		if all {
			ids = append(ids, g.ID())
		}
	}
	return ids
}

// Delete removes the files of the groups named by ids, in every language,
// as one commit on the current branch or, with pub proposing, as one
// proposal. Every check comes before the first file is removed (unknown or
// ambiguous posting, uncommitted edits, files changed on disk, the
// commit's own preconditions); a refused commit puts the files back.
func Delete(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, ids []string, message string) (*DeleteResult, error) {
	cat, res, repoPaths, err := planDelete(r, site, ids)
	if err != nil {
		return nil, err
	}
	if message == "" {
		message = DeleteMessage(cat, res.Groups)
	}
	if pub.Proposing() {
		res.Proposal, err = proposeRemoval(ctx, r, pub, res, repoPaths, message)
		return res, err
	}
	if err := removeAndCommit(r, res, repoPaths, message); err != nil {
		return nil, err
	}
	return res, nil
}

// planDelete finds what removing ids takes: the groups and their files,
// each read and as one posting (KindAmbiguousGroup otherwise).
func planDelete(r *gitops.Repo, site *model.Site, ids []string) (*model.Catalog, *DeleteResult, []string, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, nil, nil, err
	}
	groups, err := ResolveGroups(cat, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	res := &DeleteResult{Groups: groups}
	for _, g := range groups {
		if bad := ambiguous(cat, g); len(bad) > 0 {
			return nil, nil, nil, &gitops.Error{Kind: gitops.KindAmbiguousGroup, Paths: bad, Detail: g.ID()}
		}
		res.Removed = append(res.Removed, g.Postings(cat.Site.Langs)...)
	}
	repoPaths := make([]string, len(res.Removed))
	for i, p := range res.Removed {
		if repoPaths[i], err = r.RepoPath(p.Abs); err != nil {
			return nil, nil, nil, err
		}
	}
	return cat, res, repoPaths, nil
}

// CheckDelete refuses, as Delete would, before anything is asked or
// written: an unknown or unreadable posting, and in direct mode
// uncommitted edits in its files or a file nobody may write. The app
// asks its question only once these pass (it asked first, then refused).
// files is the number of files the removal would take away.
func CheckDelete(r *gitops.Repo, site *model.Site, pub *Publish, ids []string) (files int, err error) {
	_, res, repoPaths, err := planDelete(r, site, ids)
	if err != nil {
		return 0, err
	}
	if !pub.Proposing() {
		if err := refuseDirty(r, repoPaths, res.Removed); err != nil {
			return 0, err
		}
		if ro := model.ReadOnlyPaths(res.Removed); len(ro) > 0 {
			return 0, &gitops.Error{Kind: gitops.KindReadOnly, Paths: ro, Err: model.ErrReadOnly}
		}
	}
	return len(res.Removed), nil
}

// proposeRemoval proposes removing res.Removed (at repoPaths) from the
// base branch, where each of them must be.
func proposeRemoval(ctx context.Context, r *gitops.Repo, pub *Publish, res *DeleteResult, repoPaths []string, message string) (*Proposal, error) {
	build := func(base plumbing.Hash) ([]gitops.ProposalFile, error) {
		files := make([]gitops.ProposalFile, 0, len(repoPaths))
		for i, rp := range repoPaths {
			if _, ok, err := r.ReadAt(base, rp); err != nil || !ok {
				return nil, &gitops.Error{Kind: gitops.KindBaseMoved, Paths: []string{res.Removed[i].Path}}
			}
			files = append(files, gitops.ProposalFile{Path: rp, Remove: true})
		}
		return files, nil
	}
	return propose(ctx, r, pub, "remove-"+groupsName(res.Groups), message, build)
}

// removeAndCommit removes res.Removed (at repoPaths) and commits that,
// setting res.Commit and res.Before. Every check comes first: no
// uncommitted edits, no file nobody may write (as archive and an edit
// refuse them; an undo could not give it back its mode either), a commit
// can be made, each file is as it was read; a failed removal or a refused
// commit puts the files back, with their mode.
func removeAndCommit(r *gitops.Repo, res *DeleteResult, repoPaths []string, message string) error {
	if err := refuseDirty(r, repoPaths, res.Removed); err != nil {
		return err
	}
	if ro := model.ReadOnlyPaths(res.Removed); len(ro) > 0 {
		return &gitops.Error{Kind: gitops.KindReadOnly, Paths: ro, Err: model.ErrReadOnly}
	}
	if err := r.CheckCommit(); err != nil {
		return err
	}
	// Read every file (to put it back) and check it is as it was read.
	kept := make([][]byte, len(res.Removed))
	modes := make([]os.FileMode, len(res.Removed))
	for i, p := range res.Removed {
		data, err := os.ReadFile(p.Abs)
		if err != nil || sha256.Sum256(data) != p.Hash {
			return &gitops.Error{Kind: gitops.KindChangedOnDisk, Paths: []string{p.Path}}
		}
		kept[i] = data
		if st, err := os.Stat(p.Abs); err == nil {
			modes[i] = st.Mode().Perm()
		}
	}
	putBack := func(n int) {
		for i := 0; i < n; i++ {
			if err := model.CreateFile(res.Removed[i].Abs, kept[i]); err == nil {
				os.Chmod(res.Removed[i].Abs, modes[i])
			}
		}
	}
	for i, p := range res.Removed {
		if err := os.Remove(p.Abs); err != nil {
			putBack(i)
			return err
		}
	}
	commit, err := r.CommitPaths(repoPaths, message)
	if err != nil {
		putBack(len(res.Removed))
		return err
	}
	res.Commit = commit
	res.Before = make(map[string][]byte, len(repoPaths))
	for i, rp := range repoPaths {
		res.Before[rp] = kept[i]
	}
	return nil
}

// DeleteMessage is the default message of a removal: "Remove posting key:
// EN title / FR title", or a subject and a line for each posting.
func DeleteMessage(cat *model.Catalog, groups []*model.Group) string {
	if len(groups) == 1 {
		return "Remove posting " + postingLine(cat, groups[0])
	}
	return fmt.Sprintf("Remove %d postings\n\n%s", len(groups), postingLines(cat, groups))
}
