package gitops

import (
	"bytes"
	"container/heap"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math/bits"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/jobtui/jobtui/internal/model"
)

// Change is the last commit that changed a file.
type Change struct {
	Hash    plumbing.Hash `json:"hash"`
	When    time.Time     `json:"when"`
	Subject string        `json:"subject"`
	Author  string        `json:"author"`
}

// LastChanges finds, for every path (repository-relative), the last commit
// that changed it, as `git log -1 -- <path>` reports it with git's default
// history simplification: at a merge, a path the same as in one parent
// follows that parent only, and a commit changes a path when it differs from
// every parent. It is one walk from HEAD for all the paths, newest commits
// first, comparing folder tree hashes before files and stopping once every
// path is resolved. Paths not in HEAD are left out. Results are cached under
// the git folder, keyed by HEAD and the paths.
func (r *Repo) LastChanges(paths []string) (map[string]*Change, error) {
	head, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return map[string]*Change{}, nil
	}
	if err != nil {
		return nil, err
	}
	key := historyCacheKey(head.Hash(), paths)
	if cached, ok := r.readHistoryCache(key); ok {
		return cached, nil
	}
	repo, done := r.walkRepo()
	graph := r.commitGraph()
	out, err := lastChanges(repo, graph, head.Hash(), paths, r.treeStore)
	if graph != nil {
		if c, ok := graph.(io.Closer); ok {
			c.Close()
		}
	}
	done()
	if err != nil {
		return nil, err
	}
	r.writeHistoryCache(key, out)
	return out, nil
}

// histNode is what the walk needs of a commit: its root tree, parents and
// commit time, from the commit-graph file when the commit is in it (no
// object to inflate), else from the commit object.
type histNode struct {
	tree    plumbing.Hash
	parents []plumbing.Hash
	when    time.Time
	gen     uint64 // the commit-graph's generation number, 0 when unknown
}

// pathSet is a set of path indexes.
type pathSet []uint64

func newPathSet(n int) pathSet   { return make(pathSet, (n+63)/64) }
func (s pathSet) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s pathSet) clone() pathSet { return append(pathSet(nil), s...) }
func (s pathSet) or(o pathSet) {
	for i := range s {
		s[i] |= o[i]
	}
}
func (s pathSet) andNot(o pathSet) {
	for i := range s {
		s[i] &^= o[i]
	}
}
func (s pathSet) equal(o pathSet) bool {
	for i := range s {
		if s[i] != o[i] {
			return false
		}
	}
	return true
}
func (s pathSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}
func (s pathSet) each(f func(i int)) {
	for wi, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			f(wi*64 + b)
			w &^= 1 << b
		}
	}
}

// histWalker walks history for a fixed list of paths, grouped by folder:
// at each commit it compares the folders' tree hashes with the parents'
// first, and looks at file entries only in a folder that differs.
type histWalker struct {
	repo  *git.Repository
	graph commitgraph.Index // nil without a commit-graph file

	paths   []string
	dirs    []string         // the distinct folders of the paths
	dirOf   []int            // path index -> folder index
	base    []string         // path index -> file name
	inDir   []map[string]int // folder index -> file name -> path index
	dirMask []pathSet        // folder index -> its paths

	nodes map[plumbing.Hash]*histNode
	*treeReader
	ahead *prefetcher // nil: no other core to read ahead with
}

// treeReader reads trees from one object store (not safe for concurrent
// use: each prefetch worker has its own).
type treeReader struct {
	get      func(plumbing.Hash) ([]object.TreeEntry, error)
	dirs     []string
	trees    map[plumbing.Hash][]object.TreeEntry
	dirCache map[plumbing.Hash][]plumbing.Hash // root tree -> folder hashes
}

func newTreeReader(get func(plumbing.Hash) ([]object.TreeEntry, error), dirs []string) *treeReader {
	return &treeReader{get: get, dirs: dirs, trees: map[plumbing.Hash][]object.TreeEntry{}, dirCache: map[plumbing.Hash][]plumbing.Hash{}}
}

func newHistWalker(repo *git.Repository, graph commitgraph.Index, paths []string) *histWalker {
	w := &histWalker{repo: repo, graph: graph, paths: paths, nodes: map[plumbing.Hash]*histNode{}}
	dirIndex := map[string]int{}
	for i, p := range paths {
		d := path.Dir(p)
		k, ok := dirIndex[d]
		if !ok {
			k = len(w.dirs)
			dirIndex[d] = k
			w.dirs = append(w.dirs, d)
			w.inDir = append(w.inDir, map[string]int{})
			w.dirMask = append(w.dirMask, newPathSet(len(paths)))
		}
		w.dirOf = append(w.dirOf, k)
		w.base = append(w.base, path.Base(p))
		w.inDir[k][path.Base(p)] = i
		w.dirMask[k].add(i)
	}
	w.treeReader = newTreeReader(func(h plumbing.Hash) ([]object.TreeEntry, error) { return readTree(repo.Storer, h) }, w.dirs)
	return w
}

