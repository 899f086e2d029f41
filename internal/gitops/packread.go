package gitops

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/adler32"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// A reader of the repository's pack files for the history walk, which
// reads tens of thousands of small trees: the pack and index files
// memory-mapped and read directly (no offset map built for the whole
// index, no object cache keyed by hash, no copy through buffered readers),
// one zlib reader reused for every object, and the objects a delta chain
// goes through kept in a small cache keyed by pack offset, as git's delta
// base cache does. Anything it cannot read (a loose object, an index of
// another version, a damaged pack) is left to go-git.

// packSet is the pack files of a repository, mapped; read-only, shared
// by the walk and its prefetch workers.
type packSet struct {
	packs []*packFile
}

type packFile struct {
	data   []byte // the .pack file
	idx    []byte // the .idx file
	fanout []byte // 256 counts, big-endian
	names  []byte // n hashes, sorted
	offs   []byte // n offsets
	large  []byte // 64-bit offsets
	unmap  []func()
}

// openPacks maps the repository's pack files; nil when there are none or
// files cannot be mapped here.
func openPacks(gitDir string) *packSet {
	names, _ := filepath.Glob(filepath.Join(gitDir, "objects", "pack", "*.idx"))
	s := &packSet{}
	for _, name := range names {
		if p := openPack(name); p != nil {
			s.packs = append(s.packs, p)
		}
	}
	if len(s.packs) == 0 {
		return nil
	}
	return s
}

func openPack(idxName string) *packFile {
	idx, unmapIdx, err := mapFile(idxName)
	if err != nil {
		return nil
	}
	data, unmapData, err := mapFile(strings.TrimSuffix(idxName, ".idx") + ".pack")
	if err != nil {
		unmapIdx()
		return nil
	}
	p := &packFile{data: data, idx: idx, unmap: []func(){unmapIdx, unmapData}}
	if !p.parseIndex() {
		p.close()
		return nil
	}
	return p
}

// parseIndex checks a version 2 index and its pack's header.
func (p *packFile) parseIndex() bool {
	const head = 8 + 256*4
	if len(p.idx) < head+40 || !bytes.Equal(p.idx[:8], []byte{0xff, 't', 'O', 'c', 0, 0, 0, 2}) {
		return false
	}
	if len(p.data) < 32 || string(p.data[:4]) != "PACK" {
		return false
	}
	p.fanout = p.idx[8:head]
	n := int64(binary.BigEndian.Uint32(p.fanout[255*4:]))
	end := head + n*28
	if end+40 > int64(len(p.idx)) {
		return false
	}
	p.names = p.idx[head : head+n*20]
	p.offs = p.idx[head+n*24 : end]
	p.large = p.idx[end : int64(len(p.idx))-40]
	return true
}

func (p *packFile) close() {
	for _, f := range p.unmap {
		f()
	}
}

func (s *packSet) close() {
	for _, p := range s.packs {
		p.close()
	}
}

// find is the offset of an object in the pack, false when it is not in it.
func (p *packFile) find(h plumbing.Hash) (int64, bool) {
	i, ok := searchOIDs(p.fanout, p.names, h)
	if !ok {
		return 0, false
	}
	off := int64(binary.BigEndian.Uint32(p.offs[i*4:]))
	if off&0x80000000 != 0 {
		j := int(off & 0x7fffffff)
		if (j+1)*8 > len(p.large) {
			return 0, false
		}
		off = int64(binary.BigEndian.Uint64(p.large[j*8:]))
	}
	return off, off >= 12 && off < int64(len(p.data))
}

// packReader reads objects from a packSet; one per goroutine.
type packReader struct {
	set   *packSet
	last  int // the pack of the last object found: the next is likely there
	src   bytes.Reader
	fr    io.ReadCloser // a flate reader, reset for each object
	one   [1]byte
	cache [packCacheSlots]packCached
	kept  int    // bytes held by the cache
	delta []byte // the buffer deltas are inflated into
	// broken: a read faulted on a mapped file (see read)
	broken bool
}

const (
	packCacheSlots = 4096
	packCacheBytes = 64 << 20
	maxPackObject  = 64 << 20 // larger objects are left to go-git
	maxDeltaChain  = 10000
)

type packCached struct {
	pack int
	off  int64
	typ  plumbing.ObjectType
	data []byte
}

var errPackRead = errors.New("pack object not readable here")

func newPackReader(s *packSet) *packReader { return &packReader{set: s} }

