package gitops

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
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
	// The answers kept are those of a shallow boundary, if any: another
	// (a fetch that deepens or unshallows) asks again.
	keyPaths := paths
	if sp := r.shallowPrint(); sp != "" {
		keyPaths = append(slices.Clip(paths), "\x00shallow "+sp)
	}
	key, pathsKey := historyCacheKey(head.Hash(), keyPaths), historyCacheKey(plumbing.ZeroHash, keyPaths)
	if cached, ok := r.readHistoryCache(key); ok {
		r.changes.remember(head.Hash(), pathsKey, cached)
		return cached, nil
	}
	if out, ok := r.changesSince(head.Hash(), pathsKey, paths); ok {
		r.writeHistoryCache(key, out)
		r.changes.remember(head.Hash(), pathsKey, out)
		return out, nil
	}
	var graph commitgraph.Index
	var fast *graphFile
	shallow := r.shallowCommits()
	if shallow == nil { // as git: no commit-graph in a shallow repository
		if fast = readGraphFile(r.commonDir()); fast == nil {
			graph = r.commitGraph()
		}
	}
	packs := openPacks(r.commonDir())
	// The walk reads objects through the readers (packs, then a store of
	// their own): the repository's go-git value only names the walker's.
	out, err := lastChanges(r.Git, graph, fast, head.Hash(), paths, r.readers(packs), shallow)
	if packs != nil {
		packs.close()
	}
	if graph != nil {
		if c, ok := graph.(io.Closer); ok {
			c.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	r.writeHistoryCache(key, out)
	r.changes.remember(head.Hash(), pathsKey, out)
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

	ppos   []uint32        // the parents' places in the commit-graph file, nil when unknown
	dirs   []plumbing.Hash // the walk's folders in tree, once read
	queued bool            // item is in the walk's queue
	item   histItem
}

// histWalker walks history for a fixed list of paths, grouped by folder:
// at each commit it compares the folders' tree hashes with the parents'
// first, and looks at file entries only in a folder that differs.
type histWalker struct {
	repo  *Store
	graph commitgraph.Index // nil without a commit-graph file
	fast  *graphFile        // the commit-graph file read directly, or nil

	paths   []string
	dirs    []string         // the distinct folders of the paths
	dirOf   []int            // path index -> folder index
	base    []string         // path index -> file name
	inDir   []map[string]int // folder index -> file name -> path index
	dirMask []pathSet        // folder index -> its paths

	shallow map[plumbing.Hash]bool // the commits at the shallow boundary (.git/shallow)

	nodes  map[plumbing.Hash]*histNode
	byPos  []*histNode                                 // nodes by place in the commit-graph file (fast)
	commit func(plumbing.Hash) (*object.Commit, error) // a commit object, where there is no graph
	*treeReader
	ahead *prefetcher // nil: no other core to read ahead with
}

func newHistWalker(repo *Store, graph commitgraph.Index, paths []string) *histWalker {
	w := &histWalker{repo: repo, graph: graph, paths: paths, nodes: map[plumbing.Hash]*histNode{}, commit: repo.CommitObject}
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
	w.treeReader = newTreeReader(func(h plumbing.Hash) ([]byte, error) { return rawObject(repo.Storer, plumbing.TreeObject, h) }, w.dirs, &readFailure{})
	return w
}

func (w *histWalker) node(h plumbing.Hash) (*histNode, error) {
	if n, ok := w.nodes[h]; ok {
		return n, nil
	}
	var n *histNode
	if w.fast != nil {
		if i, ok := w.fast.pos(h); ok {
			if n, err := w.nodeAt(uint32(i)); err == nil {
				return n, nil
			}
		}
	}
	if n == nil && w.graph != nil {
		if i, err := w.graph.GetIndexByHash(h); err == nil {
			if d, err := w.graph.GetCommitDataByIndex(i); err == nil {
				n = &histNode{tree: d.TreeHash, parents: d.ParentHashes, when: d.When, gen: d.Generation}
			}
		}
	}
	if n == nil {
		c, err := w.commit(h)
		if err != nil {
			return nil, err
		}
		n = &histNode{tree: c.TreeHash, parents: c.ParentHashes, when: c.Committer.When}
	}
	if w.shallow[h] {
		// The shallow boundary: git takes the commit for a root (the
		// walker reads no commit-graph in a shallow repository).
		n = &histNode{tree: n.tree, when: n.when}
	}
	w.nodes[h] = n
	return n, nil
}

// nodeAt is the commit at place i of the commit-graph file.
func (w *histWalker) nodeAt(i uint32) (*histNode, error) {
	if w.byPos == nil {
		w.byPos = make([]*histNode, w.fast.n)
	}
	if n := w.byPos[i]; n != nil {
		return n, nil
	}
	n, ok := w.fast.node(int(i))
	if !ok {
		h := w.fast.hash(i)
		return nil, fmt.Errorf("commit-graph: cannot read commit %s", h)
	}
	w.byPos[i] = n
	return n, nil
}

// parent is n's parent k. A commit-graph's generation numbers grow from
// parent to child: a parent that is not below its child is a damaged file
// (a loop the walk would go round for ever).
func (w *histWalker) parent(n *histNode, k int) (*histNode, error) {
	var p *histNode
	var err error
	if n.ppos != nil {
		p, err = w.nodeAt(n.ppos[k])
	} else {
		p, err = w.node(n.parents[k])
	}
	if err == nil && n.gen != 0 && p.gen >= n.gen {
		return nil, errDamagedGraph
	}
	return p, err
}

var errDamagedGraph = errors.New("the commit-graph file is damaged: a commit's parent is not older than the commit (git commit-graph write --reachable writes it again)")

// nodeDirs is the walk's folders in n's tree.
func (w *histWalker) nodeDirs(n *histNode) []plumbing.Hash {
	if n.dirs == nil {
		n.dirs = w.dirHashes(n.tree)
	}
	return n.dirs
}

// dirHashes is the tree hash of each folder in a root tree (zero: absent),
// read ahead by the prefetch workers where there are some.
func (w *histWalker) dirHashes(root plumbing.Hash) []plumbing.Hash {
	if w.ahead != nil {
		if hs := w.ahead.wait(root); hs != nil {
			return hs
		}
	}
	return w.treeReader.dirHashes(root)
}

// lastChanges walks from head. open, when not nil, opens another reader
// of the same object store for a prefetch worker.
func lastChanges(repo *Store, graph commitgraph.Index, fast *graphFile, head plumbing.Hash, paths []string, open func() *objectReader, shallow map[plumbing.Hash]bool) (map[string]*Change, error) {
	w := newHistWalker(repo, graph, paths)
	w.fast, w.shallow = fast, shallow
	if open != nil {
		o := open()
		defer o.close()
		w.treeReader.raw, w.commit = o.tree, o.commit
	}
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
	start, total := w.present(hn)
	if total == 0 {
		return out, nil
	}
	f := &frontier{}
	f.push(head, hn, start)
	resolved := make(map[plumbing.Hash]pathSet)
	for f.q.Len() > 0 && len(out) < total {
		it := f.pop()
		n := it.node
		rest, err := w.followParents(n, it.paths, f)
		if err != nil {
			return nil, err
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
	if err := w.failed.take(); err != nil {
		return nil, err
	}
	if err := describeChanges(w.commit, resolved, paths, out); err != nil {
		return nil, err
	}
	return out, nil
}

// present is the set of paths that exist in the commit, and how many.
func (w *histWalker) present(n *histNode) (pathSet, int) {
	start := newPathSet(len(w.base))
	total := 0
	hd := w.dirHashes(n.tree)
	for i := range w.base {
		if !w.fileHash(hd[w.dirOf[i]], w.base[i]).IsZero() {
			start.add(i)
			total++
		}
	}
	return start, total
}

// followParents sends each of paths on to the first parent it is the same
// in (as git does), and returns those the same in no parent: n changed
// them.
func (w *histWalker) followParents(n *histNode, paths pathSet, f *frontier) (pathSet, error) {
	rest := paths // still to place: treesame to no parent so far
	mine := w.nodeDirs(n)
	for pi, ph := range n.parents {
		if rest.empty() {
			break
		}
		pn, err := w.parent(n, pi)
		if err != nil {
			return nil, err
		}
		theirs := w.nodeDirs(pn)
		if len(n.parents) == 1 && slices.Equal(mine, theirs) {
			f.push(ph, pn, rest) // the most common case: no folder changed
			return nil, nil
		}
		diff := newPathSet(len(w.base))
		for k := range w.dirs {
			if mine[k] != theirs[k] {
				w.differing(k, mine[k], theirs[k], diff)
			}
		}
		follow := rest.clone()
		follow.andNot(diff)
		if follow.empty() {
			continue
		}
		if pi == 0 && len(n.parents) == 1 && follow.equal(rest) {
			f.push(ph, pn, rest) // the common case: all go on
			return nil, nil
		}
		f.push(ph, pn, follow)
		rest = rest.clone()
		rest.andNot(follow)
	}
	return rest, nil
}

// describeChanges fills in subjects and authors: one commit object per
// commit that changed a path.
func describeChanges(commit func(plumbing.Hash) (*object.Commit, error), resolved map[plumbing.Hash]pathSet, paths []string, out map[string]*Change) error {
	for h, ps := range resolved {
		c, err := commit(h)
		if err != nil {
			return err
		}
		ps.each(func(i int) {
			ch := out[paths[i]]
			ch.When, ch.Subject, ch.Author = c.Committer.When, strings.SplitN(c.Message, "\n", 2)[0], c.Author.Name
		})
	}
	return nil
}

// shallowCommits are the commits of .git/shallow, where a shallow clone's
// history stops (nil: not shallow).
func (r *Repo) shallowCommits() map[plumbing.Hash]bool {
	data, err := os.ReadFile(filepath.Join(r.commonDir(), "shallow"))
	if err != nil {
		return nil
	}
	var out map[plumbing.Hash]bool
	for _, l := range strings.Fields(string(data)) {
		if h := plumbing.NewHash(l); !h.IsZero() && len(l) == 40 {
			if out == nil {
				out = map[plumbing.Hash]bool{}
			}
			out[h] = true
		}
	}
	return out
}
