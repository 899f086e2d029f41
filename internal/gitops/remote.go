package gitops

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Remote operations go through git itself: its transports, ssh-agent and
// keys, credential helpers (run in the repository, so that its own config
// counts, and told whether the credentials worked), url.insteadOf, and the
// server's own messages (the "remote:" lines), which are shown whole.

// tokenHelper makes JOBTUI_GIT_TOKEN the password of an https remote, in
// front of the user's credential helpers, without writing it anywhere.
// keepLoose are the settings of a fetch and a fast-forward that jobtui
// runs while it keeps the repository open: objects fetched stay loose
// files rather than a new pack, and no automatic gc packs them meanwhile,
// because go-git reads the list of packs once and would not find objects
// in a pack made after (git packs them at its next gc).
func keepLoose() []string {
	return []string{"-c", "fetch.unpackLimit=1000000000", "-c", "gc.auto=0", "-c", "maintenance.auto=false"}
}

func tokenArgs() []string {
	if tokenSet() {
		return []string{"-c", "credential.helper=", "-c", `credential.helper=!f() { test "$1" = get && echo username=x-access-token && echo "password=$JOBTUI_GIT_TOKEN"; }; f`}
	}
	return nil
}

func tokenSet() bool {
	v, ok := os.LookupEnv("JOBTUI_GIT_TOKEN")
	return ok && v != ""
}

// Tracking is where the current branch stands against its upstream.
type Tracking struct {
	Branch   string // the current branch
	Remote   string // its upstream's remote, "" when it has none
	Upstream string // e.g. origin/main, "" when it has none
	Ahead    int    // local commits the upstream does not have
	Behind   int    // upstream commits the branch does not have
	// Gone names the upstream the branch is set to pull from
	// (branch.<b>.merge) when it cannot be found (the remote deleted it,
	// as after a merge): Upstream is then "".
	Gone string
}

// CurrentBranch is the branch HEAD is on, or an error when it is detached.
func (r *Repo) CurrentBranch() (string, error) {
	head, err := r.Git.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return "", &Error{Kind: KindOther, Detail: "read HEAD", Err: err}
	}
	if head.Type() != plumbing.SymbolicReference {
		return "", &Error{Kind: KindDetachedHead}
	}
	return head.Target().Short(), nil
}

// Tracking tells how far the current branch is ahead of and behind its
// upstream, as of the last fetch.
func (r *Repo) Tracking(ctx context.Context) (*Tracking, error) {
	branch, err := r.CurrentBranch()
	if err != nil {
		return nil, err
	}
	t := &Tracking{Branch: branch}
	res, err := r.git(ctx, gitRun{args: []string{"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"}})
	if err != nil {
		return nil, err
	}
	if res.code != 0 { // no upstream, or one that is gone
		cfg := r.settings()
		if merge := cfg.get("branch." + branch + ".merge"); merge != "" {
			t.Remote = cfg.get("branch." + branch + ".remote")
			t.Gone = t.Remote + "/" + strings.TrimPrefix(merge, "refs/heads/")
		}
		return t, nil
	}
	t.Upstream = trimOut(res.stdout)
	t.Remote = r.settings().get("branch." + branch + ".remote")
	t.Ahead, t.Behind, err = r.aheadBehind(ctx, "@{upstream}")
	return t, err
}

// aheadBehind counts the commits HEAD has that rev has not (ahead) and
// those rev has that HEAD has not (behind).
func (r *Repo) aheadBehind(ctx context.Context, rev string) (ahead, behind int, err error) {
	out, err := r.gitOK(ctx, KindOther, "rev-list", "--left-right", "--count", "HEAD..."+rev)
	if err != nil {
		return 0, 0, err
	}
	if f := strings.Fields(string(out)); len(f) == 2 {
		ahead, _ = strconv.Atoi(f[0])
		behind, _ = strconv.Atoi(f[1])
	}
	return ahead, behind, nil
}

// DefaultRemote is the current branch's upstream remote, else origin, else
// the only remote; "" when the repository has none.
func (r *Repo) DefaultRemote(ctx context.Context) string {
	branch, _ := r.CurrentBranch()
	return r.defaultRemote(ctx, r.settings(), branch)
}

// defaultRemote is DefaultRemote with git's settings read and the current
// branch known ("" when HEAD is detached).
func (r *Repo) defaultRemote(ctx context.Context, cfg settings, branch string) string {
	if branch != "" {
		if rem := cfg.get("branch." + branch + ".remote"); rem != "" && rem != "." {
			return rem
		}
	}
	remotes := r.remotes(ctx)
	for _, rem := range remotes {
		if rem == "origin" {
			return rem
		}
	}
	if len(remotes) == 1 {
		return remotes[0]
	}
	return ""
}

// RemoteURL is a remote's URL with url.<base>.insteadOf applied, as git
// uses it.
func (r *Repo) RemoteURL(ctx context.Context, remote string) (string, error) {
	out, err := r.gitOK(ctx, KindNoRemote, "remote", "get-url", remote)
	if err != nil {
		return "", &Error{Kind: KindNoRemote, Detail: remote}
	}
	return trimOut(out), nil
}

// Fetch brings the remote's branches, pruning deleted ones; progress gets
// git's progress lines as they come. Credentials are asked of git's
// credential helpers; a refusal names the remote.
func (r *Repo) Fetch(ctx context.Context, remote string, progress io.Writer) error {
	if remote == "" {
		return &Error{Kind: KindNoRemote}
	}
	args := append(append(tokenArgs(), keepLoose()...), "fetch", "--prune", "--progress", remote)
	res, err := r.git(ctx, gitRun{args: args, stderr: progress})
	if err != nil {
		return err
	}
	if res.code != 0 {
		return remoteError(remote, res.stderr, KindFetchFailed)
	}
	return nil
}

