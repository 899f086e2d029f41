package gitops

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// CommitResult is a commit made by jobtui.
type CommitResult struct {
	Hash    plumbing.Hash
	Short   string
	Subject string
	Paths   []string
	Output  string // what git and the hooks printed, for the user to see
}

// LockWait is how long a held .git/index.lock is waited for before an
// action is refused: a concurrent git command holds it for milliseconds.
var LockWait = 3 * time.Second

// CheckCommit tells whether a commit on the current branch can be made now,
// without writing anything: git is installed, HEAD is on a branch, no merge,
// cherry-pick, revert or rebase is under way, git knows who the user is, the
// index has no conflicts and is not locked (a lock is waited for briefly).
// Every action that writes files and then commits calls it first.
func (r *Repo) CheckCommit() error {
	_, err := r.checkCommit(true)
	return err
}

// checkCommit is CheckCommit, with the signing settings checked or not. It
// gives git's settings it read.
func (r *Repo) checkCommit(signing bool) (settings, error) {
	if _, err := gitBinary(); err != nil {
		return nil, err
	}
	if op := r.OperationInProgress(); op != KindOther {
		return nil, &Error{Kind: op}
	}
	headRef, err := r.Git.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return nil, &Error{Kind: KindOther, Detail: "read HEAD", Err: err}
	}
	if headRef.Type() != plumbing.SymbolicReference {
		return nil, &Error{Kind: KindDetachedHead}
	}
	cfg := r.prefetchedSettings()
	if _, _, err := identityFrom(r.withGitIdentity(cfg)); err != nil {
		return nil, err
	}
	if signing {
		if err := checkSigning(cfg); err != nil {
			return nil, err
		}
	}
	if err := r.waitIndexLock(); err != nil {
		return nil, err
	}
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	for _, e := range idx.Entries {
		if e.Stage != 0 {
			return nil, &Error{Kind: KindConflicts, Paths: []string{e.Name}}
		}
	}
	return cfg, nil
}

// OperationInProgress names the git operation that is paused in the
// repository (KindMerging, KindCherryPicking, KindReverting, KindRebasing),
// or KindOther when none is.
func (r *Repo) OperationInProgress() Kind {
	switch {
	case exists(r.gitFile("rebase-merge")) || exists(r.gitFile("rebase-apply")):
		return KindRebasing
	case exists(r.gitFile("MERGE_HEAD")):
		return KindMerging
	case exists(r.gitFile("CHERRY_PICK_HEAD")):
		return KindCherryPicking
	case exists(r.gitFile("REVERT_HEAD")):
		return KindReverting
	}
	return KindOther
}

