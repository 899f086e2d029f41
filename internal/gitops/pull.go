package gitops

import (
	"context"
	"io"
	"sort"
	"strings"
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
// to it; a branch without upstream takes the default remote's branch of
// the same name as its upstream first (adoptUpstream). It never merges or
// rebases: when both sides have commits it
// refuses, changing nothing; uncommitted edits are kept, and a
// fast-forward that would touch an edited file is refused naming it.
func (r *Repo) Pull(ctx context.Context, progress io.Writer) (*PullResult, error) {
	if op := r.OperationInProgress(); op != KindOther {
		return nil, &Error{Kind: op}
	}
	t, err := r.Tracking(ctx)
	if err != nil {
		return nil, err
	}
	adopted := t.Upstream == ""
	if adopted {
		err = r.adoptUpstream(ctx, t.Branch, progress)
	} else {
		err = r.Fetch(ctx, t.Remote, progress)
	}
	if err != nil {
		return nil, err
	}
	if t, err = r.Tracking(ctx); err != nil {
		return nil, err
	}
	res := &PullResult{Tracking: *t, Adopted: adopted}
	switch {
	case t.Behind == 0:
		res.UpToDate = true
		return res, nil
	case t.Ahead > 0:
		return nil, &Error{Kind: KindDiverged, Detail: t.Branch + " / " + t.Upstream}
	}
	files, err := r.changedBetween(ctx, "HEAD", "@{upstream}")
	if err != nil {
		return nil, err
	}
	res.Files = files
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
	if err := r.waitIndexLock(); err != nil {
		return nil, err
	}
	out, err := r.git(ctx, gitRun{args: append(keepLoose(), "merge", "--ff-only", "--no-stat", "@{upstream}")})
	if err != nil {
		return nil, err
	}
	if out.code != 0 {
		return nil, &Error{Kind: KindOther, Detail: "git merge --ff-only", Output: strings.TrimSpace(out.stderr + string(out.stdout))}
	}
	return res, nil
}

// adoptUpstream gives a branch without upstream the default remote's
// branch of the same name as its upstream, as git branch --set-upstream-to
// does, after fetching that remote: a branch cloned or pushed without
// tracking can then be pulled. A remote without that branch is
// KindNoUpstream (the branch was never pushed), and nothing is set.
func (r *Repo) adoptUpstream(ctx context.Context, branch string, progress io.Writer) error {
	remote := r.DefaultRemote(ctx)
	if remote == "" {
		return &Error{Kind: KindNoRemote}
	}
	if err := r.Fetch(ctx, remote, progress); err != nil {
		return err
	}
	ref := "refs/remotes/" + remote + "/" + branch
	if res, err := r.git(ctx, gitRun{args: []string{"rev-parse", "--verify", "--quiet", ref}}); err != nil {
		return err
	} else if res.code != 0 {
		return &Error{Kind: KindNoUpstream, Detail: branch}
	}
	_, err := r.gitOK(ctx, KindOther, "branch", "--set-upstream-to="+ref, "--", branch)
	return err
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
