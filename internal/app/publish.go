package app

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Publish is how an action that commits publishes its change: directly on
// the current branch, or proposed on a new branch for a pull request.
type Publish struct {
	Mode   string // config.PublishDirect or config.PublishPullRequest
	Remote string
	Base   string
	Forge  gitops.Forge

	forgeKind, webURL string // the team's settings, for Resolve
}

// Proposing reports whether changes go through pull requests.
func (p *Publish) Proposing() bool { return p != nil && p.Mode == config.PublishPullRequest }

// PublishSettings reads the team's settings of the repository (.jobtui.yaml)
// with mode, when not "", overriding its publish mode for one command.
func PublishSettings(ctx context.Context, r *gitops.Repo, mode string) (*Publish, error) {
	p, err := PublishMode(r, mode)
	if err != nil {
		return nil, err
	}
	p.Resolve(ctx, r)
	return p, nil
}

// PublishFor is publishing for an action that commits: the mode, and the
// remote, its default branch and its forge asked of git only when the
// change is to be proposed (a direct commit runs no git command for it).
func PublishFor(ctx context.Context, r *gitops.Repo, mode string) (*Publish, error) {
	p, err := PublishMode(r, mode)
	if err != nil {
		return nil, err
	}
	if p.Proposing() {
		p.Resolve(ctx, r)
	}
	return p, nil
}

// PublishMode is PublishSettings as the team's settings give it, without
// asking git for the remote, its default branch and its forge (Resolve
// does): enough to tell whether an action proposes its change, so that a
// direct commit runs no git command for it.
func PublishMode(r *gitops.Repo, mode string) (*Publish, error) {
	team, err := config.LoadTeam(r.Root)
	if err != nil {
		return nil, err
	}
	if err := config.CheckPublish(mode); err != nil {
		return nil, err
	}
	if mode != "" {
		team.Publish = mode
	}
	return &Publish{Mode: team.Publish, Remote: team.Remote, Base: team.Base, forgeKind: team.Forge, webURL: team.WebURL}, nil
}

// Resolve fills in what the team's settings leave out: the remote (the
// branch's upstream, else origin, else the only one), its default branch
// and its forge.
func (p *Publish) Resolve(ctx context.Context, r *gitops.Repo) {
	if p.Remote == "" {
		p.Remote = r.DefaultRemote(ctx)
	}
	if p.Base == "" {
		p.Base = remoteDefaultBranch(r, p.Remote)
	}
	if p.Remote != "" {
		if u, err := r.RemoteURL(ctx, p.Remote); err == nil {
			p.Forge = gitops.ForgeOf(u, p.forgeKind, p.webURL)
		}
	}
}

// remoteDefaultBranch is the branch the remote's HEAD names (as cloned),
// else main.
func remoteDefaultBranch(r *gitops.Repo, remote string) string {
	if remote != "" {
		if ref, err := r.Git.Storer.Reference(plumbing.ReferenceName("refs/remotes/" + remote + "/HEAD")); err == nil && ref.Type() == plumbing.SymbolicReference {
			return strings.TrimPrefix(ref.Target().String(), "refs/remotes/"+remote+"/")
		}
	}
	return "main"
}

// Proposal is a change proposed on a branch of its own.
type Proposal = gitops.Proposal