// read is an object's type and content (not to be modified: the cache
// may hold it), false when it is in no pack or cannot be read here.
func (r *packReader) read(h plumbing.Hash) (typ plumbing.ObjectType, data []byte, ok bool) {
	if r.broken {
		return 0, nil, false
	}
	// A mapped pack file cut short under us (damage, a tool rewriting it
	// in place) faults on the missing pages: a fault here is a panic,
	// recovered, and this reader reads nothing more (go-git's reading of
	// the same file then fails with an error, and the walk with it).
	defer func(old bool) {
		debug.SetPanicOnFault(old)
		if recover() != nil {
			r.broken = true
			typ, data, ok = 0, nil, false
		}
	}(debug.SetPanicOnFault(true))
	p, off, found := r.locate(h)
	if !found {
		return 0, nil, false
	}
	typ, data, err := r.at(p, off)
	return typ, data, err == nil
}

func (r *packReader) locate(h plumbing.Hash) (int, int64, bool) {
	if off, ok := r.set.packs[r.last].find(h); ok {
		return r.last, off, true
	}
	for i, p := range r.set.packs {
		if i == r.last {
			continue
		}
		if off, ok := p.find(h); ok {
			r.last = i
			return i, off, true
		}
	}
	return 0, 0, false
}

func cacheSlot(pack int, off int64) int {
	return int((uint64(off)*0x9E3779B97F4A7C15 + uint64(pack)) >> (64 - 12))
}

// pendingDelta is a delta in a chain, applied once its base is known.
type pendingDelta struct {
	pack  int
	off   int64 // the object's offset: its cache key
	start int64 // its zlib stream
	size  int64
}

// at reads the object at an offset, going down its delta chain to a
// cached or whole object and applying the deltas back up, each result
// cached: reading history newest first, the base of an object is most
// often the one read just before.
func (r *packReader) at(pack int, off int64) (plumbing.ObjectType, []byte, error) {
	var chain []pendingDelta
	var typ plumbing.ObjectType
	var data []byte
	for {
		if c := &r.cache[cacheSlot(pack, off)]; c.data != nil && c.pack == pack && c.off == off {
			typ, data = c.typ, c.data
			break
		}
		if len(chain) > maxDeltaChain {
			return 0, nil, errPackRead
		}
		p := r.set.packs[pack]
		t, size, start, ok := objectHeader(p.data, off)
		if !ok || size > maxPackObject {
			return 0, nil, errPackRead
		}
		switch t {
		case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
			d, err := r.inflate(p, start, size)
			if err != nil {
				return 0, nil, err
			}
			typ, data = t, d
			r.keep(pack, off, typ, data)
		case plumbing.OFSDeltaObject:
			base, n, ok := ofsBase(p.data, start, off)
			if !ok {
				return 0, nil, errPackRead
			}
			chain = append(chain, pendingDelta{pack: pack, off: off, start: start + n, size: size})
			off = base
			continue
		case plumbing.REFDeltaObject:
			if start+20 > int64(len(p.data)) {
				return 0, nil, errPackRead
			}
			var h plumbing.Hash
			copy(h[:], p.data[start:start+20])
			chain = append(chain, pendingDelta{pack: pack, off: off, start: start + 20, size: size})
			bp, boff, ok := r.locate(h)
			if !ok {
				return 0, nil, errPackRead
			}
			pack, off = bp, boff
			continue
		default:
			return 0, nil, errPackRead
		}
		break
	}
	for i := len(chain) - 1; i >= 0; i-- {
		d := chain[i]
		delta, err := r.inflateInto(r.delta, r.set.packs[d.pack], d.start, d.size)
		if err != nil {
			return 0, nil, err
		}
		if cap(delta) <= 1<<20 {
			r.delta = delta
		}
		if data, err = applyDelta(data, delta); err != nil {
			return 0, nil, err
		}
		r.keep(d.pack, d.off, typ, data)
	}
	return typ, data, nil
}

func (r *packReader) keep(pack int, off int64, typ plumbing.ObjectType, data []byte) {
	c := &r.cache[cacheSlot(pack, off)]
	if r.kept-len(c.data)+len(data) > packCacheBytes {
		return
	}
	r.kept += len(data) - len(c.data)
	*c = packCached{pack: pack, off: off, typ: typ, data: data}
}

// inflate reads the zlib stream at start, of size bytes once inflated,
// to its end, and checks its checksum.
func (r *packReader) inflate(p *packFile, start, size int64) ([]byte, error) {
	return r.inflateInto(nil, p, start, size)
}

