package gitops

import (
	"bytes"
	"container/heap"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// prefetcher reads the folder trees of commits ahead of the history walk,
// on the machine's other cores. It orders every ancestor of HEAD as the
// walk meets them (newest first, from the commit-graph, no object read)
// and cuts that order into blocks. The walk reads from the front, as it
// goes; the workers take blocks from the back, each block newest first
// (trees are stored as deltas of the newer version: a block costs one
// chain to rebuild), until they meet the walk. The walk waits for a block
// a worker took, and reads the others itself: the work balances itself
// however much the walk has to do besides.
type prefetcher struct {
	ready   atomic.Bool   // order, at, hashes and done are set
	readyCh chan struct{} // closed when ready
	order   []plumbing.Hash
	at      map[plumbing.Hash]int
	hashes  [][]plumbing.Hash // place in order -> each folder's tree
	done    []chan struct{}   // by block: closed once a worker is through with it
	next    atomic.Int64      // the next block to take, counting down
	claimed atomic.Int64      // the first place of the lowest block a worker took
	front   atomic.Int64      // the furthest place the walk read itself
	stop    atomic.Bool
	wg      sync.WaitGroup
}

// prefetchBlock is how many commits a worker takes at a time (a variable
// for the tests).
var prefetchBlock = 512

// startPrefetch starts the workers, or returns nil where there is a single
// core or no commit-graph (ordering would mean reading every commit).
func startPrefetch(w *histWalker, head plumbing.Hash, open func() *objectReader) *prefetcher {
	workers := min(runtime.GOMAXPROCS(0), 4) - 1
	if workers < 1 || (w.fast == nil && w.graph == nil) {
		return nil
	}
	p := &prefetcher{readyCh: make(chan struct{})}
	p.claimed.Store(1 << 62)
	p.front.Store(-1)
	if w.fast == nil {
		// go-git's reader and the walk's nodes are not for two goroutines.
		order := w.ancestorTrees(head)
		if order == nil {
			return nil
		}
		p.setOrder(order)
	}
	// Commits made since the commit-graph file was written are read here,
	// on the walk's goroutine: the order starts with them.
	var newer []plumbing.Hash
	var starts []int
	if w.fast != nil {
		if newer, starts = w.newerThanGraph(head); starts == nil {
			return nil
		}
	}
	fast, dirs := w.fast, w.dirs
	for k := range workers {
		o := open()
		r := newTreeReader(o.tree, dirs, &readFailure{})
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer o.close()
			if k == 0 && fast != nil {
				p.setOrder(append(newer, fast.ancestorTrees(starts...)...))
			}
			p.work(r)
		}()
	}
	return p
}

// maxNewerThanGraph bounds the commits read from their objects before the
// commit-graph file takes over: beyond, the walk goes on without workers.
const maxNewerThanGraph = 4096

// newerThanGraph is the root trees of head and its ancestors that are not
// in the commit-graph file, and the places in the file of the first
// ancestors that are; nil places when there are too many such commits.
func (w *histWalker) newerThanGraph(head plumbing.Hash) ([]plumbing.Hash, []int) {
	var trees []plumbing.Hash
	starts := []int{}
	seen := map[plumbing.Hash]bool{}
	for todo := []plumbing.Hash{head}; len(todo) > 0; {
		h := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[h] {
			continue
		}
		seen[h] = true
		if i, ok := w.fast.pos(h); ok {
			starts = append(starts, i)
			continue
		}
		n, err := w.node(h)
		if err != nil || len(trees) == maxNewerThanGraph {
			return nil, nil
		}
		trees = append(trees, n.tree)
		todo = append(todo, n.parents...)
	}
	return trees, starts
}

// setOrder publishes the order (nil: none) to the walk and the workers.
func (p *prefetcher) setOrder(order []plumbing.Hash) {
	p.at = make(map[plumbing.Hash]int, len(order))
	for i, t := range order {
		if _, dup := p.at[t]; !dup {
			p.at[t] = i
		}
	}
	p.hashes = make([][]plumbing.Hash, len(order))
	blocks := (len(order) + prefetchBlock - 1) / prefetchBlock
	for range blocks {
		p.done = append(p.done, make(chan struct{}))
	}
	p.order = order
	p.next.Store(int64(blocks))
	p.ready.Store(true)
	close(p.readyCh)
}

