package gitops

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
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
// before jobtui wrote or removed it (before, by repository path: an edit the
// person had not committed and the commit included comes back uncommitted,
// not lost; a new file the commit added comes back untracked; a file the
// commit removed comes back with its mode). With before nil, the files
// are left as they are: the commit's changes stay in them, uncommitted (a
// commit of the person's own edits; the empty commit of a review mark).
//
// It does so only when nothing can be lost and nobody else can have the
// commit: the branch is still at c, c has one parent and changes exactly
// c.Paths, no remote-tracking branch contains it, and every one of its files
// is, in the work tree and in the index, as c has it (a removed file is
// absent from both). Otherwise it changes nothing and says why, so that the
// caller makes an inverse commit instead; a file nobody may write is an
// error (KindReadOnly): no commit could set it back. A step that fails puts
// back what the earlier ones did. It is the one way jobtui takes back its
// own commit.
func DropCommit(r *Repo, c *CommitResult, before map[string][]byte) (DropRefusal, error) {
	if c == nil {
		return DropMoved, nil
	}
	if _, err := gitBinary(); err != nil {
		return DropNoGit, nil
	}
	d := &drop{r: r, c: c, commit: c.Hash.String()}
	if why := d.checkBranch(); why != DropDone {
		return why, nil
	}
	if why := d.checkFiles(before); why != DropDone {
		return why, nil
	}
	if len(d.readOnly) > 0 { // an inverse commit would be refused too
		return DropMoved, &Error{Kind: KindReadOnly, Paths: d.readOnly}
	}
	return d.apply(before)
}

// drop is one commit being taken back, and what its checks found.
type drop struct {
	r      *Repo
	c      *CommitResult
	commit string // c's hash
	branch string // the branch at c (refs/heads/…)
	parent string // c's one parent
	paths  []string
	// removed are the paths c removed, with their mode in the parent.
	removed map[string]os.FileMode
	// now are the bytes c left in the other paths.
	now map[string][]byte
	// readOnly are those of the other paths that nobody may write: they
	// would not be put back (model.ErrReadOnly).
	readOnly []string
}

// run runs git with literal paths and C messages; a non-zero exit is an error.
func (d *drop) run(args ...string) (string, error) {
	res, err := d.r.git(context.Background(), gitRun{args: args, env: []string{"GIT_LITERAL_PATHSPECS=1", "LC_ALL=C"}})
	if err != nil {
		return "", err
	}
	if res.code != 0 {
		return string(res.stdout), &Error{Kind: KindOther, Output: strings.TrimSpace(res.stderr)}
	}
	return string(res.stdout), nil
}

// checkBranch finds the branch still at the commit with no merge, rebase,
// cherry-pick or revert under way, the commit's one parent, and no
// remote-tracking branch containing the commit.
func (d *drop) checkBranch() DropRefusal {
	branch, err := d.run("symbolic-ref", "-q", "HEAD")
	if err != nil {
		return DropMoved // detached
	}
	d.branch = strings.TrimSpace(branch)
	if head, err := d.run("rev-parse", "-q", "--verify", "HEAD^{commit}"); err != nil || strings.TrimSpace(head) != d.commit {
		return DropMoved
	}
	for _, f := range []string{"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply"} {
		if exists(d.r.gitFile(f)) {
			return DropMoved
		}
	}
	parents, err := d.run("rev-list", "--parents", "-n", "1", d.commit)
	if err != nil {
		return DropMoved
	}
	fields := strings.Fields(parents)
	if len(fields) != 2 {
		return DropMoved // the first commit, or a merge
	}
	d.parent = fields[1]
	if remotes, err := d.run("for-each-ref", "--contains", d.commit, "--format=%(refname)", "refs/remotes"); err != nil || strings.TrimSpace(remotes) != "" {
		return DropPushed
	}
	return DropDone
}

