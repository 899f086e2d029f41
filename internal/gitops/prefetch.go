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
// on the machine's other cores: it orders every ancestor of HEAD as the
// walk meets them (newest first, from the commit-graph, no object read)
// and its workers, each with its own object reader, resolve the folders
// of the root trees of their share of that order, in runs of neighbouring
// commits. The walk reads the trees of its own share and waits for a
// run's result instead of reading the others.
type prefetcher struct {
	at     map[plumbing.Hash]int // root tree -> place in order, for the workers' share; read-only once started
	hashes [][]plumbing.Hash     // place -> each folder's tree
	runs   []chan struct{}       // closed once a run's hashes are in
	stop   atomic.Bool
	wg     sync.WaitGroup
}

const prefetchRun = 64

// startPrefetch starts the workers, or returns nil where there is a single
// core or no commit-graph (ordering would mean reading every commit).
func startPrefetch(w *histWalker, head plumbing.Hash, open func() *objectReader) *prefetcher {
	workers := min(runtime.GOMAXPROCS(0), 4) - 1
	if workers < 1 {
		return nil
	}
	var order []plumbing.Hash
	switch {
	case w.fast != nil:
		if i, ok := w.fast.pos(head); ok {
			order = w.fast.ancestorTrees(i)
		}
	case w.graph != nil:
		order = w.ancestorTrees(head)
	}
	if order == nil {
		return nil
	}
	parts := workers + 1
	p := &prefetcher{at: make(map[plumbing.Hash]int, len(order)/2), hashes: make([][]plumbing.Hash, len(order))}
	for i, t := range order {
		if (i/prefetchRun)%parts == 0 {
			continue // the walk's own share
		}
		if _, dup := p.at[t]; !dup {
			p.at[t] = i
		}
	}
	for range (len(order) + prefetchRun - 1) / prefetchRun {
		p.runs = append(p.runs, make(chan struct{}))
	}
	for k := 1; k <= workers; k++ {
		o := open()
		r := newTreeReader(o.tree, w.dirs)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer o.close()
			// Runs of neighbouring commits: their trees are deltas of one
			// another, whose bases stay in this worker's cache.
			for b := k * prefetchRun; b < len(order) && !p.stop.Load(); b += parts * prefetchRun {
				for i := b; i < min(b+prefetchRun, len(order)); i++ {
					p.hashes[i] = r.dirHashes(order[i])
				}
				close(p.runs[b/prefetchRun])
			}
		}()
	}
	return p
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

// wait gives what the workers read of a root tree, nil when it is not one
// they read (the walk's own share).
func (p *prefetcher) wait(root plumbing.Hash) []plumbing.Hash {
	i, ok := p.at[root]
	if !ok {
		return nil
	}
	<-p.runs[i/prefetchRun]
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
