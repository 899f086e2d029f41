package gitops

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// treeStore opens a separate object store for a prefetch worker.
func (r *Repo) treeStore() (func(plumbing.Hash) ([]object.TreeEntry, error), func()) {
	st := r.walkStore(64 * cache.MiByte)
	return func(h plumbing.Hash) ([]object.TreeEntry, error) { return readTree(st, h) }, func() { st.Close() }
}

// walkStore is an object store for a long read: pack files kept open and
// memory-mapped, an object cache of the given size.
func (r *Repo) walkStore(size cache.FileSize) *filesystem.Storage {
	return filesystem.NewStorageWithOptions(mappedPacks(osfs.New(r.GitDir)), cache.NewObjectLRU(size), filesystem.Options{KeepDescriptors: true})
}

// walkRepo opens the object store for a long walk: go-git otherwise opens
// the pack file again for every object it reads (measured: a third of the
// walk in open and lstat calls). done closes the kept descriptors; a
// repository that cannot be opened this way is walked as is.
func (r *Repo) walkRepo() (repo *git.Repository, done func()) {
	st := r.walkStore(256 * cache.MiByte)
	repo, err := git.Open(st, nil)
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
	if data, err := os.ReadFile(filepath.Join(r.GitDir, "objects", "info", "commit-graph")); err == nil {
		if idx, err := commitgraph.OpenFileIndex(memFile{bytes.NewReader(data)}); err == nil {
			return idx
		}
	}
	idx, err := commitgraph.OpenChainOrFileIndex(osfs.New(r.GitDir))
	if err != nil {
		return nil
	}
	return idx
}

type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }
