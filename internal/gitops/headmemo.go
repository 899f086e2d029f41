package gitops

import (
	"errors"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// headMemo keeps the folders of HEAD's tree read so far, decoded, while
// HEAD stays the same commit: States looks its paths up there, and
// PrefetchArchive reads them ahead while the postings are read. Every
// use holds mu (go-git's trees are not for two goroutines).
type headMemo struct {
	mu      sync.Mutex
	commit  plumbing.Hash // HEAD's commit the folders are of
	root    plumbing.Hash // its tree
	folders map[plumbing.Hash]map[string]object.TreeEntry
}

// headEntries gives the object id in HEAD's tree of each of paths found
// there (repository paths, slash-separated); born is false on an unborn
// branch (no HEAD commit).
func (r *Repo) headEntries(paths []string) (ids map[string]plumbing.Hash, born bool, err error) {
	ref, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	m := &r.head
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.folders == nil || m.commit != ref.Hash() {
		c, err := r.Git.CommitObject(ref.Hash())
		if err != nil {
			return nil, false, err
		}
		m.commit, m.root, m.folders = ref.Hash(), c.TreeHash, map[plumbing.Hash]map[string]object.TreeEntry{}
	}
	ids = make(map[string]plumbing.Hash, len(paths))
	for _, p := range paths {
		e, err := m.find(r, p)
		if err != nil {
			return nil, true, err
		}
		if e != nil {
			ids[p] = e.Hash
		}
	}
	return ids, true, nil
}

// find is the entry at p under the root, or nil where there is none (or
// a folder on the way cannot be read: as go-git's FindEntry, only the
// root's tree must be); a folder's own entries are read too (the
// prefetch reads them ahead).
func (m *headMemo) find(r *Repo, p string) (*object.TreeEntry, error) {
	entries, err := m.folder(r, m.root)
	if err != nil {
		return nil, err
	}
	for {
		name, rest, deeper := strings.Cut(p, "/")
		e, ok := entries[name]
		switch {
		case !ok:
			return nil, nil
		case !deeper:
			if e.Mode == filemode.Dir {
				m.folder(r, e.Hash)
			}
			return &e, nil
		case e.Mode != filemode.Dir:
			return nil, nil
		}
		if entries, err = m.folder(r, e.Hash); err != nil {
			return nil, nil
		}
		p = rest
	}
}

// folder is the tree h's entries by name, decoded once.
func (m *headMemo) folder(r *Repo, h plumbing.Hash) (map[string]object.TreeEntry, error) {
	if f, ok := m.folders[h]; ok {
		return f, nil
	}
	t, err := object.GetTree(r.Git.Storer, h)
	if err != nil {
		return nil, err
	}
	f := make(map[string]object.TreeEntry, len(t.Entries))
	for _, e := range t.Entries {
		f[e.Name] = e
	}
	m.folders[h] = f
	return f, nil
}

// PrefetchArchive starts reading, on another goroutine, what an archive
// (or any commit of a few files) reads from git before it writes: git's
// settings (as PrefetchCommitCheck), the index, and HEAD's folders on
// the way to each of dirs (absolute paths; those outside the work tree
// are left out), so that this happens while the postings are read. wait
// waits for it: the Repo is not to be used for anything else before
// (done, from PrefetchCommitCheck, is called when the settings are no
// longer wanted).
func (r *Repo) PrefetchArchive(dirs []string) (wait, done func()) {
	done = r.PrefetchCommitCheck()
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		r.index()
		var paths []string
		for _, d := range dirs {
			if p, err := r.RepoPath(d); err == nil && p != "." {
				paths = append(paths, p)
			}
		}
		r.headEntries(paths)
	}()
	return func() { <-finished }, done
}
