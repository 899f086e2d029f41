package gitops

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

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
	headIDs, _, err := r.headEntries(repoPaths)
	if err != nil {
		return nil, err
	}
	var indexTime time.Time // zero: every entry is compared by content
	if fi, err := os.Stat(r.gitFile("index")); err == nil {
		indexTime = fi.ModTime()
	}
	out := make(map[string]FileState, len(repoPaths))
	heads := map[string]plumbing.Hash{}
	var unsure []string
	for _, p := range repoPaths {
		headHash := headIDs[p]
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
		differs := contentDiffers(r, p, e, fi, indexTime)
		switch {
		case e.IntentToAdd || differs == differsYes:
			out[p] = StateModified
		case differs == differsUnsure:
			unsure = append(unsure, p)
		case e.Hash != headHash:
			out[p] = StateStaged
		default:
			out[p] = StateUnchanged
		}
		heads[p] = headHash
	}
	r.settleUnsure(out, unsure, entries, heads)
	return out, nil
}

// settleUnsure decides the files whose bytes differ from their index entry
// although their mode does not: git's clean filters and end-of-line
// conversion (.gitattributes, core.autocrlf) may store those bytes as the
// entry's blob. git hash-object, given the files' paths, hashes them as
// git add would; where git cannot say, the file counts as modified.
func (r *Repo) settleUnsure(out map[string]FileState, unsure []string, entries map[string]*index.Entry, heads map[string]plumbing.Hash) {
	if len(unsure) == 0 {
		return
	}
	if !r.conversionsMayApply(unsure) { // the bytes are the blob: modified
		for _, p := range unsure {
			out[p] = StateModified
		}
		return
	}
	res, err := r.git(context.Background(), gitRun{args: []string{"hash-object", "--stdin-paths"},
		stdin: strings.NewReader(strings.Join(unsure, "\n") + "\n")})
	var hashes []string
	if err == nil && res.code == 0 {
		hashes = strings.Fields(string(res.stdout))
	}
	for i, p := range unsure {
		switch {
		case len(hashes) != len(unsure) || plumbing.NewHash(hashes[i]) != entries[p].Hash:
			out[p] = StateModified
		case entries[p].Hash != heads[p]:
			out[p] = StateStaged
		default:
			out[p] = StateUnchanged
		}
	}
}

// A working file against its index entry.
const (
	differsNo     = iota
	differsYes    // another mode, or unreadable
	differsUnsure // other bytes: git's filters may store them as the entry
)

// contentDiffers compares a working file with its index entry as git does:
// the same stat data (size, mtime, ctime, inode) means unchanged, unless
// the entry is racily clean (written no earlier than the index itself,
// indexTime: the file may have changed in the same instant); otherwise
// the content is hashed.
func contentDiffers(r *Repo, p string, e *index.Entry, fi os.FileInfo, indexTime time.Time) int {
	if statClean(e, fi) && e.ModifiedAt.Before(indexTime) {
		return differsNo
	}
	h, mode, err := hashWorkFile(r.AbsPath(p), fi)
	switch {
	case err != nil || mode != e.Mode:
		return differsYes
	case h != e.Hash && mode == filemode.Symlink:
		return differsYes
	case h != e.Hash:
		return differsUnsure
	}
	return differsNo
}

// statClean tells that a file's stat data is the one its index entry
// keeps (the ctime and inode where the system gives them).
func statClean(e *index.Entry, fi os.FileInfo) bool {
	if uint32(fi.Size()) != e.Size || !fi.ModTime().Equal(e.ModifiedAt) {
		return false
	}
	ctime, ino, ok := changeFacts(fi)
	return !ok || (ctime.Equal(e.CreatedAt) && ino == e.Inode)
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
		data, err := readWorkBytes(abs, true)
		return data, filemode.Symlink, err
	}
	data, err := readWorkBytes(abs, false)
	mode := filemode.Regular
	if fi.Mode()&0o111 != 0 {
		mode = filemode.Executable
	}
	return data, mode, err
}

// readWorkBytes is what git stores of a working file whose type its lstat
// gave: a symbolic link's target, else the content.
func readWorkBytes(abs string, symlink bool) ([]byte, error) {
	if symlink {
		target, err := os.Readlink(abs)
		return []byte(target), err
	}
	return os.ReadFile(abs)
}

// conversionsMayApply tells whether git may store the files at paths as
// other bytes than theirs: core.autocrlf is set, or an attributes file git
// reads exists (the global one, info/attributes, a .gitattributes in the
// work tree's root or in a folder above one of the files). Where none
// does, a file whose bytes differ from its entry is modified, and no git
// process is started to say so (States runs on every reload of the app).
func (r *Repo) conversionsMayApply(paths []string) bool {
	return r.conversionsMayApplyWith(r.settings(), paths)
}

// conversionsMayApplyWith is conversionsMayApply with git's settings
// already read.
func (r *Repo) conversionsMayApplyWith(cfg settings, paths []string) bool {
	if v := strings.ToLower(cfg.get("core.autocrlf")); v != "" && v != "false" {
		return true
	}
	files := []string{filepath.Join(r.commonDir(), "info", "attributes")}
	if f := cfg.get("core.attributesfile"); f != "" {
		files = append(files, expandIncludePath(f, filepath.Join(r.Root, "x")))
	} else if xdg := os.Getenv("XDG_CONFIG_HOME"); xdg != "" {
		files = append(files, filepath.Join(xdg, "git", "attributes"))
	} else if home, err := os.UserHomeDir(); err == nil {
		files = append(files, filepath.Join(home, ".config", "git", "attributes"))
	}
	dirs := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
			files = append(files, filepath.Join(r.Root, filepath.FromSlash(d), ".gitattributes"))
			if d == "." {
				break
			}
		}
	}
	for _, f := range files {
		if _, err := os.Lstat(f); err == nil || !os.IsNotExist(err) {
			return true
		}
	}
	return false
}
