package gitops

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// objectReader reads trees and commits for one goroutine of a walk (the
// walk itself or a prefetch worker): from the mapped pack files first, and
// from a go-git store of its own, opened when first needed, what they do
// not hold (loose objects, packs it cannot read).
type objectReader struct {
	r    *Repo
	pack *packReader // nil: no pack files mapped
	st   *filesystem.Storage
}

// readers gives a new objectReader for each goroutine of one walk.
func (r *Repo) readers(packs *packSet) func() *objectReader {
	return func() *objectReader {
		o := &objectReader{r: r}
		if packs != nil {
			o.pack = newPackReader(packs)
		}
		return o
	}
}

func (o *objectReader) store() *filesystem.Storage {
	if o.st == nil {
		o.st = o.r.walkStore(64 * cache.MiByte)
	}
	return o.st
}

// commonDir is the folder that holds the repository's objects: the git
// folder, or for a linked worktree (whose git folder is
// .git/worktrees/NAME) the one its commondir file names. Open finds it.
func (r *Repo) commonDir() string {
	if r.common != "" {
		return r.common
	}
	return findCommonDir(r.GitDir)
}

func findCommonDir(gitDir string) string {
	data, err := os.ReadFile(filepath.Join(gitDir, "commondir"))
	if err != nil {
		return gitDir
	}
	d := strings.TrimSpace(string(data))
	if !filepath.IsAbs(d) {
		d = filepath.Join(gitDir, d)
	}
	return filepath.Clean(d)
}

// tree is a tree object's content (not to be modified).
func (o *objectReader) tree(h plumbing.Hash) ([]byte, error) {
	if o.pack != nil {
		if typ, data, ok := o.pack.read(h); ok && typ == plumbing.TreeObject {
			return data, nil
		}
	}
	return rawObject(o.store(), plumbing.TreeObject, h)
}

func (o *objectReader) commit(h plumbing.Hash) (*object.Commit, error) {
	if o.pack != nil {
		if typ, data, ok := o.pack.read(h); ok && typ == plumbing.CommitObject {
			mo := &plumbing.MemoryObject{}
			mo.SetType(plumbing.CommitObject)
			mo.Write(data)
			c := &object.Commit{}
			if err := c.Decode(mo); err == nil {
				c.Hash = h
				return c, nil
			}
		}
	}
	return object.GetCommit(o.store(), h)
}

func (o *objectReader) close() {
	if o.st != nil {
		o.st.Close()
	}
}

// walkStore is an object store for a long read: pack files kept open and
// memory-mapped, an object cache of the given size.
func (r *Repo) walkStore(size cache.FileSize) *filesystem.Storage {
	return filesystem.NewStorageWithOptions(gitAlternates{mappedPacks(osfs.New(r.commonDir()))}, cache.NewObjectLRU(size), storeOptions(true, r.commonDir()))
}

// walkRepo opens the object store for a long walk: go-git otherwise opens
// the pack file again for every object it reads (measured: a third of the
// walk in open and lstat calls). done closes the kept descriptors; a
// repository that cannot be opened this way is walked as is.
func (r *Repo) walkRepo() (repo *Store, done func()) {
	st := r.walkStore(256 * cache.MiByte)
	repo = &Store{Storer: st}
	err := checkStore(st) // as go-git's git.Open
	if err == nil {
		_, err = repo.Head()
	}
	if err != nil {
		st.Close()
		return r.Git, func() {}
	}
	return repo, func() { st.Close() }
}

// commitGraph opens the repository's commit-graph file (or chain), nil
// when there is none or it cannot be read: the walk then reads commits.
// The single file is read into memory first: go-git's reader otherwise
// makes several small reads per commit.
func (r *Repo) commitGraph() commitgraph.Index {
	if data, err := os.ReadFile(filepath.Join(r.commonDir(), "objects", "info", "commit-graph")); err == nil {
		if idx, err := commitgraph.OpenFileIndex(memFile{bytes.NewReader(data)}); err == nil {
			return idx
		}
	}
	idx, err := commitgraph.OpenChainOrFileIndex(osfs.New(r.commonDir()))
	if err != nil {
		return nil
	}
	return idx
}

type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }
