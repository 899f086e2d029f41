package gitops

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// PullResult tells what a pull did.
type PullResult struct {
	Tracking          // before the fast-forward (Behind: the commits brought)
	UpToDate bool     // nothing to bring
	Files    []string // the files the fast-forward changed
	// Adopted: the branch had no upstream, and this pull made the remote's
	// branch of the same name its upstream.
	Adopted bool
}

// Pull fetches the current branch's upstream and fast-forwards the branch
// to it; a branch without upstream pulls the default remote's branch of
// the same name, which becomes its upstream once the pull went through
// (RemoteCounterpart). It never merges or rebases: when both sides have
// commits it refuses, changing nothing (the remote-tracking refs are as
// fetched); uncommitted edits are kept, and a fast-forward that would
// touch an edited file is refused naming it. A branch whose upstream is
// gone from the remote is refused (KindUpstreamGone), as git refuses it.
func (r *Repo) Pull(ctx context.Context, progress io.Writer) (*PullResult, error) {
	return r.PullFrom(ctx, "", progress)
}

// PullFrom is Pull, a branch without upstream pulling from remote's
// branch of the same name ("": the default remote).
func (r *Repo) PullFrom(ctx context.Context, remote string, progress io.Writer) (*PullResult, error) {
	res, err := r.pullFrom(ctx, remote, progress)
	var e *Error
	if errors.As(err, &e) && e.Kind == KindNoRemote { // a pull has no remote to pull from, not to push to
		c := *e
		c.Kind = KindNoPullRemote
		return nil, &c
	}
	return res, err
}

func (r *Repo) pullFrom(ctx context.Context, remote string, progress io.Writer) (*PullResult, error) {
	if op := r.OperationInProgress(); op != KindOther {
		return nil, &Error{Kind: op}
	}
	t, err := r.Tracking(ctx)
	if err != nil {
		return nil, err
	}
	adopted := t.Upstream == "" && t.Gone == "" // a gone one may come back with the fetch
	target := "@{upstream}"
	if adopted {
		if remote == "" {
			remote = r.DefaultRemote(ctx)
		}
		if err := r.Fetch(ctx, remote, progress); err != nil {
			return nil, err
		}
		if t, target, err = r.RemoteCounterpart(ctx, t.Branch, remote); err != nil {
			return nil, err
		}
	} else {
		if err := r.Fetch(ctx, t.Remote, progress); err != nil {
			return nil, err
		}
		if t, err = r.Tracking(ctx); err != nil {
			return nil, err
		}
		if t.Upstream == "" { // not on the remote, or pruned by this fetch
			return nil, &Error{Kind: KindUpstreamGone, Detail: t.Gone}
		}
	}
	res := &PullResult{Tracking: *t, Adopted: adopted}
	switch {
	case t.Behind == 0:
		res.UpToDate = true
		return res, r.adopt(ctx, adopted, t.Branch, target)
	case t.Ahead > 0:
		return nil, &Error{Kind: KindDiverged, Detail: t.Branch + " / " + t.Upstream}
	}
	if res.Files, err = r.fastForwardable(ctx, target); err != nil {
		return nil, err
	}
	out, err := r.git(ctx, gitRun{args: append(keepLoose(), "merge", "--ff-only", "--no-stat", target)})
	if err != nil {
		return nil, err
	}
	if out.code != 0 {
		return nil, &Error{Kind: KindOther, Detail: "git merge --ff-only", Output: strings.TrimSpace(out.stderr + string(out.stdout))}
	}
	return res, r.adopt(ctx, adopted, t.Branch, target)
}

// fastForwardable lists the files a fast-forward to target changes, and
// refuses it where it would touch a file with uncommitted edits or the
// index is locked.
func (r *Repo) fastForwardable(ctx context.Context, target string) ([]string, error) {
	files, err := r.changedBetween(ctx, "HEAD", target)
	if err != nil {
		return nil, err
	}
	dirty, err := r.dirtyPaths(ctx)
	if err != nil {
		return nil, err
	}
	var touched []string
	for _, f := range files {
		if dirty[f] {
			touched = append(touched, f)
		}
	}
	if len(touched) > 0 {
		return nil, &Error{Kind: KindPullWouldOverwrite, Paths: touched}
	}
	return files, r.waitIndexLock()
}

