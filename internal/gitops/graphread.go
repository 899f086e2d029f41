package gitops

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// graphFile is the repository's commit-graph file, read directly for the
// history walk: a commit's tree, parents and date are a binary search and
// a few bytes away, with no reader or slice made per commit as go-git's
// reader does (a tenth of a cold walk). Only a single file is read this
// way; a chain of files is left to go-git. Read-only: the walk and its
// prefetch workers share it.
type graphFile struct {
	fanout []byte // 256 counts, big-endian
	oids   []byte // n commit hashes, sorted
	cdat   []byte // n records: tree, two parents, generation and date
	edge   []byte // the extra parents of octopus merges
	n      int
}

const (
	graphRecord     = 20 + 4 + 4 + 8
	graphParentNone = 0x70000000
	graphOctopus    = 0x80000000
)

// readGraphFile reads objects/info/commit-graph, nil when there is none or
// it is not a version 1 file for SHA-1 on its own.
func readGraphFile(gitDir string) *graphFile {
	data, err := os.ReadFile(filepath.Join(gitDir, "objects", "info", "commit-graph"))
	if err != nil {
		return nil
	}
	return parseGraphFile(data)
}

func parseGraphFile(data []byte) *graphFile {
	if len(data) < 8 || string(data[:4]) != "CGPH" || data[4] != 1 || data[5] != 1 || data[7] != 0 {
		return nil
	}
	chunks := int(data[6])
	table := 8 + (chunks+1)*12
	if len(data) < table {
		return nil
	}
	g := &graphFile{}
	for i := 0; i < chunks; i++ {
		e := data[8+i*12:]
		start, end := binary.BigEndian.Uint64(e[4:]), binary.BigEndian.Uint64(e[16:])
		if start < uint64(table) || start > end || end > uint64(len(data)) {
			return nil
		}
		chunk := data[start:end]
		switch string(e[:4]) {
		case "OIDF":
			g.fanout = chunk
		case "OIDL":
			g.oids = chunk
		case "CDAT":
			g.cdat = chunk
		case "EDGE":
			g.edge = chunk
		}
	}
	if len(g.fanout) != 256*4 {
		return nil
	}
	g.n = int(binary.BigEndian.Uint32(g.fanout[255*4:]))
	if len(g.oids) != g.n*20 || len(g.cdat) != g.n*graphRecord {
		return nil
	}
	return g
}

// pos is a commit's position in the file, false when it is not in it.
func (g *graphFile) pos(h plumbing.Hash) (int, bool) {
	return searchOIDs(g.fanout, g.oids, h)
}