// remoteError turns what git said about a failed fetch or push into an
// error: authentication, an unknown remote or host, or kind with the words.
func remoteError(remote, stderr string, kind Kind) error {
	low := strings.ToLower(stderr)
	out := withoutHints(stderr)
	switch {
	case strings.Contains(low, "authentication failed") || strings.Contains(low, "could not read username") ||
		strings.Contains(low, "could not read password") || strings.Contains(low, "permission denied (publickey") ||
		strings.Contains(low, "http 401") || strings.Contains(low, "http 403") || strings.Contains(low, "invalid username or password"):
		return &Error{Kind: KindPushAuth, Detail: remote, Output: out}
	case strings.Contains(low, "does not appear to be a git repository") || strings.Contains(low, "no such remote"):
		return &Error{Kind: KindNoRemote, Detail: remote, Output: out}
	case strings.Contains(low, "could not resolve host") || strings.Contains(low, "failed to connect") ||
		strings.Contains(low, "connection refused") || strings.Contains(low, "connection timed out") ||
		strings.Contains(low, "network is unreachable") || strings.Contains(low, "could not connect to server"):
		return &Error{Kind: KindUnreachable, Detail: remote, Output: out} // not the server's answer: nothing reached it
	}
	return &Error{Kind: kind, Detail: remote, Output: out}
}

// ServerLines are the lines the server printed ("remote: ..."), without
// the prefix.
func ServerLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(stderr, "\r", "\n"), "\n") {
		if rest, ok := strings.CutPrefix(l, "remote: "); ok {
			out = append(out, strings.TrimRight(rest, " "))
		} else if l == "remote:" {
			out = append(out, "")
		}
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// PushResult tells where a branch went and what the server said.
type PushResult struct {
	Remote   string
	Branch   string // the local branch pushed
	Dest     string // the branch on the remote
	UpToDate bool
	Server   []string // the server's own messages
}

// Push sends the current branch where `git push` with no arguments would
// (PushPlan: branch.<b>.pushRemote, remote.pushDefault, the upstream's
// remote; push.default), or refuses where git would, before anything is
// written (KindPushNowhere, naming the rule). A branch without upstream
// tracks where it went afterwards, as `git push -u` makes it. A refusal
// of the server keeps the local commits and carries its reason whole:
// protected branch, hook, non-fast-forward, authentication.
func (r *Repo) Push(ctx context.Context) (*PushResult, error) {
	p, err := r.PushPlan(ctx)
	if err != nil {
		return nil, err
	}
	if p.Remote == "" {
		return nil, &Error{Kind: KindNoRemote}
	}
	if p.Refused != PushSent {
		return nil, &Error{Kind: KindPushNowhere, Detail: p.Remote, Plan: p}
	}
	res, err := r.pushRef(ctx, p.Remote, p.Branch, p.Dest, p.Track)
	if e, ok := err.(*Error); ok {
		e.Plan = p // a rejection on a fork is not mended by a pull (PushPlan.Triangular)
	}
	return res, err
}

// pushRef pushes local branch to remote's dest; with setUpstream the local
// branch tracks it afterwards.
func (r *Repo) pushRef(ctx context.Context, remote, branch, dest string, setUpstream bool) (*PushResult, error) {
	args := append(tokenArgs(), "push", "--porcelain")
	if setUpstream {
		args = append(args, "--set-upstream")
	}
	args = append(args, remote, "refs/heads/"+branch+":refs/heads/"+dest)
	res, err := r.git(ctx, gitRun{args: args})
	if err != nil {
		return nil, err
	}
	out := &PushResult{Remote: remote, Branch: branch, Dest: dest, Server: ServerLines(res.stderr)}
	status, reason := porcelainStatus(string(res.stdout))
	if res.code == 0 {
		out.UpToDate = status == "="
		return out, nil
	}
	switch {
	case strings.Contains(reason, "non-fast-forward") || strings.Contains(reason, "fetch first"):
		// The reason is the kind itself; git's advice on it is for its
		// own command line.
		return nil, &Error{Kind: KindPushRejected, Detail: remote, Output: serverWords(res.stderr)}
	case status == "!":
		words := serverWords(res.stderr)
		if words == "" && reason != "" {
			words = reason // no word from the server: git's short reason ("pre-receive hook declined")
		}
		return nil, &Error{Kind: KindPushRefused, Detail: remote + " " + dest, Output: words}
	}
	return nil, remoteError(remote, res.stderr, KindPushRefused)
}

// serverWords are the server's own lines of what git printed ("remote:
// ..." whole, a hook's words), without git's "hint:" advice (commands of
// its own command line, in English) and its generic "error: failed to
// push some refs" and "To URL" lines: ServerLines with their prefix.
func serverWords(stderr string) string {
	lines := ServerLines(stderr)
	for i, l := range lines {
		lines[i] = strings.TrimRight("remote: "+l, " ")
	}
	return strings.Join(lines, "\n")
}

// withoutHints is what git printed without its "hint:" lines.
func withoutHints(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "hint:") {
			keep = append(keep, l)
		}
	}
	return strings.TrimSpace(strings.Join(keep, "\n"))
}

// porcelainStatus reads `git push --porcelain`'s line for the ref: its
// flag ("=" up to date, "!" rejected, ...) and reason.
func porcelainStatus(out string) (flag, reason string) {
	for _, l := range strings.Split(out, "\n") {
		f := strings.SplitN(l, "\t", 3)
		if len(f) == 3 && len(f[0]) == 1 {
			return f[0], f[2]
		}
	}
	return "", ""
}