// work takes blocks from the back until the walk is there.
func (p *prefetcher) work(r *treeReader) {
	<-p.readyCh
	for {
		b := p.next.Add(-1)
		if b < 0 {
			return
		}
		start := b * int64(prefetchBlock)
		if p.front.Load() < start && !p.stop.Load() {
			for c := p.claimed.Load(); start < c && !p.claimed.CompareAndSwap(c, start); c = p.claimed.Load() {
			}
			for i := start; i < min(start+int64(prefetchBlock), int64(len(p.order))) && !p.stop.Load(); i++ {
				hs := r.dirHashes(p.order[i])
				if r.failed.take() != nil {
					continue // no hashes: the walk reads them, and meets the error if it needs them
				}
				p.hashes[i] = hs
			}
		}
		close(p.done[b]) // a block left undone has no hashes: the walk reads them
	}
}

// ancestorTrees is the root tree of every ancestor of head, newest first,
// from go-git's reader of the commit-graph.
func (w *histWalker) ancestorTrees(head plumbing.Hash) []plumbing.Hash {
	var order []plumbing.Hash
	q := &histQueue{}
	seen := map[plumbing.Hash]bool{head: true}
	hn, err := w.node(head)
	if err != nil {
		return nil
	}
	heap.Push(q, &histItem{hash: head, when: hn.when})
	for q.Len() > 0 {
		it := heap.Pop(q).(*histItem)
		n, err := w.node(it.hash)
		if err != nil {
			break
		}
		order = append(order, n.tree)
		for _, ph := range n.parents {
			if seen[ph] {
				continue
			}
			seen[ph] = true
			if pn, err := w.node(ph); err == nil {
				heap.Push(q, &histItem{hash: ph, when: pn.when})
			}
		}
	}
	return order
}

// wait gives what a worker read of a root tree, nil when the walk is to
// read it itself.
func (p *prefetcher) wait(root plumbing.Hash) []plumbing.Hash {
	if !p.ready.Load() {
		return nil
	}
	i, ok := p.at[root]
	if !ok {
		return nil
	}
	if int64(i) < p.claimed.Load() {
		if int64(i) > p.front.Load() {
			p.front.Store(int64(i)) // only the walk writes it
		}
		return nil
	}
	<-p.done[i/prefetchBlock]
	return p.hashes[i]
}

// close stops the workers and waits for them to let go of their stores.
func (p *prefetcher) close() {
	p.stop.Store(true)
	p.wg.Wait()
}

// rawObject reads an object's content through go-git.
func rawObject(st storer.EncodedObjectStorer, typ plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	o, err := st.EncodedObject(typ, h)
	if err != nil {
		return nil, err
	}
	rc, err := o.Reader()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(o.Size()))
	_, err = buf.ReadFrom(rc)
	rc.Close()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// parseTree reads a tree object's entries straight from its bytes, with
// one string for all the names (go-git's Tree.Decode allocates per entry
// through a buffered reader: a tenth of a history walk).
func parseTree(data string) ([]object.TreeEntry, error) {
	var out []object.TreeEntry
	for len(data) > 0 {
		sp := strings.IndexByte(data, ' ')
		if sp <= 0 {
			return nil, object.ErrMalformedTree
		}
		var mode uint32
		for i := 0; i < sp; i++ {
			c := data[i]
			if c < '0' || c > '7' {
				return nil, object.ErrMalformedTree
			}
			mode = mode<<3 | uint32(c-'0')
		}
		data = data[sp+1:]
		nul := strings.IndexByte(data, 0)
		if nul <= 0 || len(data) < nul+1+20 {
			return nil, object.ErrMalformedTree
		}
		var e object.TreeEntry
		e.Name = data[:nul]
		e.Mode = filemode.FileMode(mode)
		copy(e.Hash[:], data[nul+1:nul+21])
		out = append(out, e)
		data = data[nul+21:]
	}
	return out, nil
}
