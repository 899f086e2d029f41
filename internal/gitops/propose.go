package gitops

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// ProposalPrefix is the folder of the branches jobtui proposes changes on.
const ProposalPrefix = "postings/"

// ProposalFile is one file of a proposal: its new content, or its removal.
type ProposalFile struct {
	Path    string // repository path
	Content []byte
	Remove  bool
	Stored  bool // Content is already as git stores it (read from a commit): no clean filter
}

// FetchBase fetches the base branch from the remote and returns its tip as
// the remote has it now.
func (r *Repo) FetchBase(ctx context.Context, remote, base string) (plumbing.Hash, error) {
	if remote == "" {
		return plumbing.ZeroHash, &Error{Kind: KindNoRemote}
	}
	args := append(append(tokenArgs(), keepLoose()...), "fetch", "--no-tags", remote, "+refs/heads/"+base+":refs/remotes/"+remote+"/"+base)
	res, err := r.git(ctx, gitRun{args: args})
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if res.code != 0 {
		return plumbing.ZeroHash, remoteError(remote, res.stderr, KindFetchFailed)
	}
	return r.ResolveCommit(ctx, "refs/remotes/"+remote+"/"+base)
}

// ResolveCommit is the commit a revision names.
func (r *Repo) ResolveCommit(ctx context.Context, rev string) (plumbing.Hash, error) {
	out, err := r.gitOK(ctx, KindOther, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return plumbing.ZeroHash, &Error{Kind: KindOther, Detail: "no commit " + rev}
	}
	return plumbing.NewHash(trimOut(out)), nil
}

// ReadAt is a file's content in a commit, as git stores it; ok is false
// when the commit has no such file.
func (r *Repo) ReadAt(commit plumbing.Hash, path string) (data []byte, ok bool, err error) {
	c, err := r.Git.CommitObject(commit)
	if err != nil {
		return nil, false, err
	}
	f, err := c.File(path)
	if err != nil {
		return nil, false, nil
	}
	s, err := f.Contents()
	if err != nil {
		return nil, false, err
	}
	return []byte(s), true, nil
}

// CommitOnto makes a commit whose parent is parent and whose tree is
// parent's with files changed, without touching the work tree, the index
// or HEAD: a temporary index, git hash-object (with the path, so that
// .gitattributes apply), git write-tree and git commit-tree (told to sign,
// -S, where commit.gpgsign says so, as git commit signs). No change is ErrNothingToCommit.
func (r *Repo) CommitOnto(ctx context.Context, parent plumbing.Hash, files []ProposalFile, message string) (plumbing.Hash, error) {
	cfg, err := r.checkCommitOnto()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	tmp, err := os.CreateTemp(r.GitDir, "jobtui-index-*")
	if err != nil {
		return plumbing.ZeroHash, err
	}
	tmp.Close()
	os.Remove(tmp.Name()) // git read-tree writes it anew
	defer os.Remove(tmp.Name())
	env := []string{"GIT_INDEX_FILE=" + tmp.Name()}
	run := func(stdin []byte, args ...string) (string, error) {
		res, err := r.git(ctx, gitRun{args: args, env: env, stdin: bytes.NewReader(stdin)})
		if err != nil {
			return "", err
		}
		if res.code != 0 {
			return "", &Error{Kind: KindOther, Detail: "git " + args[0], Output: strings.TrimSpace(res.stderr)}
		}
		return trimOut(res.stdout), nil
	}
	if _, err := run(nil, "read-tree", parent.String()); err != nil {
		return plumbing.ZeroHash, err
	}
	baseTree, err := run(nil, "rev-parse", parent.String()+"^{tree}")
	if err != nil {
		return plumbing.ZeroHash, err
	}
	var info strings.Builder
	for _, f := range files {
		if f.Remove {
			fmt.Fprintf(&info, "0 %s\t%s\n", plumbing.ZeroHash, f.Path)
			continue
		}
		args := []string{"hash-object", "-w", "--stdin"}
		if f.Stored {
			args = append(args, "--no-filters")
		} else {
			args = append(args, "--path="+f.Path)
		}
		h, err := run(f.Content, args...)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		mode := "100644"
		if m, err := run(nil, "ls-files", "--stage", "--", f.Path); err == nil && len(m) > 6 {
			mode = m[:6]
		}
		fmt.Fprintf(&info, "%s %s\t%s\n", mode, h, f.Path)
	}
	if _, err := run([]byte(info.String()), "update-index", "--index-info"); err != nil {
		return plumbing.ZeroHash, err
	}
	tree, err := run(nil, "write-tree")
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if tree == baseTree {
		return plumbing.ZeroHash, ErrNothingToCommit
	}
	msg := strings.TrimRight(message, "\n") + "\n"
	args := []string{"commit-tree", tree, "-p", parent.String(), "-F", "-"}
	if cfg.boolean("commit.gpgsign", false) {
		args = append(args, "-S") // commit-tree does not read commit.gpgsign; -S signs with user.signingkey, as git commit
	}
	out, err := run([]byte(msg), args...)
	if err != nil {
		if cfg.boolean("commit.gpgsign", false) {
			if e, ok := err.(*Error); ok {
				e.Kind = KindSigningFailed
			}
		}
		return plumbing.ZeroHash, err
	}
	return plumbing.NewHash(out), nil
}

