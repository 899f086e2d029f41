package gitops

import (
	"container/heap"
	"math/bits"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// The walk's bookkeeping: sets of paths as bits, and the commits still to
// visit.

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

type histItem struct {
	hash  plumbing.Hash
	node  *histNode
	when  time.Time
	paths pathSet
}

type histQueue []*histItem

func (q histQueue) Len() int           { return len(q) }
func (q histQueue) Less(i, j int) bool { return q[i].when.After(q[j].when) }
func (q histQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *histQueue) Push(x any)        { *q = append(*q, x.(*histItem)) }
func (q *histQueue) Pop() any          { old := *q; it := old[len(old)-1]; *q = old[:len(old)-1]; return it }

// frontier is the walk's queue of commits still to visit, newest first,
// each with the paths that follow it; a commit reached twice gathers both
// sets of paths (its node holds its entry while it is queued).
type frontier struct {
	q histQueue
}

func (f *frontier) push(h plumbing.Hash, n *histNode, ps pathSet) {
	if n.queued {
		n.item.paths.or(ps)
		return
	}
	n.queued, n.item = true, histItem{hash: h, node: n, when: n.when, paths: ps}
	heap.Push(&f.q, &n.item)
}

// pop takes the newest commit off the queue; its entry stays valid until
// the commit is queued again (never while its parents are being queued).
func (f *frontier) pop() *histItem {
	it := heap.Pop(&f.q).(*histItem)
	it.node.queued = false
	return it
}