// waitIndexLock waits up to LockWait for another git process to release
// .git/index.lock.
func (r *Repo) waitIndexLock() error {
	deadline := time.Now().Add(LockWait)
	for exists(r.gitFile("index.lock")) {
		if time.Now().After(deadline) {
			return &Error{Kind: KindIndexLocked}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil
}

func gitBinary() (string, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return "", ErrNoGit
	}
	return bin, nil
}

// CommitPaths commits exactly the given repository-relative paths, as they
// are in the working copy, and nothing else, with `git commit --only`: git
// runs the hooks, signs where configured, applies .gitattributes and keeps
// the index's extensions; whatever else is staged stays staged and out of
// the commit. A new file is added with intent-to-add first, and taken out
// of the index again if the commit is refused.
func (r *Repo) CommitPaths(repoPaths []string, message string) (*CommitResult, error) {
	return r.CommitPathsWith(repoPaths, message, CommitOptions{})
}

// CommitOptions spare CommitPathsWith questions its caller has just
// answered; each saves a git process.
type CommitOptions struct {
	// SigningChecked: the caller ran CheckCommit before writing the files,
	// so the signing settings are not read again (the other checks, which
	// read files only, are made again).
	SigningChecked bool
	// Changed: every path is a file the caller has just changed, which was
	// as committed in HEAD before (no staged or unstaged edit), so that the
	// commit is known not to be empty and git is not asked.
	Changed bool
	// Place, when set, puts the files' new bytes in place (their old ones
	// are there, tracked, until then): it is called once, before the
	// files' bytes are read, so that the commit's checks and the index's
	// reading go on meanwhile (an archive's files are synced meanwhile).
	// When the commit is refused before, it is not called.
	Place func() error
	// Expect is the sha256 of each path's new bytes, where the caller
	// wrote them: the in-process commit refuses a file that holds other
	// bytes when it reads it (someone saved it meanwhile).
	Expect map[string][32]byte
}

// commitWork is what CommitPathsWith hands the in-process commit.
type commitWork struct {
	place  func() error        // puts the files' new bytes in place, once
	expect map[string][32]byte // CommitOptions.Expect
}

// CommitPathsWith is CommitPaths with options.
func (r *Repo) CommitPathsWith(repoPaths []string, message string, opt CommitOptions) (*CommitResult, error) {
	paths, err := cleanPaths(repoPaths)
	if err != nil {
		return nil, err
	}
	cfg, err := r.checkCommit(!opt.SigningChecked)
	if err != nil {
		return nil, err
	}
	added, kept, err := r.commitSet(paths)
	if err != nil {
		return nil, err
	}
	if len(kept) == 0 {
		return nil, ErrNothingToCommit
	}
	place := func() error { return nil }
	if opt.Place != nil {
		place = sync.OnceValue(opt.Place)
	}
	if opt.Changed && len(added) == 0 {
		// Tracked files the caller changed: in-process where that is
		// what git would write (fastcommit.go), else git.
		if res, err := r.fastCommit(cfg, kept, message, commitWork{place, opt.Expect}); res != nil || err != nil {
			return res, err
		}
	}
	if err := place(); err != nil {
		return nil, err
	}
	if err := unchangedSince(r, kept, opt.Expect); err != nil {
		return nil, err // git would commit what someone saved meanwhile
	}
	ctx := context.Background()
	unborn := r.headHash().IsZero()
	if !unborn && len(added) == 0 && !opt.Changed {
		res, err := r.git(ctx, gitRun{args: append([]string{"--literal-pathspecs", "diff", "--quiet", "HEAD", "--"}, kept...)})
		if err != nil {
			return nil, err
		}
		if res.code == 0 {
			return nil, ErrNothingToCommit
		}
	}
	if len(added) > 0 {
		if _, err := r.gitOK(ctx, KindOther, append([]string{"--literal-pathspecs", "add", "--intent-to-add", "--"}, added...)...); err != nil {
			return nil, err
		}
	}
	undoAdd := func() {
		if len(added) > 0 {
			r.git(ctx, gitRun{args: append([]string{"--literal-pathspecs", "rm", "--cached", "--quiet", "--"}, added...)})
		}
	}
	return r.runCommit(ctx, cfg, message, nil, kept, undoAdd)
}

// runCommit runs git commit for every commit jobtui makes: --only the
// paths (none: nothing of the index), with args added (git commit's
// options), the message from a file, git's automatic maintenance skipped
// where it would do nothing (maintenanceIdle), and a refusal read by
// commitRefusal; undo puts the index back when nothing was committed.
func (r *Repo) runCommit(ctx context.Context, cfg settings, message string, args, paths []string, undo func()) (*CommitResult, error) {
	message = strings.TrimRight(message, "\n") + "\n"
	msgFile, err := messageFile(message)
	if err != nil {
		undo()
		return nil, err
	}
	defer os.Remove(msgFile)
	before := r.headHash()
	git := []string{"--literal-pathspecs"}
	if r.maintenanceIdle(cfg) {
		git = append(git, "-c", "maintenance.auto=false")
	}
	git = append(git, "commit", "--quiet", "--only", "--no-edit", "-F", msgFile)
	git = append(append(append(git, args...), "--"), paths...)
	res, err := r.git(ctx, gitRun{args: git})
	if err != nil {
		undo()
		return nil, err
	}
	output := strings.TrimSpace(string(res.stdout) + res.stderr)
	after := r.headHash()
	if res.code != 0 || after == before {
		if after == before {
			undo()
		}
		return nil, commitRefusal(r, cfg, output)
	}
	subject := strings.SplitN(message, "\n", 2)[0]
	if c, err := r.Git.CommitObject(after); err == nil {
		subject = strings.SplitN(c.Message, "\n", 2)[0]
	}
	return &CommitResult{Hash: after, Short: after.String()[:7], Subject: subject, Paths: paths, Output: output}, nil
}

// commitSet sorts the paths to commit: kept are those git commits (files
// on disk, and deletions of files in the index), added those of them that
// are new to the index. A folder is refused.
func (r *Repo) commitSet(paths []string) (added, kept []string, err error) {
	idx, err := r.index()
	if err != nil {
		return nil, nil, err
	}
	inIndex := make(map[string]bool, len(idx.Entries))
	for _, e := range idx.Entries {
		inIndex[e.Name] = true
	}
	for _, p := range paths {
		fi, err := os.Lstat(r.AbsPath(p))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if inIndex[p] {
				kept = append(kept, p) // a deletion to commit
			}
		case err != nil:
			return nil, nil, err
		case fi.IsDir():
			return nil, nil, &Error{Kind: KindOther, Paths: []string{p}, Detail: "a folder, not a file"}
		default:
			if !inIndex[p] {
				added = append(added, p)
			}
			kept = append(kept, p)
		}
	}
	return added, kept, nil
}

