package gitops

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// The in-process commit (issue 14): `git commit --only -- paths` made
// without starting git, where it is provably what git would write: the
// same commit id, the same index bytes, the same reflog lines and
// COMMIT_EDITMSG. Only the plainest case qualifies (fastReasons lists
// what sends a commit back to git): a plain repository of the current
// user, HEAD on a branch, no hook, no signing, no attributes, an index
// (version 2, cached trees alone) that is exactly HEAD, files changed
// in place. Anything else, or any doubt, and git commits as before.

// fastNow is the fast path's clock (tests set it).
var fastNow = time.Now

// fastTrace, when set (tests), hears why each commit did not take the
// fast path ("" when it did).
var fastTrace func(reason string)

// fastStage, when set (tests), is called at points of the fast write.
var fastStage = func(stage string) {}

// fastCommits counts the commits the fast path made (FastCommits).
var fastCommits atomic.Int64

// FastCommits is how many commits this process made in-process rather
// than through git commit (tests of other packages check it).
func FastCommits() int64 { return fastCommits.Load() }

// fastBack is a reason to leave a commit to git.
type fastBack string

func (f fastBack) Error() string { return "fast commit: " + string(f) }

// fastCommit commits paths (tracked files the caller changed) in-process.
// A nil result and nil error: git is to commit (the reason went to
// fastTrace); an error: the commit is refused (index.lock held) and
// nothing was written.
func (r *Repo) fastCommit(cfg settings, paths []string, message string, work commitWork) (*CommitResult, error) {
	res, err := r.tryFastCommit(cfg, paths, message, work)
	if back, ok := err.(fastBack); ok {
		if fastTrace != nil {
			fastTrace(string(back))
		}
		return nil, nil
	}
	if err == nil {
		fastCommits.Add(1)
		if fastTrace != nil {
			fastTrace("")
		}
	}
	return res, err
}

func (r *Repo) tryFastCommit(cfg settings, paths []string, message string, work commitWork) (*CommitResult, error) {
	msg, err := fastMessage(message)
	if err != nil {
		return nil, err
	}
	if err := fastEnvironment(); err != nil {
		return nil, err
	}
	if err := fastSettings(cfg); err != nil {
		return nil, err
	}
	if err := r.fastLayout(cfg, paths); err != nil {
		return nil, err
	}
	now := fastNow()
	author, committer, err := fastIdentity(cfg, now)
	if err != nil {
		return nil, err
	}
	branch, err := r.fastBranch()
	if err != nil {
		return nil, err
	}
	locks := newFastLocks()
	defer locks.release()
	if err := locks.take(r.gitFile("index.lock")); err != nil {
		if os.IsExist(err) {
			return nil, &Error{Kind: KindIndexLocked}
		}
		return nil, lockErr(err, "index.lock")
	}
	plan, err := r.fastPlan(paths, branch, work)
	if err != nil {
		return nil, err
	}
	commit, err := plan.commitObject(author, committer, msg)
	if err != nil {
		return nil, err
	}
	if err := r.fastLockRefs(locks, branch, plan.head); err != nil {
		return nil, err
	}
	warning, err := r.fastWrite(locks, plan, commit, msg, branch, committer)
	if err != nil {
		return nil, err
	}
	h := commit.Hash()
	return &CommitResult{Hash: h, Short: h.String()[:7], Subject: strings.SplitN(msg, "\n", 2)[0], Paths: paths, Output: warning}, nil
}

// fastWrite writes what the commit is: the objects, the index (into its
// lock), COMMIT_EDITMSG, the branch and both reflogs, then the index, in
// git's order. A failure before the branch moves leaves the repository
// as it was (new loose objects aside, which git ignores) and goes back to
// git; once the branch has moved the commit is made, and an index that
// could not be put in place is a warning, not an error (the caller would
// put the files back under a commit that holds them).
func (r *Repo) fastWrite(locks *fastLocks, plan *fastPlan, commit plumbing.EncodedObject, msg, branch string, committer fastIdent) (warning string, err error) {
	fastStage("refs locked")
	if err := r.writeObjects(append(plan.objects, commit)); err != nil {
		return "", fastBack("object: " + err.Error())
	}
	if err := locks.write(r.gitFile("index.lock"), plan.newIndex); err != nil {
		return "", lockErr(err, "index.lock")
	}
	if err := os.WriteFile(r.gitFile("COMMIT_EDITMSG"), []byte(msg), 0o666); err != nil {
		return "", fastBack("COMMIT_EDITMSG: " + err.Error())
	}
	ref := filepath.Join(r.GitDir, filepath.FromSlash(branch))
	if err := locks.write(ref+".lock", []byte(commit.Hash().String()+"\n")); err != nil {
		return "", lockErr(err, "ref lock")
	}
	line := plan.head.String() + " " + commit.Hash().String() + " " + committer.line + "\t" + reflogMessage(msg) + "\n"
	undo, err := appendReflogs(line, filepath.Join(r.GitDir, "logs", filepath.FromSlash(branch)), filepath.Join(r.GitDir, "logs", "HEAD"))
	if err != nil {
		return "", fastBack("reflog: " + err.Error())
	}
	if err := locks.commit(ref + ".lock"); err != nil {
		undo()
		return "", lockErr(err, "ref")
	}
	locks.drop(r.gitFile("HEAD.lock"))
	fastStage("branch moved")
	if err := locks.commit(r.gitFile("index.lock")); err != nil {
		return "committed, but git's index could not be updated (" + err.Error() + "): git reset updates it", nil
	}
	return "", nil
}
