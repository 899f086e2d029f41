package app

import (
	"context"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Proposal actions, read from the branch name jobtui gave it.
const (
	ActionArchive   = gitops.ActionArchive
	ActionUnarchive = gitops.ActionUnarchive
	ActionUpdate    = gitops.ActionUpdate
	ActionRemove    = gitops.ActionRemove
	ActionOther     = gitops.ActionOther
)

// ProposalAction is what a proposal branch does; see gitops.ProposalAction.
func ProposalAction(branch string) string { return gitops.ProposalAction(branch) }

// Proposals lists the proposal branches against the base, as last fetched.
func Proposals(ctx context.Context, r *gitops.Repo, pub *Publish) ([]gitops.ProposalBranch, error) {
	if pub == nil || pub.Remote == "" {
		return nil, nil
	}
	return r.Proposals(ctx, pub.Remote, pub.Base)
}

// InReview maps each repository path to the unmerged proposals that change
// it: what the list marks "in review".
func InReview(props []gitops.ProposalBranch) map[string][]gitops.ProposalBranch {
	out := map[string][]gitops.ProposalBranch{}
	for _, p := range props {
		if p.Merged {
			continue
		}
		for _, path := range p.Paths {
			out[path] = append(out[path], p)
		}
	}
	return out
}

// InReviewByGroup maps each group of cat to the first unmerged proposal
// that changes one of its files: the postings the app marks in review.
func InReviewByGroup(r *gitops.Repo, cat *model.Catalog, props []gitops.ProposalBranch) map[string]gitops.ProposalBranch {
	if len(props) == 0 {
		return nil
	}
	byPath, repoPath := InReview(props), r.RepoPaths()
	out := map[string]gitops.ProposalBranch{}
	for _, g := range cat.Groups {
		for _, p := range g.Postings(cat.Site.Langs) {
			rp, err := repoPath(p.Abs)
			if err != nil {
				continue
			}
			if props := byPath[rp]; len(props) > 0 {
				out[g.ID()] = props[0]
				break
			}
		}
	}
	return out
}

// DeleteMerged deletes the proposal branches whose changes the base holds
// (after a squash-merge), here and on the remote; it returns their names.
func DeleteMerged(ctx context.Context, r *gitops.Repo, pub *Publish) ([]string, error) {
	props, err := Proposals(ctx, r, pub)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, p := range props {
		if !p.Merged {
			continue
		}
		if _, err := Withdraw(ctx, r, pub, p.Name); err != nil {
			return done, err
		}
		done = append(done, p.Name)
	}
	return done, nil
}

// ProposalDiff is what proposal p changes against the base, file by file,
// as Diff shows the work tree's changes: the diff view of a posting in
// review.
func ProposalDiff(ctx context.Context, r *gitops.Repo, pub *Publish, p gitops.ProposalBranch) ([]FileDiff, error) {
	var out []FileDiff
	for _, path := range p.Paths {
		one := p
		one.Paths = []string{path} // one file at a time: its name as git has it, never quoted
		text, err := r.ProposalDiff(ctx, pub.Remote, pub.Base, one)
		if err != nil {
			return nil, err
		}
		if text != "" {
			out = append(out, parseUnified(path, text))
		}
	}
	return out, nil
}