// messageFile writes a commit message to a temporary file for git -F.
func messageFile(message string) (string, error) {
	f, err := os.CreateTemp("", "jobtui-commit-*.txt")
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(message); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// commitRefusal says why git commit refused: the index lock taken meanwhile,
// signing (cfg: the settings the commit was checked with), or a hook
// (whose words are kept whole).
func commitRefusal(r *Repo, cfg settings, output string) error {
	low := strings.ToLower(output)
	switch {
	case exists(r.gitFile("index.lock")) && strings.Contains(low, "index.lock"):
		return &Error{Kind: KindIndexLocked, Output: output}
	case strings.Contains(low, "failed to write commit object") || strings.Contains(low, "sign"):
		if cfg.boolean("commit.gpgsign", false) {
			return &Error{Kind: KindSigningFailed, Output: output}
		}
	}
	return &Error{Kind: KindCommitRefused, Output: output}
}

// PrefetchCommitCheck starts reading git's settings in the background (a
// git process where only git can read them, on another core), for the
// CheckCommit and commit of this action, which then use them instead of
// reading them again (an archive checks, then commits: one reading). The
// checks that read files are still made when CheckCommit runs. The action
// calls the returned function when it ends, so that the settings are not
// used later.
func (r *Repo) PrefetchCommitCheck() (done func()) {
	p := &prefetch{settings: sync.OnceValue(r.settings)}
	go p.settings()
	r.signMu.Lock()
	r.signing = p
	r.signMu.Unlock()
	return func() {
		r.signMu.Lock()
		if r.signing == p {
			r.signing = nil
		}
		r.signMu.Unlock()
	}
}

// prefetch is a reading of git's settings under way.
type prefetch struct{ settings func() settings }

// prefetchedSettings are the settings PrefetchCommitCheck started reading,
// until the action ends, else the settings read now.
func (r *Repo) prefetchedSettings() settings {
	r.signMu.Lock()
	p := r.signing
	r.signMu.Unlock()
	if p == nil {
		return r.settings()
	}
	return p.settings()
}

// checkSigning refuses, before anything is written, a commit that git is
// told to sign with a program that is not installed or an SSH key file that
// does not exist; what git alone can tell (a passphrase, an expired key)
// is found when it signs, and the action is then rolled back.
func checkSigning(cfg settings) error {
	if !cfg.boolean("commit.gpgsign", false) {
		return nil
	}
	format := cfg.get("gpg.format")
	if format == "" {
		format = "openpgp"
	}
	program := cfg.get("gpg." + format + ".program")
	if program == "" && format == "openpgp" {
		program = cfg.get("gpg.program")
	}
	if program == "" {
		program = map[string]string{"openpgp": "gpg", "x509": "gpgsm", "ssh": "ssh-keygen"}[format]
	}
	if program != "" {
		if _, err := exec.LookPath(program); err != nil {
			return &Error{Kind: KindSigningFailed, Detail: program + ": not installed"}
		}
	}
	if key := cfg.get("user.signingkey"); format == "ssh" && key != "" && !strings.HasPrefix(key, "key::") && !strings.HasPrefix(key, "ssh-") {
		if strings.HasPrefix(key, "~/") {
			home, _ := os.UserHomeDir()
			key = home + key[1:]
		}
		if !exists(key) {
			return &Error{Kind: KindSigningFailed, Detail: "user.signingkey " + cfg.get("user.signingkey") + ": no such file"}
		}
	}
	return nil
}

// HeadCommit is the commit HEAD points at, zero on an unborn branch.
func (r *Repo) HeadCommit() plumbing.Hash { return r.headHash() }

// headHash is the commit HEAD points at, zero on an unborn branch.
func (r *Repo) headHash() plumbing.Hash {
	ref, err := r.Git.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return plumbing.ZeroHash
	}
	if ref.Type() == plumbing.SymbolicReference {
		if ref, err = r.Git.Storer.Reference(ref.Target()); err != nil {
			return plumbing.ZeroHash
		}
	}
	return ref.Hash()
}

// cleanPaths sorts and dedupes repository paths and refuses any that would
// leave the work tree or reach into .git.
func cleanPaths(repoPaths []string) ([]string, error) {
	if len(repoPaths) == 0 {
		return nil, ErrNothingToCommit
	}
	paths := append([]string(nil), repoPaths...)
	sort.Strings(paths)
	paths = dedupe(paths)
	for _, p := range paths {
		if p == "" || path.IsAbs(p) || p != path.Clean(p) || p == ".." || strings.HasPrefix(p, "../") || p == ".git" || strings.HasPrefix(p, ".git/") {
			return nil, &Error{Kind: KindOutsideRepo, Paths: []string{p}}
		}
	}
	return paths, nil
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}