// RemoteCounterpart is where the current branch, which has no upstream,
// stands against remote's branch of the same name as last fetched, and
// that branch's remote-tracking ref (where the remote's fetch refspecs
// store it, as git finds it: refs/remotes/<remote>/<branch> by default):
// what a pull or a proposal of the branch measures against. Nothing is
// written; the branch adopts it as its upstream (SetUpstream) only once
// the action went through. A branch no refspec fetches, or whose ref is
// absent (the branch was never pushed), is KindNoUpstream.
func (r *Repo) RemoteCounterpart(ctx context.Context, branch, remote string) (*Tracking, string, error) {
	if remote == "" {
		return nil, "", &Error{Kind: KindNoRemote}
	}
	ref := trackingRef(r.settings(), remote, branch)
	if ref == "" {
		return nil, "", &Error{Kind: KindNoUpstream, Detail: branch}
	}
	if res, err := r.git(ctx, gitRun{args: []string{"rev-parse", "--verify", "--quiet", ref}}); err != nil {
		return nil, "", err
	} else if res.code != 0 {
		return nil, "", &Error{Kind: KindNoUpstream, Detail: branch}
	}
	short := strings.TrimPrefix(strings.TrimPrefix(ref, "refs/remotes/"), "refs/heads/")
	t := &Tracking{Branch: branch, Remote: remote, Upstream: short}
	var err error
	t.Ahead, t.Behind, err = r.aheadBehind(ctx, ref)
	return t, ref, err
}

// SetUpstream makes ref (refs/remotes/<remote>/<branch>) the upstream of
// branch, as git branch --set-upstream-to does.
func (r *Repo) SetUpstream(ctx context.Context, branch, ref string) error {
	_, err := r.gitOK(ctx, KindOther, "branch", "--set-upstream-to="+ref, "--", branch)
	return err
}

// adopt sets ref as branch's upstream when the action measured against
// it without one (adopted).
func (r *Repo) adopt(ctx context.Context, adopted bool, branch, ref string) error {
	if !adopted {
		return nil
	}
	return r.SetUpstream(ctx, branch, ref)
}

// changedBetween lists the paths that differ between two commits.
func (r *Repo) changedBetween(ctx context.Context, a, b string) ([]string, error) {
	out, err := r.gitOK(ctx, KindOther, "diff", "--name-only", "--no-renames", "-z", a, b, "--")
	if err != nil {
		return nil, err
	}
	return splitZ(out), nil
}

// dirtyPaths are the paths with uncommitted changes, staged or not, and
// the untracked ones (which a fast-forward could overwrite).
func (r *Repo) dirtyPaths(ctx context.Context) (map[string]bool, error) {
	out, err := r.gitOK(ctx, KindOther, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames")
	if err != nil {
		return nil, err
	}
	dirty := map[string]bool{}
	for _, e := range splitZ(out) {
		if len(e) > 3 {
			dirty[e[3:]] = true
		}
	}
	return dirty, nil
}

func splitZ(b []byte) []string {
	var out []string
	for _, s := range strings.Split(string(b), "\x00") {
		if s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// CheckResetKeep refuses, before anything is written, moving the current
// branch to rev as `git reset --keep` would where that would overwrite
// uncommitted edits (KindEditsInTheWay, naming the files): a file that
// differs between HEAD and rev and has edits, or is untracked in the way.
func (r *Repo) CheckResetKeep(ctx context.Context, rev string) error {
	_, err := r.fastForwardable(ctx, rev)
	var e *Error
	if errors.As(err, &e) && e.Kind == KindPullWouldOverwrite {
		return &Error{Kind: KindEditsInTheWay, Paths: e.Paths}
	}
	return err
}

// IsAncestor tells whether commit a is b or comes before it.
func (r *Repo) IsAncestor(ctx context.Context, a, b plumbing.Hash) bool {
	res, err := r.git(ctx, gitRun{args: []string{"merge-base", "--is-ancestor", a.String(), b.String()}})
	return err == nil && res.code == 0
}
