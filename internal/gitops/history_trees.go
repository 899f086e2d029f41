package gitops

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// treeReader finds the tree of each folder of the walk in a commit's root
// tree, reading from one object store (not safe for concurrent use: each
// prefetch worker has its own). The folders' paths make a trie: from the
// root down, each level looks up only the names on the way, in the raw
// tree object (no entry list made), and a level whose tree is the same as
// one met just before (the common case: a commit changes one folder) takes
// the hashes below it from there, as git compares trees level by level.
type treeReader struct {
	raw    func(plumbing.Hash) ([]byte, error) // a tree object's content
	failed *readFailure                        // the walk's first tree that could not be read
	dirs   []string
	trie   []trieNode // trie[0]: the root
	trees  map[plumbing.Hash][]object.TreeEntry
	slab   []plumbing.Hash // what dirHashes hands out its results from
	recent [16]struct {
		tree plumbing.Hash
		data []byte
	}
}

// trieNode is a folder on the way to some of the walk's folders.
type trieNode struct {
	name string // its name in its parent
	kids []int  // trie indexes of the folders below it on the way
	dirs []int  // the walk's folders it is (at most one, in practice)
	memo [trieMemoSlots]trieMemo
}

const trieMemoSlots = 8

// trieMemo is a tree of the folder met before and its kids' hashes.
type trieMemo struct {
	tree plumbing.Hash
	kids []plumbing.Hash
}

func newTreeReader(raw func(plumbing.Hash) ([]byte, error), dirs []string, failed *readFailure) *treeReader {
	t := &treeReader{raw: raw, failed: failed, dirs: dirs, trie: []trieNode{{}}, trees: map[plumbing.Hash][]object.TreeEntry{}}
	for k, d := range dirs {
		at := 0
		if d != "." {
			for _, name := range strings.Split(d, "/") {
				at = t.kid(at, name)
			}
		}
		t.trie[at].dirs = append(t.trie[at].dirs, k)
	}
	return t
}

// read is a tree object's content; a tree that cannot be read (missing:
// a damaged repository, a partial clone without trees) is kept in failed:
// the walk fails with it rather than take the folder for absent, and a
// prefetch worker leaves that commit to the walk.
func (t *treeReader) read(h plumbing.Hash) ([]byte, error) {
	data, err := t.raw(h)
	if err != nil && t.failed != nil {
		t.failed.set(fmt.Errorf("read tree %s: %w", h, err))
	}
	return data, err
}

// readFailure is the first read error of a tree reader since it was last
// taken (each reader has its own: the walk's, each prefetch worker's).
type readFailure struct{ err error }

func (f *readFailure) set(err error) {
	if f.err == nil {
		f.err = err
	}
}

// take is the error kept, which it clears.
func (f *readFailure) take() error {
	err := f.err
	f.err = nil
	return err
}

func (t *treeReader) kid(at int, name string) int {
	for _, k := range t.trie[at].kids {
		if t.trie[k].name == name {
			return k
		}
	}
	t.trie = append(t.trie, trieNode{name: name})
	t.trie[at].kids = append(t.trie[at].kids, len(t.trie)-1)
	return len(t.trie) - 1
}

// entries is a tree's entries, nil when it cannot be read.
func (t *treeReader) entries(h plumbing.Hash) []object.TreeEntry {
	if es, ok := t.trees[h]; ok {
		return es
	}
	var es []object.TreeEntry
	data, err := t.read(h)
	if err != nil {
		return nil // not kept: each use meets the error
	}
	es, _ = parseTree(string(data))
	if len(t.trees) > 1<<14 {
		clear(t.trees) // a long walk only looks back a few commits
	}
	t.trees[h] = es
	return es
}

// dirHashes is the tree hash of each folder in a root tree (zero: absent).
func (t *treeReader) dirHashes(root plumbing.Hash) []plumbing.Hash {
	if len(t.slab) < len(t.dirs) {
		t.slab = make([]plumbing.Hash, 1024*len(t.dirs))
	}
	hs := t.slab[:len(t.dirs):len(t.dirs)]
	t.slab = t.slab[len(t.dirs):]
	t.resolve(0, root, hs)
	return hs
}

// resolve fills in hs below trie node at, whose tree is h (zero: absent).
func (t *treeReader) resolve(at int, h plumbing.Hash, hs []plumbing.Hash) {
	n := &t.trie[at]
	for _, k := range n.dirs {
		hs[k] = h
	}
	if len(n.kids) == 0 {
		return
	}
	var kids []plumbing.Hash
	if !h.IsZero() {
		m := &n.memo[h[0]%trieMemoSlots]
		if m.kids == nil || m.tree != h {
			if m.kids == nil {
				m.kids = make([]plumbing.Hash, len(n.kids))
			}
			m.tree = h
			if !t.subfolders(n, h, m.kids) {
				m.tree = plumbing.ZeroHash // not kept: each use meets the error
			}
		}
		kids = m.kids
	}
	for i, k := range n.kids {
		var kh plumbing.Hash
		if kids != nil {
			kh = kids[i]
		}
		t.resolve(k, kh, hs)
	}
}

