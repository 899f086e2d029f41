package demo

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// The demo's repository is written with go-git's object store, as go-git's
// git.PlainInit, Worktree.Add (all) and Worktree.Commit write it: the same
// objects, references, configuration and index. Its root package, which
// holds those, links its transports (net/http, crypto/tls,
// golang.org/x/crypto/ssh and more), whose package initialisation every
// jobtui process paid.

// initRepo makes dir a git repository whose HEAD is branch main, as
// git.PlainInitWithOptions with that default branch does.
func initRepo(dir string) (*filesystem.Storage, error) {
	dot, err := osfs.New(dir).Chroot(".git")
	if err != nil {
		return nil, err
	}
	s := filesystem.NewStorage(dot, cache.NewObjectLRUDefault())
	if err := s.Init(); err != nil {
		return nil, err
	}
	if err := s.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, plumbing.NewBranchReferenceName("main"))); err != nil {
		return nil, err
	}
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	return s, s.SetConfig(cfg)
}

// commitAll stages every file of dir (but .git) and commits them on the
// branch HEAD names, after parent (none: the first commit).
func commitAll(s *filesystem.Storage, dir string, sig object.Signature, msg string, parent plumbing.Hash) (plumbing.Hash, error) {
	idx := &index.Index{Version: 2}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if err == nil && p == filepath.Join(dir, ".git") {
				return filepath.SkipDir
			}
			return err
		}
		return addFile(s, idx, dir, p)
	})
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if err := s.SetIndex(idx); err != nil {
		return plumbing.ZeroHash, err
	}
	tree, err := writeTree(s, idx)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: tree}
	if !parent.IsZero() {
		c.ParentHashes = []plumbing.Hash{parent}
	}
	obj := s.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := s.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	head, err := s.Reference(plumbing.HEAD)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return h, s.SetReference(plumbing.NewHashReference(head.Target(), h))
}

// addFile stores the file p as a blob and gives it an index entry with its
// stat data.
func addFile(s *filesystem.Storage, idx *index.Index, dir, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	obj := s.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	h, err := s.SetEncodedObject(obj)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return err
	}
	mode, err := filemode.NewFromOSFileMode(fi.Mode())
	if err != nil {
		return err
	}
	e := idx.Add(filepath.ToSlash(rel))
	e.Hash, e.Mode, e.ModifiedAt, e.Size = h, mode, fi.ModTime(), uint32(fi.Size())
	fillStat(e, fi)
	return nil
}

// writeTree stores the trees of the index's files and returns the root's,
// as go-git's commit does (entries in git's order: a folder's name as if
// it ended in a slash).
func writeTree(s *filesystem.Storage, idx *index.Index) (plumbing.Hash, error) {
	trees := map[string]*object.Tree{"": {}}
	for _, e := range idx.Entries {
		parent := ""
		parts := strings.Split(e.Name, "/")
		for i, part := range parts {
			full := path.Join(parent, part)
			if _, ok := trees[full]; !ok && i < len(parts)-1 {
				trees[full] = &object.Tree{}
				trees[parent].Entries = append(trees[parent].Entries, object.TreeEntry{Name: part, Mode: filemode.Dir})
			} else if i == len(parts)-1 {
				trees[parent].Entries = append(trees[parent].Entries, object.TreeEntry{Name: part, Mode: e.Mode, Hash: e.Hash})
			}
			parent = full
		}
	}
	return storeTree(s, trees, "")
}

func storeTree(s *filesystem.Storage, trees map[string]*object.Tree, name string) (plumbing.Hash, error) {
	t := trees[name]
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(t.Entries, func(i, j int) bool { return key(t.Entries[i]) < key(t.Entries[j]) })
	for i, e := range t.Entries {
		if e.Mode == filemode.Dir {
			h, err := storeTree(s, trees, path.Join(name, e.Name))
			if err != nil {
				return plumbing.ZeroHash, err
			}
			t.Entries[i].Hash = h
		}
	}
	obj := s.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(obj)
}

// at is sig made at t.
func at(sig object.Signature, t time.Time) object.Signature {
	sig.When = t
	return sig
}