func (w *histWalker) node(h plumbing.Hash) (*histNode, error) {
	if n, ok := w.nodes[h]; ok {
		return n, nil
	}
	var n *histNode
	if w.graph != nil {
		if i, err := w.graph.GetIndexByHash(h); err == nil {
			if d, err := w.graph.GetCommitDataByIndex(i); err == nil {
				n = &histNode{tree: d.TreeHash, parents: d.ParentHashes, when: d.When, gen: d.Generation}
			}
		}
	}
	if n == nil {
		c, err := w.repo.CommitObject(h)
		if err != nil {
			return nil, err
		}
		n = &histNode{tree: c.TreeHash, parents: c.ParentHashes, when: c.Committer.When}
	}
	w.nodes[h] = n
	return n, nil
}

// entries is a tree's entries, nil when it cannot be read.
func (w *treeReader) entries(h plumbing.Hash) []object.TreeEntry {
	if es, ok := w.trees[h]; ok {
		return es
	}
	var es []object.TreeEntry
	if t, err := w.get(h); err == nil {
		es = t
	}
	w.keep(h, es)
	return es
}

func (w *treeReader) keep(h plumbing.Hash, es []object.TreeEntry) {
	if len(w.trees) > 1<<14 {
		clear(w.trees) // a long walk only looks back a few commits
	}
	w.trees[h] = es
}

func (w *treeReader) child(tree plumbing.Hash, name string) plumbing.Hash {
	for _, e := range w.entries(tree) {
		if e.Name == name && e.Mode == filemode.Dir {
			return e.Hash
		}
	}
	return plumbing.ZeroHash
}

// dirHashes is the tree hash of each folder in a root tree (zero: absent),
// read ahead by the prefetch workers where there are some.
func (w *histWalker) dirHashes(root plumbing.Hash) []plumbing.Hash {
	if hs, ok := w.dirCache[root]; ok {
		return hs
	}
	if w.ahead != nil {
		if s := w.ahead.wait(root); s != nil {
			w.dirCache[root] = s.hashes
			return s.hashes
		}
	}
	return w.treeReader.dirHashes(root)
}

func (w *treeReader) dirHashes(root plumbing.Hash) []plumbing.Hash {
	if hs, ok := w.dirCache[root]; ok {
		return hs
	}
	hs := make([]plumbing.Hash, len(w.dirs))
	for k, d := range w.dirs {
		h := root
		if d != "." {
			for _, name := range strings.Split(d, "/") {
				if h = w.child(h, name); h.IsZero() {
					break
				}
			}
		}
		hs[k] = h
	}
	w.dirCache[root] = hs
	return hs
}

// fileHash is the entry of a file in a folder tree (zero: absent).
func (w *treeReader) fileHash(dir plumbing.Hash, name string) plumbing.Hash {
	if dir.IsZero() {
		return plumbing.ZeroHash
	}
	for _, e := range w.entries(dir) {
		if e.Name == name && e.Mode != filemode.Dir && e.Mode != filemode.Submodule {
			return e.Hash
		}
	}
	return plumbing.ZeroHash
}

// differing adds to out the paths of folder k whose entries differ between
// two versions of the folder, walking both sorted entry lists once.
func (w *histWalker) differing(k int, a, b plumbing.Hash, out pathSet) {
	ea, eb := w.entries(a), w.entries(b)
	mark := func(e object.TreeEntry) {
		if i, ok := w.inDir[k][e.Name]; ok {
			out.add(i)
		}
	}
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		switch {
		case j >= len(eb):
			mark(ea[i])
			i++
		case i >= len(ea):
			mark(eb[j])
			j++
		default:
			c := treeOrder(ea[i], eb[j])
			switch {
			case c < 0:
				mark(ea[i])
				i++
			case c > 0:
				mark(eb[j])
				j++
			default:
				if ea[i].Hash != eb[j].Hash || ea[i].Mode != eb[j].Mode {
					mark(ea[i])
				}
				i++
				j++
			}
		}
	}
}

// treeOrder compares entries as git sorts a tree: by name, a folder's name
// read with a trailing slash.
func treeOrder(a, b object.TreeEntry) int {
	an, bn := a.Name, b.Name
	if a.Mode == filemode.Dir {
		an += "/"
	}
	if b.Mode == filemode.Dir {
		bn += "/"
	}
	return strings.Compare(an, bn)
}

type histItem struct {
	hash  plumbing.Hash
	when  time.Time
	paths pathSet
}

type histQueue []*histItem