// searchOIDs finds a hash in a sorted table of hashes with its fanout
// (how many hashes start with each byte or less), as pack indexes and
// commit-graph files have them.
func searchOIDs(fanout, oids []byte, h plumbing.Hash) (int, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(binary.BigEndian.Uint32(fanout[(int(h[0])-1)*4:]))
	}
	hi := int(binary.BigEndian.Uint32(fanout[int(h[0])*4:]))
	if hi > len(oids)/20 || lo >= hi {
		return 0, false
	}
	key := binary.BigEndian.Uint64(h[:8])
	at := func(i int) int { // the entry at i against h
		if k := binary.BigEndian.Uint64(oids[i*20:]); k != key {
			if k < key {
				return -1
			}
			return 1
		}
		return bytes.Compare(oids[i*20+8:i*20+20], h[8:])
	}
	// Hashes are evenly spread: one probe guesses where the hash falls in
	// its fanout bucket, and a short scan from there finds it in the next
	// few cache lines (each probe elsewhere in a large index is a cache
	// miss). Halving takes over should the guess be far off.
	const scan = 32
	bucket := uint64(h[0]) << 56
	guess := lo + int(float64(key-bucket)/float64(1<<56)*float64(hi-lo))
	guess = min(max(guess, lo), hi-1)
	switch c := at(guess); {
	case c == 0:
		return guess, true
	case c < 0:
		for i := guess + 1; i < min(guess+1+scan, hi); i++ {
			if c := at(i); c >= 0 {
				return i, c == 0
			}
		}
		lo = guess + 1 + scan
	default:
		for i := guess - 1; i >= max(guess-scan, lo); i-- {
			if c := at(i); c <= 0 {
				return i, c == 0
			}
		}
		hi = guess - scan
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := at(mid); {
		case c == 0:
			return mid, true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// hash is the commit at position i (zero past the end).
func (g *graphFile) hash(i uint32) plumbing.Hash {
	var h plumbing.Hash
	if int(i) < g.n {
		copy(h[:], g.oids[int(i)*20:])
	}
	return h
}

// parents appends the positions of the parents of the commit at i to
// buf, false when the file is damaged.
func (g *graphFile) parents(i int, buf []uint32) ([]uint32, bool) {
	rec := g.cdat[i*graphRecord:]
	p1, p2 := binary.BigEndian.Uint32(rec[20:]), binary.BigEndian.Uint32(rec[24:])
	switch {
	case p1 == graphParentNone:
		return buf, true
	case p2 == graphParentNone:
		return append(buf, p1), int(p1) < g.n
	case p2&graphOctopus == 0:
		return append(buf, p1, p2), int(p1) < g.n && int(p2) < g.n
	}
	buf = append(buf, p1)
	for e := int(p2 &^ graphOctopus); ; e++ {
		if (e+1)*4 > len(g.edge) {
			return buf, false
		}
		v := binary.BigEndian.Uint32(g.edge[e*4:])
		buf = append(buf, v&^graphOctopus)
		if int(v&^graphOctopus) >= g.n {
			return buf, false
		}
		if v&graphOctopus != 0 {
			return buf, int(p1) < g.n
		}
	}
}

// when is the commit date of the commit at i, in seconds.
func (g *graphFile) when(i int) int64 {
	return int64(binary.BigEndian.Uint64(g.cdat[i*graphRecord+28:]) & 0x3FFFFFFFF)
}

func (g *graphFile) tree(i int) (h plumbing.Hash) {
	copy(h[:], g.cdat[i*graphRecord:])
	return h
}

// node is what the walk needs of the commit at i, false when the file
// does not hold it whole.
func (g *graphFile) node(i int) (*histNode, bool) {
	// One allocation for a commit of one or two parents.
	type nodeOf2 struct {
		n    histNode
		ps   [2]plumbing.Hash
		ppos [2]uint32
	}
	b := &nodeOf2{}
	ps, ok := g.parents(i, b.ppos[:0])
	if !ok {
		return nil, false
	}
	n := &b.n
	genTime := binary.BigEndian.Uint64(g.cdat[i*graphRecord+28:])
	n.tree, n.when, n.gen, n.ppos = g.tree(i), time.Unix(g.when(i), 0), genTime>>34, ps
	n.parents = b.ps[:0]
	for _, p := range ps {
		h := g.hash(p)
		n.parents = append(n.parents, h)
	}
	return n, true
}

// ancestorTrees is the root tree of every ancestor of the commits at
// heads, newest first, as the history walk meets them; nil when the file
// is damaged.
func (g *graphFile) ancestorTrees(heads ...int) []plumbing.Hash {
	seen := make([]bool, g.n)
	var q graphQueue
	for _, h := range heads {
		if !seen[h] {
			seen[h] = true
			q.push(g.when(h), uint32(h))
		}
	}
	order := make([]plumbing.Hash, 0, g.n)
	var buf []uint32
	for len(q) > 0 {
		i := int(q.pop())
		order = append(order, g.tree(i))
		var ok bool
		if buf, ok = g.parents(i, buf[:0]); !ok {
			return nil
		}
		for _, p := range buf {
			if !seen[p] {
				seen[p] = true
				q.push(g.when(int(p)), p)
			}
		}
	}
	return order
}

// graphQueue is a heap of commit positions, newest first.
type graphQueue []graphItem

type graphItem struct {
	when int64
	pos  uint32
}

func (q *graphQueue) push(when int64, pos uint32) {
	*q = append(*q, graphItem{when, pos})
	h := *q
	for i := len(h) - 1; i > 0; {
		up := (i - 1) / 2
		if h[up].when >= h[i].when {
			break
		}
		h[up], h[i] = h[i], h[up]
		i = up
	}
}

func (q *graphQueue) pop() uint32 {
	h := *q
	top := h[0].pos
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1].when > h[c].when {
			c++
		}
		if h[i].when >= h[c].when {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	*q = h
	return top
}
