package gitops

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"sort"
	"strings"

	"github.com/jobtui/jobtui/internal/model"
)

// DropRefusal says why a commit cannot simply be taken back.
type DropRefusal int

const (
	DropDone    DropRefusal = iota // the commit was dropped
	DropNoGit                      // the git command line is not installed
	DropMoved                      // the branch is no longer at the commit (or a merge is under way)
	DropPushed                     // a remote-tracking branch has the commit: others may have it
	DropChanged                    // its files changed since, in the work tree or the index
)

// DropCommit takes back commit c, which jobtui has just made on the current
// branch, as if it had never been made: the branch goes back to its parent,
// the index entries of its paths to the parent's, and each file to its bytes
// before jobtui wrote it (before, by repository path: an edit the person had
// not committed and the commit included comes back uncommitted, not lost).
//
// It does so only when nothing can be lost and nobody else can have the
// commit: the branch is still at c, c has one parent and changes exactly
// c.Paths, no remote-tracking branch contains it, and every one of its files
// is, in the work tree and in the index, as c has it. Otherwise it changes
// nothing and says why, so that the caller makes an inverse commit instead.
// A step that fails puts back what the earlier ones did.
func DropCommit(r *Repo, c *CommitResult, before map[string][]byte) (DropRefusal, error) {
	if c == nil {
		return DropMoved, nil
	}
	if _, err := gitBinary(); err != nil {
		return DropNoGit, nil
	}
	run := func(args ...string) (string, error) {
		res, err := r.git(context.Background(), gitRun{args: args, env: []string{"GIT_LITERAL_PATHSPECS=1", "LC_ALL=C"}})
		if err != nil {
			return "", err
		}
		if res.code != 0 {
			return string(res.stdout), &Error{Kind: KindOther, Output: strings.TrimSpace(res.stderr)}
		}
		return string(res.stdout), nil
	}
	commit := c.Hash.String()
	branch, err := run("symbolic-ref", "-q", "HEAD")
	if err != nil {
		return DropMoved, nil // detached
	}
	branch = strings.TrimSpace(branch)
	if head, err := run("rev-parse", "-q", "--verify", "HEAD^{commit}"); err != nil || strings.TrimSpace(head) != commit {
		return DropMoved, nil
	}
	for _, f := range []string{"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply"} {
		if exists(r.gitFile(f)) {
			return DropMoved, nil
		}
	}
	parents, err := run("rev-list", "--parents", "-n", "1", commit)
	if err != nil {
		return DropMoved, nil
	}
	fields := strings.Fields(parents)
	if len(fields) != 2 {
		return DropMoved, nil // the first commit, or a merge
	}
	parent := fields[1]
	if remotes, err := run("for-each-ref", "--contains", commit, "--format=%(refname)", "refs/remotes"); err != nil || strings.TrimSpace(remotes) != "" {
		return DropPushed, nil
	}
	changed, err := run("-c", "core.quotepath=off", "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", parent, commit)
	if err != nil {
		return DropMoved, nil
	}
	got := strings.Split(strings.TrimRight(changed, "\x00"), "\x00")
	sort.Strings(got)
	want := append([]string(nil), c.Paths...)
	sort.Strings(want)
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		return DropMoved, nil // not the commit jobtui made
	}
	paths := want
	// As the commit has them: the work tree and the index, and the bytes
	// to put back for each.
	if _, err := run(append([]string{"diff", "--quiet", commit, "--"}, paths...)...); err != nil {
		return DropChanged, nil
	}
	if _, err := run(append([]string{"diff", "--cached", "--quiet", commit, "--"}, paths...)...); err != nil {
		return DropChanged, nil
	}
	now := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(r.AbsPath(p))
		if _, ok := before[p]; err != nil || !ok {
			return DropChanged, nil
		}
		now[p] = data
	}

	// The branch first: compare-and-swap, so a commit made meanwhile wins.
	if _, err := run("update-ref", "-m", "jobtui: undo: "+c.Subject, branch, parent, commit); err != nil {
		return DropMoved, nil
	}
	restoreRef := func() { run("update-ref", "-m", "jobtui: undo failed, back to "+c.Short, branch, commit, parent) }
	if _, err := run(append([]string{"reset", "-q", parent, "--"}, paths...)...); err != nil {
		restoreRef()
		return DropMoved, err
	}
	for i, p := range paths {
		if err := model.WriteFileAtomic(r.AbsPath(p), before[p], sha256.Sum256(now[p])); err != nil {
			for _, w := range paths[:i] {
				model.WriteFileAtomic(r.AbsPath(w), now[w], sha256.Sum256(before[w]))
			}
			run(append([]string{"reset", "-q", commit, "--"}, paths...)...)
			restoreRef()
			if errors.Is(err, model.ErrChangedOnDisk) {
				return DropChanged, nil
			}
			return DropMoved, err
		}
	}
	return DropDone, nil
}