// checkFiles checks that the commit changes exactly c.Paths, each a file it
// modified or removed, that each is in the work tree and the index as the
// commit has it, and that before holds the bytes to put back for each.
func (d *drop) checkFiles(before map[string][]byte) DropRefusal {
	changes, err := d.changes()
	if err != nil {
		return DropMoved
	}
	want := append([]string(nil), d.c.Paths...)
	sort.Strings(want)
	if len(changes) != len(want) {
		return DropMoved // not the commit jobtui made
	}
	d.paths, d.removed, d.now = want, map[string]os.FileMode{}, map[string][]byte{}
	for _, p := range want {
		ch, ok := changes[p]
		switch {
		case !ok:
			return DropMoved
		case ch.status == "D" && regular(ch.mode):
			d.removed[p] = 0o644
			if ch.mode == "100755" {
				d.removed[p] = 0o755
			}
		case ch.status == "A" && regular(ch.newMode):
			// A new posting's file, committed with its uncommitted bytes
			// (an unarchive that included them): reset takes it out of
			// the index and it comes back untracked, with those bytes.
		case ch.status != "M":
			return DropMoved // not a regular file: not jobtui's
		}
	}
	if len(d.paths) == 0 { // an empty commit: git diff with no path would compare every file
		return DropDone
	}
	if _, err := d.run(append([]string{"diff", "--quiet", d.commit, "--"}, d.paths...)...); err != nil {
		return DropChanged
	}
	if _, err := d.run(append([]string{"diff", "--cached", "--quiet", d.commit, "--"}, d.paths...)...); err != nil {
		return DropChanged
	}
	if before == nil { // the files stay as they are: nothing to read or write
		return DropDone
	}
	for _, p := range d.paths {
		if _, ok := before[p]; !ok {
			return DropChanged
		}
		if _, gone := d.removed[p]; gone {
			// git diff does not see a file made since at a removed path.
			if _, err := os.Lstat(d.r.AbsPath(p)); !errors.Is(err, fs.ErrNotExist) {
				return DropChanged
			}
			continue
		}
		data, err := os.ReadFile(d.r.AbsPath(p))
		if err != nil {
			return DropChanged
		}
		if st, err := os.Stat(d.r.AbsPath(p)); err == nil && model.ReadOnly(st.Mode()) {
			d.readOnly = append(d.readOnly, p)
		}
		d.now[p] = data
	}
	return DropDone
}

// change is one path's change in the commit: its status (M, D, A…) and its
// mode in the parent and in the commit.
type change struct{ status, mode, newMode string }

func regular(mode string) bool { return mode == "100644" || mode == "100755" }

// changes are the commit's changes from its parent, by path.
func (d *drop) changes() (map[string]change, error) {
	out, err := d.run("diff-tree", "--no-commit-id", "-r", "-z", "--no-renames", d.parent, d.commit)
	if err != nil {
		return nil, err
	}
	// -z raw: ":srcmode dstmode srcsha dstsha status\0path\0" for each.
	parts := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	changes := map[string]change{}
	for i := 0; i+1 < len(parts); i += 2 {
		f := strings.Fields(strings.TrimPrefix(parts[i], ":"))
		if len(f) != 5 {
			return nil, &Error{Kind: KindOther, Detail: "git diff-tree: " + parts[i]}
		}
		changes[parts[i+1]] = change{status: f[4], mode: f[0], newMode: f[1]}
	}
	return changes, nil
}

// apply moves the branch back, then the index entries, then each file; a
// step that fails puts back what the earlier ones did.
func (d *drop) apply(before map[string][]byte) (DropRefusal, error) {
	// The branch first: compare-and-swap, so a commit made meanwhile wins.
	if _, err := d.run("update-ref", "-m", "jobtui: undo: "+d.c.Subject, d.branch, d.parent, d.commit); err != nil {
		return DropMoved, nil
	}
	restoreRef := func() {
		d.run("update-ref", "-m", "jobtui: undo failed, back to "+d.c.Short, d.branch, d.commit, d.parent)
	}
	if len(d.paths) == 0 { // git reset with no path would reset the whole index
		return DropDone, nil
	}
	if _, err := d.run(append([]string{"reset", "-q", d.parent, "--"}, d.paths...)...); err != nil {
		restoreRef()
		return DropMoved, err
	}
	if before == nil {
		return DropDone, nil
	}
	for i, p := range d.paths {
		if err := d.putBack(p, before[p]); err != nil {
			for _, w := range d.paths[:i] {
				d.takeBack(w, before[w])
			}
			d.run(append([]string{"reset", "-q", d.commit, "--"}, d.paths...)...)
			restoreRef()
			if errors.Is(err, model.ErrChangedOnDisk) || errors.Is(err, fs.ErrExist) {
				return DropChanged, nil
			}
			return DropMoved, err
		}
	}
	return DropDone, nil
}

// putBack gives path p its bytes from before the commit: a removed file is
// made again (never over one made meanwhile), a modified one is replaced
// only while it still has the bytes the commit left.
func (d *drop) putBack(p string, data []byte) error {
	abs := d.r.AbsPath(p)
	if mode, gone := d.removed[p]; gone {
		if err := model.CreateFile(abs, data); err != nil {
			return err
		}
		if err := os.Chmod(abs, mode); err != nil {
			os.Remove(abs)
			return err
		}
		return nil
	}
	return model.WriteFileAtomic(abs, data, sha256.Sum256(d.now[p]))
}

// takeBack undoes putBack: the file is again as the commit left it.
func (d *drop) takeBack(p string, data []byte) {
	abs := d.r.AbsPath(p)
	if _, gone := d.removed[p]; gone {
		os.Remove(abs)
		return
	}
	model.WriteFileAtomic(abs, d.now[p], sha256.Sum256(data))
}