// propose commits the files that build makes from the base's tip on a new
// branch named after name, pushes it and sets its upstream. The user's
// branch, index and work tree are not touched. A refused push leaves no
// branch behind.
func propose(ctx context.Context, r *gitops.Repo, pub *Publish, name, message string, build func(base plumbing.Hash) ([]gitops.ProposalFile, error)) (*Proposal, error) {
	if pub.Remote == "" {
		return nil, &gitops.Error{Kind: gitops.KindNoRemote}
	}
	if err := r.CheckCommitOnto(); err != nil {
		return nil, err
	}
	base, err := r.FetchBase(ctx, pub.Remote, pub.Base)
	if err != nil {
		return nil, err
	}
	files, err := build(base)
	if err != nil {
		return nil, err
	}
	if err := alreadyProposed(ctx, r, pub, files); err != nil {
		return nil, err
	}
	commit, err := r.CommitOnto(ctx, base, files, message)
	if err != nil {
		return nil, err
	}
	branch := r.FreeBranchName(ctx, pub.Remote, gitops.ProposalPrefix+slug(name))
	if err := r.CreateBranch(ctx, branch, commit); err != nil {
		return nil, err
	}
	pushed, err := r.PushNewBranch(ctx, pub.Remote, branch)
	if err != nil {
		r.DeleteLocalBranch(ctx, branch)
		return nil, err
	}
	p := &Proposal{Branch: branch, Remote: pub.Remote, Base: pub.Base, Commit: commit, Subject: firstLine(message), Server: pushed.Server}
	for _, f := range files {
		p.Paths = append(p.Paths, f.Path)
	}
	p.URL = pub.Forge.PullRequestURL(pub.Base, branch)
	if p.URL == "" {
		p.URL = gitops.ServerPullRequestURL(pushed.Server)
	}
	return p, nil
}

// proposeArchive proposes archiving (or unarchiving) the groups named by
// ids, in every language, as a pull request with the commit's message (the
// default one when empty): the archived line of each file is changed as
// the base has the file now, on a new branch. Nothing of the user's
// checkout changes. ArchiveOrPropose calls it.
func proposeArchive(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, ids []string, unarchive bool, message string) (*Proposal, *ArchiveResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, nil, err
	}
	groups, err := ResolveGroups(cat, ids)
	if err != nil {
		return nil, nil, err
	}
	res := &ArchiveResult{Unarchive: unarchive, Groups: groups}
	var postings []*model.Posting
	for _, g := range groups {
		if bad := ambiguous(cat, g); len(bad) > 0 {
			return nil, nil, &gitops.Error{Kind: gitops.KindAmbiguousGroup, Paths: bad, Detail: g.ID()}
		}
		postings = append(postings, g.Postings(cat.Site.Langs)...)
	}
	want := !unarchive
	build := func(base plumbing.Hash) ([]gitops.ProposalFile, error) {
		var files []gitops.ProposalFile
		for _, p := range postings {
			rp, err := r.RepoPath(p.Abs)
			if err != nil {
				return nil, err
			}
			data, ok, err := r.ReadAt(base, rp)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, &gitops.Error{Kind: gitops.KindBaseMoved, Paths: []string{p.Path}}
			}
			doc, err := model.Parse(data)
			if err != nil {
				return nil, &gitops.Error{Kind: gitops.KindBaseMoved, Paths: []string{p.Path}, Err: err}
			}
			if cur, _ := doc.Bool(model.KeyArchived); cur == want {
				continue
			}
			if err := doc.SetBool(model.KeyArchived, want); err != nil {
				return nil, err
			}
			files = append(files, gitops.ProposalFile{Path: rp, Content: doc.Bytes(), Stored: true})
			res.Changed = append(res.Changed, p)
		}
		if len(files) == 0 {
			return nil, gitops.ErrNothingToCommit
		}
		return files, nil
	}
	verb := "archive"
	if unarchive {
		verb = "unarchive"
	}
	if message == "" {
		message = ArchiveMessage(cat, groups, unarchive)
	}
	p, err := propose(ctx, r, pub, verb+"-"+groupsName(groups), message, build)
	if err != nil {
		return nil, res, err
	}
	return p, res, nil
}

// ProposePending proposes the given edited posting files (when empty, all
// those whose front matter can be read: choosePending)
// as a pull request, as they are in the work tree, then puts them back as
// the current branch has them: the edits now live on the proposal branch.
// A file that changed on the base since the current branch was pulled is
// refused (the proposal would undo that change).
func ProposePending(ctx context.Context, r *gitops.Repo, site *model.Site, pub *Publish, repoPaths []string, message string) (*Proposal, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	chosen, _, err := choosePending(r, cat, repoPaths)
	if err != nil {
		return nil, err
	}
	if message == "" {
		message = PendingMessage(cat, chosen)
	}
	return proposeChosen(ctx, r, pub, chosen, message)
}

