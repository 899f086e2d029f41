package app

import (
	"context"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
)

// Proposal actions, read from the branch name jobtui gave it.
const (
	ActionArchive   = "archive"
	ActionUnarchive = "unarchive"
	ActionUpdate    = "update"
	ActionRemove    = "remove"
	ActionOther     = "change"
)

// ProposalAction is what a proposal branch does: archive, unarchive,
// update, remove, or change for a branch named otherwise.
func ProposalAction(branch string) string {
	name := strings.TrimPrefix(branch, gitops.ProposalPrefix)
	for _, a := range []string{ActionUnarchive, ActionArchive, ActionUpdate, ActionRemove} {
		if strings.HasPrefix(name, a+"-") {
			return a
		}
	}
	return ActionOther
}

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
