package gitops

import (
	"context"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// ProposalBranch is a branch jobtui proposed changes on (postings/...),
// local, on the remote, or both, and what it changes against the base.
type ProposalBranch struct {
	Name    string
	Local   bool
	Remote  bool
	Tip     plumbing.Hash
	Subject string   // its last commit's subject
	Paths   []string // the files it changes against the base
	// Merged: the base now holds every change of the branch (forges
	// squash-merge, so the branch is usually not an ancestor of the base).
	Merged bool
}

// Proposals lists the proposal branches, local and remote (as last
// fetched), against base (the remote's base branch, else the local one).
func (r *Repo) Proposals(ctx context.Context, remote, base string) ([]ProposalBranch, error) {
	baseRef := "refs/remotes/" + remote + "/" + base
	if _, err := r.Git.Storer.Reference(plumbing.ReferenceName(baseRef)); err != nil {
		baseRef = "refs/heads/" + base
	}
	out, err := r.gitOK(ctx, KindOther, "for-each-ref", "--format=%(refname)%00%(objectname)%00%(subject)",
		"refs/heads/"+ProposalPrefix, "refs/remotes/"+remote+"/"+ProposalPrefix)
	if err != nil {
		return nil, err
	}
	byName := map[string]*ProposalBranch{}
	var names []string
	for _, line := range strings.Split(trimOut(out), "\n") {
		f := strings.SplitN(line, "\x00", 3)
		if len(f) != 3 {
			continue
		}
		name, local := strings.CutPrefix(f[0], "refs/heads/")
		if !local {
			name = strings.TrimPrefix(f[0], "refs/remotes/"+remote+"/")
		}
		p := byName[name]
		if p == nil {
			p = &ProposalBranch{Name: name}
			byName[name] = p
			names = append(names, name)
		}
		// The local tip wins: it is the newest the user made.
		if local || p.Tip.IsZero() {
			p.Tip, p.Subject = plumbing.NewHash(f[1]), f[2]
		}
		if local {
			p.Local = true
		} else {
			p.Remote = true
		}
	}
	sort.Strings(names)
	list := make([]ProposalBranch, 0, len(names))
	for _, n := range names {
		p := byName[n]
		res, err := r.git(ctx, gitRun{args: []string{"diff", "--name-only", "--no-renames", "-z", baseRef + "..." + p.Tip.String(), "--"}})
		if err != nil {
			return nil, err
		}
		if res.code != 0 {
			continue // no common history with the base: not ours to judge
		}
		p.Paths = splitZ(res.stdout)
		if len(p.Paths) > 0 {
			same, err := r.git(ctx, gitRun{args: append([]string{"--literal-pathspecs", "diff", "--quiet", baseRef, p.Tip.String(), "--"}, p.Paths...)})
			if err != nil {
				return nil, err
			}
			p.Merged = same.code == 0
		} else {
			p.Merged = true
		}
		list = append(list, *p)
	}
	return list, nil
}

// Proposal is a change proposed on a branch of its own.
type Proposal struct {
	Branch  string
	Remote  string
	Base    string
	Commit  plumbing.Hash
	Subject string
	Paths   []string
	Server  []string // what the server said, whole
	URL     string   // the page that opens the pull request, "" when unknown
	// Back is the upstream the current branch went back to once its
	// commits were proposed (ProposeLocalCommits); "" when it kept them.
	Back string
}

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
	name := strings.TrimPrefix(branch, ProposalPrefix)
	for _, a := range []string{ActionUnarchive, ActionArchive, ActionUpdate, ActionRemove} {
		if strings.HasPrefix(name, a+"-") {
			return a
		}
	}
	return ActionOther
}

// ProposalDiff is what a proposal changes against the base (as last
// fetched), as `git diff BASE...TIP` prints it: the diff view of a posting
// in review.
func (r *Repo) ProposalDiff(ctx context.Context, remote, base string, p ProposalBranch) (string, error) {
	baseRef := "refs/remotes/" + remote + "/" + base
	if _, err := r.Git.Storer.Reference(plumbing.ReferenceName(baseRef)); err != nil {
		baseRef = "refs/heads/" + base
	}
	args := append([]string{"--literal-pathspecs", "diff", "--no-color", "--no-ext-diff", "--no-renames", baseRef + "..." + p.Tip.String(), "--"}, p.Paths...)
	out, err := r.gitOK(ctx, KindOther, args...)
	if err != nil {
		return "", err
	}
	return string(out), nil
}