// subfolders reads the hashes of n's kids in tree h (zero: absent); false
// when the tree cannot be read.
func (t *treeReader) subfolders(n *trieNode, h plumbing.Hash, out []plumbing.Hash) bool {
	clear(out)
	data, err := t.read(h)
	if err != nil {
		return false
	}
	// A malformed entry ends the reading: what was read stands.
	for e, ok := readEntry(data); ok; e, ok = readEntry(e.rest) {
		if e.mode != filemode.Dir {
			continue
		}
		for i, k := range n.kids {
			if string(e.name) == t.trie[k].name {
				copy(out[i][:], e.hash)
			}
		}
	}
	return true
}

// fileHash is the entry of a file in a folder tree (zero: absent).
func (t *treeReader) fileHash(dir plumbing.Hash, name string) plumbing.Hash {
	if dir.IsZero() {
		return plumbing.ZeroHash
	}
	for _, e := range t.entries(dir) {
		if e.Name == name && e.Mode != filemode.Dir && e.Mode != filemode.Submodule {
			return e.Hash
		}
	}
	return plumbing.ZeroHash
}

// rawTree is a tree object's content from a small cache of the last few
// read: comparing folders reads each version twice, as a commit's and as
// its parent's. nil when it cannot be read.
func (t *treeReader) rawTree(h plumbing.Hash) []byte {
	c := &t.recent[h[0]%uint8(len(t.recent))]
	if c.data != nil && c.tree == h {
		return c.data
	}
	data, err := t.read(h)
	if err != nil {
		return nil
	}
	c.tree, c.data = h, data
	return data
}

// differing adds to out the paths of folder k whose entries differ between
// two versions of the folder, walking both raw trees once in git's order.
func (w *histWalker) differing(k int, a, b plumbing.Hash, out pathSet) {
	var da, db []byte
	if !a.IsZero() {
		da = w.rawTree(a)
	}
	if !b.IsZero() {
		db = w.rawTree(b)
	}
	if !validTree(da) {
		da = nil
	}
	if !validTree(db) {
		db = nil
	}
	in := w.inDir[k]
	mark := func(e rawEntry) {
		if i, ok := in[string(e.name)]; ok {
			out.add(i)
		}
	}
	ea, okA := readEntry(da)
	eb, okB := readEntry(db)
	for okA || okB {
		c := 0
		switch {
		case !okB:
			c = -1
		case !okA:
			c = 1
		default:
			c = rawOrder(ea, eb)
		}
		switch {
		case c < 0:
			mark(ea)
		case c > 0:
			mark(eb)
		case ea.mode != eb.mode || !bytes.Equal(ea.hash, eb.hash):
			mark(ea)
		}
		if c <= 0 {
			ea, okA = readEntry(ea.rest)
		}
		if c >= 0 {
			eb, okB = readEntry(eb.rest)
		}
	}
}

// rawEntry is an entry of a raw tree; rest is what follows it.
type rawEntry struct {
	name, hash, rest []byte
	mode             filemode.FileMode
}

// readEntry reads the entry at the start of data, false at its end or on
// a malformed entry.
func readEntry(data []byte) (rawEntry, bool) {
	sp := bytes.IndexByte(data, ' ')
	if sp <= 0 {
		return rawEntry{}, false
	}
	var mode uint32
	for _, c := range data[:sp] {
		if c < '0' || c > '7' {
			return rawEntry{}, false
		}
		mode = mode<<3 | uint32(c-'0')
	}
	data = data[sp+1:]
	nul := bytes.IndexByte(data, 0)
	if nul <= 0 || len(data) < nul+21 {
		return rawEntry{}, false
	}
	return rawEntry{name: data[:nul], hash: data[nul+1 : nul+21], rest: data[nul+21:], mode: filemode.FileMode(mode)}, true
}

// validTree tells whether every entry of a raw tree reads (a tree that
// does not is compared as empty, as one that cannot be read).
func validTree(data []byte) bool {
	for len(data) > 0 {
		e, ok := readEntry(data)
		if !ok {
			return false
		}
		data = e.rest
	}
	return true
}

// rawOrder compares entries as git sorts a tree: by name, a folder's name
// read with a trailing slash.
func rawOrder(a, b rawEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	return nameEnd(a, n) - nameEnd(b, n)
}

// nameEnd is the byte of an entry's name at n, as git sorts names.
func nameEnd(e rawEntry, n int) int {
	switch {
	case n < len(e.name):
		return int(e.name[n])
	case e.mode == filemode.Dir:
		return '/'
	}
	return 0
}
