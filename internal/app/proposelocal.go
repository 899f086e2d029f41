package app

import (
	"context"
	"errors"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/gitops"
)

// ProposeLocalCommits proposes the commits of the current branch that its
// upstream does not have (a push the server refused) on a new branch of
// the team's remote, then moves the current branch back to its upstream
// as `git reset --keep` does, so that the next pull after the merge is a
// fast-forward. A branch without upstream measures against the remote's
// branch of the same name, which it adopts as its upstream once
// proposed; a branch never pushed, or whose upstream is elsewhere or
// gone, against the base, and then keeps its commits. The same commits
// in review already, or uncommitted edits that going back would
// overwrite, are refused before anything is pushed.
func ProposeLocalCommits(ctx context.Context, r *gitops.Repo, pub *Publish) (*Proposal, error) {
	t, target, adopt, err := localCounterpart(ctx, r, pub)
	if err != nil {
		return nil, err
	}
	if t.Ahead == 0 {
		return nil, gitops.ErrNothingToCommit
	}
	head, err := r.ResolveCommit(ctx, "HEAD")
	if err != nil {
		return nil, err
	}
	if err := notProposedYet(ctx, r, pub, head); err != nil {
		return nil, err
	}
	if target != "" {
		if err := r.CheckResetKeep(ctx, target); err != nil {
			return nil, err
		}
	}
	c, err := r.Git.CommitObject(head)
	if err != nil {
		return nil, err
	}
	branch := r.FreeBranchName(ctx, pub.Remote, gitops.ProposalPrefix+slug(firstLine(c.Message)))
	if err := r.CreateBranch(ctx, branch, head); err != nil {
		return nil, err
	}
	pushed, err := r.PushNewBranch(ctx, pub.Remote, branch)
	if err != nil {
		r.DeleteLocalBranch(ctx, branch)
		return nil, err
	}
	p := &Proposal{Branch: branch, Remote: pub.Remote, Base: pub.Base, Commit: head, Subject: firstLine(c.Message), Server: pushed.Server}
	p.URL = pub.Forge.PullRequestURL(pub.Base, branch)
	if p.URL == "" {
		p.URL = gitops.ServerPullRequestURL(pushed.Server)
	}
	if target == "" { // a branch never pushed keeps its commits
		return p, nil
	}
	// The commits live on the proposal branch now.
	if err := r.ResetKeep(ctx, target); err != nil {
		return p, err
	}
	p.Back = t.Upstream
	if adopt {
		return p, r.SetUpstream(ctx, t.Branch, target)
	}
	return p, nil
}

// notProposedYet refuses commits an open proposal already holds: its tip
// is head or comes after it (P pressed again on a branch that keeps its
// commits would open a second pull request each time).
func notProposedYet(ctx context.Context, r *gitops.Repo, pub *Publish, head plumbing.Hash) error {
	props, err := r.Proposals(ctx, pub.Remote, pub.Base)
	if err != nil {
		return err
	}
	for _, p := range props {
		if !p.Merged && (p.Tip == head || r.IsAncestor(ctx, head, p.Tip)) {
			return &gitops.Error{Kind: gitops.KindAlreadyProposed, Detail: p.Name}
		}
	}
	return nil
}

// localCounterpart is what ProposeLocalCommits measures the branch
// against, all on the team's remote (pub.Remote): the branch's upstream
// when it is there; without one, the remote's branch of the same name as
// just fetched (adopt: to become the upstream); else (never pushed, or an
// upstream elsewhere or gone) the base, target "": the branch stays.
// Nothing is written but the fetch.
func localCounterpart(ctx context.Context, r *gitops.Repo, pub *Publish) (t *gitops.Tracking, target string, adopt bool, err error) {
	if t, err = r.Tracking(ctx); err != nil {
		return nil, "", false, err
	}
	if pub.Remote == "" {
		return nil, "", false, &gitops.Error{Kind: gitops.KindNoRemote}
	}
	if t.Upstream != "" && t.Remote == pub.Remote {
		return t, "@{upstream}", false, nil
	}
	if err := r.Fetch(ctx, pub.Remote, nil); err != nil {
		return nil, "", false, err
	}
	if t.Upstream == "" && t.Gone == "" {
		same, ref, err := r.RemoteCounterpart(ctx, t.Branch, pub.Remote)
		var ge *gitops.Error
		if err == nil || !errors.As(err, &ge) || ge.Kind != gitops.KindNoUpstream {
			return same, ref, true, err
		}
	}
	base, _, err := r.RemoteCounterpart(ctx, pub.Base, pub.Remote)
	if err != nil {
		return nil, "", false, err
	}
	base.Branch = t.Branch
	return base, "", false, nil
}
