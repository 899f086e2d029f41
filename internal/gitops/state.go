package gitops

import (
	"errors"
	"io/fs"
	"os"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// FileState is where a file stands against the index and HEAD.
type FileState int

const (
	StateUnchanged FileState = iota // as in HEAD
	StateModified                   // the working copy differs from the index
	StateStaged                     // the index differs from HEAD
	StateUntracked                  // new: not in the index
	StateDeleted                    // in the index or HEAD, gone from disk
)

func (s FileState) String() string {
	return [...]string{"unchanged", "modified", "staged", "new", "deleted"}[s]
}

// headTree is HEAD's tree, or nil on an unborn branch.
func (r *Repo) headTree() (*object.Tree, *object.Commit, error) {
	ref, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	c, err := r.Git.CommitObject(ref.Hash())
	if err != nil {
		return nil, nil, err
	}
	t, err := c.Tree()
	return t, c, err
}

// States tells the state of each path (repository-relative). It compares
// each file with its index entry (size and mtime first, content hash only
// when they differ) and the index with HEAD's tree: no walk of the whole
// work tree. Paths neither on disk, in the index nor in HEAD are left out.
func (r *Repo) States(repoPaths []string) (map[string]FileState, error) {
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	entries := make(map[string]*index.Entry, len(idx.Entries))
	for _, e := range idx.Entries {
		if e.Stage == 0 {
			entries[e.Name] = e
		}
	}
	tree, _, err := r.headTree()
	if err != nil {
		return nil, err
	}
	out := make(map[string]FileState, len(repoPaths))
	for _, p := range repoPaths {
		var headHash plumbing.Hash
		if tree != nil {
			if f, err := tree.FindEntry(p); err == nil {
				headHash = f.Hash
			}
		}
		e := entries[p]
		fi, statErr := os.Lstat(r.AbsPath(p))
		switch {
		case statErr != nil && errors.Is(statErr, fs.ErrNotExist):
			if e != nil || !headHash.IsZero() {
				out[p] = StateDeleted
			}
			continue
		case statErr != nil:
			return nil, statErr
		case e == nil:
			out[p] = StateUntracked
			continue
		}
		if e.IntentToAdd || fileDiffers(r, p, e, fi) {
			out[p] = StateModified
		} else if e.Hash != headHash {
			out[p] = StateStaged
		} else {
			out[p] = StateUnchanged
		}
	}
	return out, nil
}

// fileDiffers compares a working file with its index entry as git does:
// same size and mtime mean unchanged; otherwise hash the content.
func fileDiffers(r *Repo, p string, e *index.Entry, fi os.FileInfo) bool {
	if uint32(fi.Size()) == e.Size && fi.ModTime().Equal(e.ModifiedAt) {
		return false
	}
	h, mode, err := hashWorkFile(r.AbsPath(p), fi)
	if err != nil {
		return true
	}
	return h != e.Hash || mode != e.Mode
}

// hashWorkFile is the blob hash and mode git would record for a file.
func hashWorkFile(abs string, fi os.FileInfo) (plumbing.Hash, filemode.FileMode, error) {
	data, mode, err := readWorkFile(abs, fi)
	if err != nil {
		return plumbing.ZeroHash, 0, err
	}
	return plumbing.ComputeHash(plumbing.BlobObject, data), mode, nil
}

// readWorkFile reads a working file as git stores it: a symlink's target,
// or the content with the executable bit as the mode.
func readWorkFile(abs string, fi os.FileInfo) ([]byte, filemode.FileMode, error) {
	if fi.Mode()&os.ModeSymlink != 0 {
		target, err := os.Readlink(abs)
		return []byte(target), filemode.Symlink, err
	}
	data, err := os.ReadFile(abs)
	mode := filemode.Regular
	if fi.Mode()&0o111 != 0 {
		mode = filemode.Executable
	}
	return data, mode, err
}