// proposeChosen is ProposePending of the files chosen.
func proposeChosen(ctx context.Context, r *gitops.Repo, pub *Publish, chosen []gitops.PendingFile, message string) (*Proposal, error) {
	head, err := r.ResolveCommit(ctx, "HEAD")
	if err != nil {
		return nil, err
	}
	var paths []string
	build := func(base plumbing.Hash) ([]gitops.ProposalFile, error) {
		var files []gitops.ProposalFile
		for _, f := range chosen {
			atBase, inBase, err := r.ReadAt(base, f.RepoPath)
			if err != nil {
				return nil, err
			}
			atHead, inHead, err := r.ReadAt(head, f.RepoPath)
			if err != nil {
				return nil, err
			}
			if inBase != inHead || string(atBase) != string(atHead) {
				return nil, &gitops.Error{Kind: gitops.KindBaseMoved, Paths: []string{f.Posting.Path}}
			}
			data, err := os.ReadFile(f.Posting.Abs)
			if os.IsNotExist(err) {
				files = append(files, gitops.ProposalFile{Path: f.RepoPath, Remove: true})
			} else if err != nil {
				return nil, err
			} else {
				files = append(files, gitops.ProposalFile{Path: f.RepoPath, Content: data})
			}
			paths = append(paths, f.RepoPath)
		}
		return files, nil
	}
	p, err := propose(ctx, r, pub, "update-"+pendingName(chosen), message, build)
	if err != nil {
		return nil, err
	}
	if err := r.RestoreFromHead(ctx, paths); err != nil {
		return p, err
	}
	return p, nil
}

// Pull fetches the upstream and fast-forwards the current branch; see
// gitops.Repo.Pull. Merged lists the proposals whose changes the base now
// holds, for the user to delete.
func Pull(ctx context.Context, r *gitops.Repo, pub *Publish, progress io.Writer) (*gitops.PullResult, []gitops.ProposalBranch, error) {
	remote := ""
	if pub != nil {
		remote = pub.Remote
	}
	res, err := r.PullFrom(ctx, remote, progress)
	if err != nil {
		return nil, nil, err
	}
	var merged []gitops.ProposalBranch
	if pub != nil && pub.Remote != "" {
		all, err := r.Proposals(ctx, pub.Remote, pub.Base)
		if err != nil {
			return res, nil, err
		}
		for _, p := range all {
			if p.Merged {
				merged = append(merged, p)
			}
		}
	}
	return res, merged, nil
}

// Withdraw deletes a proposal branch on the remote and here.
func Withdraw(ctx context.Context, r *gitops.Repo, pub *Publish, branch string) ([]string, error) {
	all, err := r.Proposals(ctx, pub.Remote, pub.Base)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if p.Name != branch && strings.TrimPrefix(p.Name, gitops.ProposalPrefix) != branch {
			continue
		}
		var server []string
		if p.Remote {
			if server, err = r.DeleteRemoteBranch(ctx, pub.Remote, p.Name); err != nil {
				return nil, err
			}
		}
		if p.Local {
			if err := r.DeleteLocalBranch(ctx, p.Name); err != nil {
				return server, err
			}
		}
		return server, nil
	}
	return nil, &gitops.Error{Kind: gitops.KindNoProposal, Detail: branch}
}

func firstLine(s string) string {
	return strings.TrimSpace(strings.SplitN(s, "\n", 2)[0])
}

func groupsName(groups []*model.Group) string {
	if len(groups) == 1 {
		return groups[0].ID()
	}
	return strings.Join([]string{itoa(len(groups)), "postings"}, "-")
}

func pendingName(files []gitops.PendingFile) string {
	keys := map[string]bool{}
	var first string
	for _, f := range files {
		k := f.Posting.TranslationKey
		if k == "" {
			k = strings.TrimSuffix(f.Posting.Rel, ".md")
		}
		if first == "" {
			first = k
		}
		keys[k] = true
	}
	if len(keys) == 1 {
		return first
	}
	return itoa(len(keys)) + "-postings"
}
