package gitops

import (
	"context"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// PushRule is why git push with no arguments would not send the current
// branch (KindPushNowhere, Error.Plan): jobtui then sends nothing either.
type PushRule int

const (
	PushSent          PushRule = iota // git would push: no refusal
	PushNothing                       // push.default is nothing
	PushOtherName                     // simple: the upstream, on the remote pushed to, has another name
	PushNotUpstream                   // upstream: the remote pushed to is not the upstream's
	PushManyUpstreams                 // branch.<b>.merge is given more than once
	PushBadDefault                    // push.default is a value git does not know
	PushIntoItself                    // the remote is "." (this repository)
	PushRefspecs                      // remote.<r>.push or remote.<r>.mirror decide what git pushes
	PushNotMatching                   // matching: the remote has no branch of the name (as last fetched)
)

// PushPlan is where `git push` with no arguments sends the current branch,
// as git's settings say (builtin/push.c): the remote is
// branch.<b>.pushRemote, else remote.pushDefault, else the upstream's
// remote (branch.<b>.remote), else the only remote, else origin; the
// branch on it is push.default's (simple, the default, and current: the
// branch's own name; upstream: the upstream's; matching: the own name
// where the remote has it: jobtui pushes the current branch only, not
// every matching one).
type PushPlan struct {
	Branch  string // the local branch
	Remote  string // where it goes
	Dest    string // the branch on Remote
	Default string // push.default as git reads it ("simple" when unset)
	// Track: the branch has no upstream and tracks Remote/Dest after the
	// push, as `git push -u` (or push.autoSetupRemote) makes it.
	Track          bool
	UpstreamRemote string   // the upstream's remote: branch.<b>.remote, else the only remote, else origin ("" when none)
	Upstream       []string // branch.<b>.merge without refs/heads/ (none without an upstream)
	Refused        PushRule // why git would not push it (PushSent: it would)
}

// PushPlan says where Push would send the current branch, or why it
// would not; nothing is written.
func (r *Repo) PushPlan(ctx context.Context) (*PushPlan, error) {
	branch, err := r.CurrentBranch()
	if err != nil {
		return nil, err
	}
	remotes := func() []string { return r.remotes(ctx) }
	tracked := func(remote, branch string) bool {
		_, err := r.Git.Storer.Reference(plumbing.ReferenceName("refs/remotes/" + remote + "/" + branch))
		return err == nil
	}
	return planPush(r.settings(), branch, remotes, tracked), nil
}

// Triangular tells a push that goes to another remote than pulls come
// from (a fork's pushRemote): a pull does not bring what that remote has.
func (p *PushPlan) Triangular() bool {
	return p.Remote != p.UpstreamRemote
}

// remotes are the repository's remotes (git remote); none when git
// cannot say.
func (r *Repo) remotes(ctx context.Context) []string {
	res, err := r.git(ctx, gitRun{args: []string{"remote"}})
	if err != nil || res.code != 0 {
		return nil
	}
	return strings.Fields(string(res.stdout))
}

// fetchRemote is git's remote_for_branch: the upstream's remote, else the
// only remote, else origin; "" where that is origin and there is none
// (git then finds no remote to push to).
func fetchRemote(cfg settings, branch string, remotes func() []string) string {
	if rem := cfg.get("branch." + branch + ".remote"); rem != "" {
		return rem
	}
	all := remotes()
	if len(all) == 1 {
		return all[0]
	}
	for _, rem := range all {
		if rem == "origin" {
			return rem
		}
	}
	return ""
}

// planPush is PushPlan with git's settings read; remotes lists the
// remotes, asked only when the branch has no upstream remote; tracked
// tells whether a remote had a branch at the last fetch.
func planPush(cfg settings, branch string, remotes func() []string, tracked func(remote, branch string) bool) *PushPlan {
	p := &PushPlan{Branch: branch, Dest: branch, Default: cfg.get("push.default")}
	p.UpstreamRemote = fetchRemote(cfg, branch, remotes)
	p.Remote = cfg.get("branch." + branch + ".pushremote")
	if p.Remote == "" {
		p.Remote = cfg.get("remote.pushdefault")
	}
	if p.Remote == "" {
		p.Remote = p.UpstreamRemote
	}
	merges := cfg["branch."+branch+".merge"]
	if cfg.get("branch."+branch+".remote") != "" {
		for _, m := range merges {
			p.Upstream = append(p.Upstream, strings.TrimPrefix(m, "refs/heads/"))
		}
	}
	p.Track = len(p.Upstream) == 0
	switch p.Default {
	case "":
		p.Default = "simple"
	case "tracking": // git's old name for upstream
		p.Default = "upstream"
	}
	p.Refused = p.rule(cfg, merges)
	if p.Refused == PushSent && p.Default == "matching" && !p.Track && !tracked(p.Remote, branch) {
		p.Refused = PushNotMatching // git would send the other matching branches, not this one
	}
	return p
}

// knownDefault are the values of push.default git knows ("tracking" is
// read as upstream).
var knownDefault = map[string]bool{"nothing": true, "matching": true, "simple": true, "upstream": true, "current": true}

// rule is why git push would not send the branch where p says, in the
// order git finds it: the remote, its refspecs, then push.default.
func (p *PushPlan) rule(cfg settings, merges []string) PushRule {
	sameRemote := p.Remote == p.UpstreamRemote
	switch {
	case !knownDefault[p.Default]:
		return PushBadDefault
	case p.Remote == ".":
		return PushIntoItself
	case len(cfg["remote."+p.Remote+".push"]) > 0 || cfg.boolean("remote."+p.Remote+".mirror", false):
		return PushRefspecs
	case p.Default == "nothing":
		return PushNothing
	case p.Default == "matching" || p.Default == "current":
		return PushSent
	case p.Default == "upstream" && !sameRemote:
		return PushNotUpstream
	case !sameRemote || p.Track:
		return PushSent // simple to another remote: the own name; no upstream: the own name, tracked afterwards
	case len(p.Upstream) > 1:
		return PushManyUpstreams
	case p.Default == "upstream":
		p.Dest = p.Upstream[0]
	case merges[0] != "refs/heads/"+p.Branch:
		return PushOtherName
	}
	return PushSent
}