// CheckCommitOnto tells, without writing anything, whether CommitOnto
// can make its commit: git knows who the user is, and the program or key
// git is told to sign with is there. A proposal calls it before it
// fetches the base, so that a refusal leaves the remote-tracking refs as
// they were.
func (r *Repo) CheckCommitOnto() error {
	_, err := r.checkCommitOnto()
	return err
}

// checkCommitOnto is CheckCommitOnto; it gives git's settings it read.
func (r *Repo) checkCommitOnto() (settings, error) {
	cfg := r.settings()
	if _, _, err := identityFrom(r.withGitIdentity(cfg)); err != nil {
		return nil, err
	}
	return cfg, checkSigning(cfg)
}

// FreeBranchName is name, or name-2, name-3... : the first that is neither
// a local branch nor one of remote's branches as last fetched.
func (r *Repo) FreeBranchName(ctx context.Context, remote, name string) string {
	taken := func(n string) bool {
		for _, ref := range []string{"refs/heads/" + n, "refs/remotes/" + remote + "/" + n} {
			if _, err := r.Git.Storer.Reference(plumbing.ReferenceName(ref)); err == nil {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s-%d", name, i); !taken(n) {
			return n
		}
	}
}

// CreateBranch makes a new local branch at commit; an existing branch of
// that name is never moved.
func (r *Repo) CreateBranch(ctx context.Context, name string, commit plumbing.Hash) error {
	res, err := r.git(ctx, gitRun{args: []string{"update-ref", "-m", "jobtui: propose", "refs/heads/" + name, commit.String(), ""}})
	if err != nil {
		return err
	}
	if res.code != 0 {
		return &Error{Kind: KindOther, Detail: "create branch " + name, Output: strings.TrimSpace(res.stderr)}
	}
	return nil
}

// DeleteLocalBranch removes a local branch that is not checked out.
func (r *Repo) DeleteLocalBranch(ctx context.Context, name string) error {
	if cur, err := r.CurrentBranch(); err == nil && cur == name {
		return &Error{Kind: KindOther, Detail: name + " is checked out"}
	}
	res, err := r.git(ctx, gitRun{args: []string{"branch", "-D", "--", name}})
	if err != nil {
		return err
	}
	if res.code != 0 {
		return &Error{Kind: KindOther, Detail: "delete branch " + name, Output: strings.TrimSpace(res.stderr)}
	}
	return nil
}

// PushNewBranch pushes a local branch to remote under the same name and
// makes it track it.
func (r *Repo) PushNewBranch(ctx context.Context, remote, branch string) (*PushResult, error) {
	res, err := r.pushRef(ctx, remote, branch, branch, true)
	var e *Error
	if errors.As(err, &e) && e.Kind == KindPushRefused { // not the commits of a branch: a proposal, which proposing again will not mend
		e.Kind = KindProposalRefused
	}
	return res, err
}

// DeleteRemoteBranch deletes a branch on the remote.
func (r *Repo) DeleteRemoteBranch(ctx context.Context, remote, branch string) ([]string, error) {
	args := append(tokenArgs(), "push", "--porcelain", remote, "--delete", "refs/heads/"+branch)
	res, err := r.git(ctx, gitRun{args: args})
	if err != nil {
		return nil, err
	}
	if res.code != 0 {
		return nil, remoteError(remote, res.stderr, KindPushRefused)
	}
	return ServerLines(res.stderr), nil
}

// ResetKeep moves the current branch to rev as `git reset --keep` does:
// uncommitted edits are kept, and git refuses (changing nothing) where
// one would be lost.
func (r *Repo) ResetKeep(ctx context.Context, rev string) error {
	if err := r.waitIndexLock(); err != nil {
		return err
	}
	res, err := r.git(ctx, gitRun{args: []string{"reset", "--keep", rev}})
	if err != nil {
		return err
	}
	if res.code != 0 {
		return &Error{Kind: KindOther, Detail: "git reset --keep " + rev, Output: strings.TrimSpace(res.stderr)}
	}
	return nil
}

// RestoreFromHead puts files of the work tree back as HEAD has them (and
// their index entries), for edits that now live on a proposal branch.
func (r *Repo) RestoreFromHead(ctx context.Context, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	var tracked, untracked []string
	for _, p := range paths {
		if _, ok, _ := r.ReadAt(r.headHash(), p); ok {
			tracked = append(tracked, p)
		} else {
			untracked = append(untracked, p)
		}
	}
	if len(tracked) > 0 {
		if _, err := r.gitOK(ctx, KindOther, append([]string{"--literal-pathspecs", "checkout", "HEAD", "--"}, tracked...)...); err != nil {
			return err
		}
	}
	for _, p := range untracked {
		r.git(ctx, gitRun{args: []string{"--literal-pathspecs", "rm", "--cached", "--quiet", "--ignore-unmatch", "--", p}})
		if err := os.Remove(filepath.Join(r.Root, filepath.FromSlash(p))); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// Blobs are the blobs CommitOnto would store for files: the content put
// through git hash-object --path where an attributes file or
// core.autocrlf may convert it (a work-tree file with CRLF endings is the
// LF blob git would make of it), hashed in-process elsewhere; the zero
// hash for a removed file. Computed once for comparing with many commits
// (Holds).
func (r *Repo) Blobs(ctx context.Context, files []ProposalFile) ([]plumbing.Hash, error) {
	blobs := make([]plumbing.Hash, len(files))
	for i, f := range files {
		switch {
		case f.Remove:
			continue
		case f.Stored || !r.conversionsMayApply([]string{f.Path}):
			blobs[i] = plumbing.ComputeHash(plumbing.BlobObject, f.Content)
			continue
		}
		res, err := r.git(ctx, gitRun{args: []string{"hash-object", "--stdin", "--path=" + f.Path}, stdin: bytes.NewReader(f.Content)})
		if err != nil {
			return nil, err
		}
		if res.code != 0 {
			return nil, &Error{Kind: KindOther, Detail: "git hash-object", Output: strings.TrimSpace(res.stderr)}
		}
		blobs[i] = plumbing.NewHash(trimOut(res.stdout))
	}
	return blobs, nil
}

// Holds tells whether commit has every file as its blob (Blobs) says, a
// removed file absent. A commit or file that cannot be read counts as
// different.
func (r *Repo) Holds(commit plumbing.Hash, files []ProposalFile, blobs []plumbing.Hash) bool {
	c, err := r.Git.CommitObject(commit)
	if err != nil || len(files) == 0 {
		return false
	}
	for i, f := range files {
		entry, err := c.File(f.Path)
		switch {
		case f.Remove && err != nil: // removed, and absent
			continue
		case f.Remove || err != nil || entry.Hash != blobs[i]:
			return false
		}
	}
	return true
}