func (q histQueue) Len() int           { return len(q) }
func (q histQueue) Less(i, j int) bool { return q[i].when.After(q[j].when) }
func (q histQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *histQueue) Push(x any)        { *q = append(*q, x.(*histItem)) }
func (q *histQueue) Pop() any          { old := *q; it := old[len(old)-1]; *q = old[:len(old)-1]; return it }

// open, when not nil, opens another reader of the same object store for a
// prefetch worker.
func lastChanges(repo *git.Repository, graph commitgraph.Index, head plumbing.Hash, paths []string, open func() (func(plumbing.Hash) ([]object.TreeEntry, error), func())) (map[string]*Change, error) {
	w := newHistWalker(repo, graph, paths)
	out := map[string]*Change{}
	hn, err := w.node(head)
	if err != nil {
		return nil, err
	}

	if open != nil {
		if w.ahead = startPrefetch(w, head, open); w.ahead != nil {
			defer w.ahead.close()
		}
	}
	start := newPathSet(len(paths))
	total := 0
	hd := w.dirHashes(hn.tree)
	for i := range paths {
		if !w.fileHash(hd[w.dirOf[i]], w.base[i]).IsZero() {
			start.add(i)
			total++
		}
	}
	if total == 0 {
		return out, nil
	}
	q := &histQueue{}
	queued := map[plumbing.Hash]*histItem{}
	push := func(h plumbing.Hash, n *histNode, ps pathSet) {
		if it, ok := queued[h]; ok {
			it.paths.or(ps)
			return
		}
		it := &histItem{hash: h, when: n.when, paths: ps}
		queued[h] = it
		heap.Push(q, it)
	}
	push(head, hn, start)
	resolved := make(map[plumbing.Hash]pathSet)
	for q.Len() > 0 && len(out) < total {
		it := heap.Pop(q).(*histItem)
		delete(queued, it.hash)
		n, err := w.node(it.hash)
		if err != nil {
			return nil, err
		}
		rest := it.paths // still to place: treesame to no parent so far
		mine := w.dirHashes(n.tree)
		for pi, ph := range n.parents {
			if rest.empty() {
				break
			}
			pn, err := w.node(ph)
			if err != nil {
				return nil, err
			}
			theirs := w.dirHashes(pn.tree)
			// Paths the same in this parent follow it (git follows the
			// first parent a path is the same in).
			diff := newPathSet(len(paths))
			for k := range w.dirs {
				if mine[k] != theirs[k] {
					w.differing(k, mine[k], theirs[k], diff)
				}
			}
			follow := rest.clone()
			follow.andNot(diff)
			if !follow.empty() {
				if pi == 0 && len(n.parents) == 1 && follow.equal(rest) {
					push(ph, pn, rest) // the common case: all go on
					rest = nil
					break
				}
				push(ph, pn, follow)
				rest = rest.clone()
				rest.andNot(follow)
			}
		}
		if rest != nil && !rest.empty() {
			resolved[it.hash] = rest
			rest.each(func(i int) {
				if _, done := out[paths[i]]; !done {
					out[paths[i]] = &Change{Hash: it.hash, When: n.when}
				}
			})
		}
	}
	// Subjects and authors: one commit object per resolving commit.
	for h := range resolved {
		c, err := repo.CommitObject(h)
		if err != nil {
			return nil, err
		}
		resolved[h].each(func(i int) {
			ch := out[paths[i]]
			ch.When, ch.Subject, ch.Author = c.Committer.When, strings.SplitN(c.Message, "\n", 2)[0], c.Author.Name
		})
	}
	return out, nil
}

// walkRepo opens the object store for a long walk: go-git otherwise opens
// the pack file again for every object it reads (measured: a third of the
// walk in open and lstat calls). done closes the kept descriptors; a
// repository that cannot be opened this way is walked as is.
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

func historyCacheKey(head plumbing.Hash, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	h := sha256.New()
	h.Write([]byte(head.String()))
	for _, p := range sorted {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

type historyCache struct {
	Key     string             `json:"key"`
	Changes map[string]*Change `json:"changes"`
}

func (r *Repo) historyCachePath() string {
	return filepath.Join(r.GitDir, "jobtui", "history-cache.json")
}

func (r *Repo) readHistoryCache(key string) (map[string]*Change, bool) {
	data, err := os.ReadFile(r.historyCachePath())
	if err != nil {
		return nil, false
	}
	var c historyCache
	if json.Unmarshal(data, &c) != nil || c.Key != key || c.Changes == nil {
		return nil, false
	}
	return c.Changes, true
}

// writeHistoryCache stores the result; a cache that cannot be written only
// costs speed next time.
func (r *Repo) writeHistoryCache(key string, changes map[string]*Change) {
	data, err := json.Marshal(historyCache{Key: key, Changes: changes})
	if err != nil {
		return
	}
	p := r.historyCachePath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	model.WriteFileAtomic(p, data, [32]byte{})
}
