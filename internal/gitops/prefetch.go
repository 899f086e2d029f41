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
// and its workers, each with its own object store, resolve the folders of
// every root tree in that order. The walk then waits for a result instead
// of reading trees itself.
type prefetcher struct {
	slots map[plumbing.Hash]*prefetchSlot // root tree -> slot; read-only once started
	stop  atomic.Bool
	wg    sync.WaitGroup
}

const prefetchRun = 64

type prefetchSlot struct {
	done   chan struct{}
	hashes []plumbing.Hash // each folder's tree
}

// startPrefetch starts the workers, or returns nil where there is a single
// core or no commit-graph (ordering would mean reading every commit).
func startPrefetch(w *histWalker, head plumbing.Hash, open func() (func(plumbing.Hash) ([]object.TreeEntry, error), func())) *prefetcher {
	// The walk itself reads the trees of one share of the runs (with its
	// own store, which it needs anyway); each worker reads another share.
	workers := min(runtime.GOMAXPROCS(0), 4) - 1
	if workers < 1 || w.graph == nil {
		return nil
	}
	parts := workers + 1
	// Every ancestor, newest first, as the walk's queue pops them.
	var order []plumbing.Hash
	p := &prefetcher{slots: map[plumbing.Hash]*prefetchSlot{}}
	q := &histQueue{}
	seen := map[plumbing.Hash]bool{head: true}
	seenTree := map[plumbing.Hash]bool{}
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
		if !seenTree[n.tree] {
			seenTree[n.tree] = true
			if (len(order)/prefetchRun)%parts != 0 {
				p.slots[n.tree] = &prefetchSlot{done: make(chan struct{})}
			}
			order = append(order, n.tree)
		}
		for _, ph := range n.parents {
			if seen[ph] {
				continue
			}
			seen[ph] = true
			pn, err := w.node(ph)
			if err != nil {
				continue
			}
			heap.Push(q, &histItem{hash: ph, when: pn.when})
		}
	}
	for k := 1; k <= workers; k++ {
		get, done := open()
		r := newTreeReader(get, w.dirs)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer done()
			// Runs of neighbouring commits: their trees are deltas of one
			// another, whose bases stay in this worker's cache.
			for b := k * prefetchRun; b < len(order) && !p.stop.Load(); b += parts * prefetchRun {
				for i := b; i < min(b+prefetchRun, len(order)); i++ {
					s := p.slots[order[i]]
					s.hashes = r.dirHashes(order[i])
					close(s.done)
				}
			}
		}()
	}
	return p
}

// wait gives what the workers read of a root tree, nil when it is not one
// they read (the walk's own share).
func (p *prefetcher) wait(root plumbing.Hash) *prefetchSlot {
	s, ok := p.slots[root]
	if !ok {
		return nil
	}
	<-s.done
	return s
}

// close stops the workers and waits for them to let go of their stores.
func (p *prefetcher) close() {
	p.stop.Store(true)
	p.wg.Wait()
}

// readTree reads a tree's entries straight from the object's bytes, with
// one string for all the names (go-git's Tree.Decode allocates per entry
// through a buffered reader: a tenth of a history walk).
func readTree(st storer.EncodedObjectStorer, h plumbing.Hash) ([]object.TreeEntry, error) {
	o, err := st.EncodedObject(plumbing.TreeObject, h)
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
	data := buf.String()
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