// inflateInto is inflate into buf when it is large enough (a delta, which
// is dropped once applied, reuses one buffer). The zlib stream is read as
// its two header bytes, a deflate stream (read through a byte reader, so
// that it stops at the stream's end) and the checksum of what it holds:
// compress/zlib would make a checksum object for every object.
func (r *packReader) inflateInto(buf []byte, p *packFile, start, size int64) ([]byte, error) {
	if start+2 >= int64(len(p.data)) {
		return nil, errPackRead
	}
	cmf, flg := p.data[start], p.data[start+1]
	if cmf&0x0f != 8 || flg&0x20 != 0 || (uint(cmf)<<8|uint(flg))%31 != 0 {
		return nil, errPackRead // not deflate, or with a preset dictionary
	}
	r.src.Reset(p.data[start+2:])
	if r.fr == nil {
		r.fr = flate.NewReader(&r.src)
	} else if err := r.fr.(flate.Resetter).Reset(&r.src, nil); err != nil {
		return nil, err
	}
	out := buf[:0]
	if int64(cap(buf)) < size {
		out = make([]byte, size)
	}
	out = out[:size]
	if _, err := io.ReadFull(r.fr, out); err != nil {
		return nil, err
	}
	if n, err := r.fr.Read(r.one[:]); n != 0 || err != io.EOF {
		return nil, errPackRead
	}
	end := int64(len(p.data)) - int64(r.src.Len()) // the deflate stream's end
	if end+4 > int64(len(p.data)) || binary.BigEndian.Uint32(p.data[end:]) != adler32.Checksum(out) {
		return nil, errPackRead
	}
	return out, nil
}

// objectHeader reads an object's type and size at off, and where what
// follows the header starts.
func objectHeader(data []byte, off int64) (plumbing.ObjectType, int64, int64, bool) {
	if off <= 0 || off >= int64(len(data)) {
		return 0, 0, 0, false
	}
	c := data[off]
	typ := plumbing.ObjectType((c >> 4) & 7)
	size := int64(c & 15)
	shift := uint(4)
	pos := off + 1
	for c&0x80 != 0 {
		if pos >= int64(len(data)) || shift > 56 {
			return 0, 0, 0, false
		}
		c = data[pos]
		pos++
		size |= int64(c&0x7f) << shift
		shift += 7
	}
	return typ, size, pos, true
}

// ofsBase reads an offset delta's base: how far back from the object, in
// git's encoding, and how many bytes that took.
func ofsBase(data []byte, pos, off int64) (int64, int64, bool) {
	start := pos
	if pos >= int64(len(data)) {
		return 0, 0, false
	}
	c := data[pos]
	pos++
	rel := int64(c & 0x7f)
	for c&0x80 != 0 {
		if pos >= int64(len(data)) || rel >= 1<<49 {
			return 0, 0, false
		}
		c = data[pos]
		pos++
		rel = (rel+1)<<7 | int64(c&0x7f)
	}
	base := off - rel
	if rel <= 0 || base <= 0 {
		return 0, 0, false
	}
	return base, pos - start, true
}

// applyDelta builds an object from its base and a git delta.
func applyDelta(base, delta []byte) ([]byte, error) {
	srcSize, delta := deltaSize(delta)
	dstSize, delta := deltaSize(delta)
	if srcSize != int64(len(base)) || dstSize < 0 || dstSize > maxPackObject {
		return nil, errPackRead
	}
	out := make([]byte, 0, dstSize)
	for len(delta) > 0 {
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0:
			var off, n int64
			for i := uint(0); i < 7; i++ {
				if cmd&(1<<i) == 0 {
					continue
				}
				if len(delta) == 0 {
					return nil, errPackRead
				}
				if i < 4 {
					off |= int64(delta[0]) << (8 * i)
				} else {
					n |= int64(delta[0]) << (8 * (i - 4))
				}
				delta = delta[1:]
			}
			if n == 0 {
				n = 0x10000
			}
			if off+n > int64(len(base)) || int64(len(out))+n > dstSize {
				return nil, errPackRead
			}
			out = append(out, base[off:off+n]...)
		case cmd != 0:
			n := int(cmd)
			if n > len(delta) || int64(len(out)+n) > dstSize {
				return nil, errPackRead
			}
			out = append(out, delta[:n]...)
			delta = delta[n:]
		default:
			return nil, errPackRead
		}
	}
	if int64(len(out)) != dstSize {
		return nil, errPackRead
	}
	return out, nil
}

// deltaSize reads a size at the start of a delta (-1: malformed).
func deltaSize(d []byte) (int64, []byte) {
	var size int64
	for shift := uint(0); ; shift += 7 {
		if len(d) == 0 || shift > 56 {
			return -1, nil
		}
		c := d[0]
		d = d[1:]
		size |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			return size, d
		}
	}
}
