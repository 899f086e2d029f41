package gitops

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"sort"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// fastIndex is an index file of version 2 read as bytes, so that what the
// fast path does not change is written back as it was.
type fastIndex struct {
	data    []byte
	entries []indexEntry
	tree    [2]int // the TREE extension's data, from and to
}

// indexEntry is one entry of a fastIndex: its name and where its fixed part
// (stat data, mode, object id) starts.
type indexEntry struct {
	name string
	off  int
}

const (
	entryFixed = 62 // stat data (40), object id (20), flags (2)
	entryMode  = 24 // the mode's offset in an entry
	entryOID   = 40 // the object id's
)

func (e indexEntry) mode(data []byte) uint32 { return binary.BigEndian.Uint32(data[e.off+entryMode:]) }

func (e indexEntry) oid(data []byte) (h plumbing.Hash) {
	copy(h[:], data[e.off+entryOID:])
	return h
}

// parseFastIndex reads an index the fast path can rewrite: version 2, its
// checksum right, every entry at stage 0 with no flag but its name's
// length (no assume-unchanged), a file or a symlink, names sorted, and
// no extension but one TREE.
func parseFastIndex(data []byte) (*fastIndex, error) {
	n := len(data) - sha1.Size
	if n < 12 || string(data[:4]) != "DIRC" || binary.BigEndian.Uint32(data[4:]) != 2 {
		return nil, fastBack("index not version 2")
	}
	if sum := sha1.Sum(data[:n]); !bytes.Equal(sum[:], data[n:]) {
		return nil, fastBack("index checksum")
	}
	count := int(binary.BigEndian.Uint32(data[8:]))
	idx := &fastIndex{data: data, entries: make([]indexEntry, 0, count)}
	off := 12
	for i := 0; i < count; i++ {
		if off+entryFixed > n {
			return nil, fastBack("index entries")
		}
		flags := binary.BigEndian.Uint16(data[off+60:])
		size := int(flags & 0xfff)
		end := off + entryFixed + size
		next := off + (entryFixed+size+8)&^7
		if flags&^0xfff != 0 || size == 0xfff || next > n || strings.Trim(string(data[end:next]), "\x00") != "" {
			return nil, fastBack("index entry flags")
		}
		e := indexEntry{name: string(data[off+entryFixed : end]), off: off}
		switch e.mode(data) {
		case 0o100644, 0o100755, 0o120000:
		default:
			return nil, fastBack("index entry mode")
		}
		if len(idx.entries) > 0 && idx.entries[len(idx.entries)-1].name >= e.name {
			return nil, fastBack("index order")
		}
		idx.entries = append(idx.entries, e)
		off = next
	}
	if off+8 > n || string(data[off:off+4]) != "TREE" {
		return nil, fastBack("index extensions")
	}
	end := off + 8 + int(binary.BigEndian.Uint32(data[off+4:]))
	if end != n {
		return nil, fastBack("index extensions")
	}
	idx.tree = [2]int{off + 8, end}
	return idx, nil
}

// cacheTree is a folder of the index as git's cached trees hold it: the
// number of entries under it, its tree, its subfolders.
type cacheTree struct {
	name    string
	entries int
	subs    []*cacheTree
	tree    plumbing.EncodedObject
}

// buildCacheTree makes the trees of the index's entries, with oids as
// the entries' object ids, as git's cache_tree_update makes them.
func buildCacheTree(data []byte, entries []indexEntry, oids []plumbing.Hash) (*cacheTree, error) {
	t, i, err := buildFolder(data, entries, oids, 0, "")
	if err == nil && i != len(entries) {
		err = fastBack("index names")
	}
	return t, err
}

func buildFolder(data []byte, entries []indexEntry, oids []plumbing.Hash, i int, prefix string) (*cacheTree, int, error) {
	node := &cacheTree{}
	var tree object.Tree
	for i < len(entries) && strings.HasPrefix(entries[i].name, prefix) {
		rest := entries[i].name[len(prefix):]
		if dir, _, sub := strings.Cut(rest, "/"); sub {
			child, next, err := buildFolder(data, entries, oids, i, prefix+dir+"/")
			if err != nil {
				return nil, 0, err
			}
			child.name = dir
			node.subs = append(node.subs, child)
			node.entries += child.entries
			tree.Entries = append(tree.Entries, object.TreeEntry{Name: dir, Mode: filemode.Dir, Hash: child.tree.Hash()})
			i = next
			continue
		}
		if rest == "" {
			return nil, 0, fastBack("index names")
		}
		tree.Entries = append(tree.Entries, object.TreeEntry{Name: rest, Mode: filemode.FileMode(entries[i].mode(data)), Hash: oids[i]})
		node.entries++
		i++
	}
	node.tree = &plumbing.MemoryObject{}
	if err := tree.Encode(node.tree); err != nil {
		return nil, 0, fastBack("tree: " + err.Error())
	}
	return node, i, nil
}

// extension is the TREE extension's data git writes for t: each folder
// (the root first, named "") as its name, NUL, its entry count, a space,
// its subfolder count, a newline and its tree's id, then its subfolders,
// shortest name first (git's subtree_name_cmp).
func (t *cacheTree) extension(b *bytes.Buffer) {
	b.WriteString(t.name)
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(t.entries) + " " + strconv.Itoa(len(t.subs)) + "\n")
	h := t.tree.Hash()
	b.Write(h[:])
	subs := append([]*cacheTree(nil), t.subs...)
	sort.Slice(subs, func(i, j int) bool {
		a, c := subs[i].name, subs[j].name
		if len(a) != len(c) {
			return len(a) < len(c)
		}
		return a < c
	})
	for _, s := range subs {
		s.extension(b)
	}
}

// changed are the trees of t that old does not have at the same place.
func (t *cacheTree) changed(old *cacheTree, out []plumbing.EncodedObject) []plumbing.EncodedObject {
	if old != nil && old.tree.Hash() == t.tree.Hash() {
		return out
	}
	out = append(out, t.tree)
	for _, s := range t.subs {
		var o *cacheTree
		if old != nil {
			for _, c := range old.subs {
				if c.name == s.name {
					o = c
				}
			}
		}
		out = s.changed(o, out)
	}
	return out
}

// rewrite is the index with the entries at idx given new stat data and
// object ids, the TREE extension ext, and its checksum.
func (x *fastIndex) rewrite(patch map[int]fastFile, ext []byte) []byte {
	start := x.tree[0] - 8
	out := make([]byte, 0, start+8+len(ext)+sha1.Size)
	out = append(out, x.data[:start]...)
	for i, f := range patch {
		off := x.entries[i].off
		copy(out[off:off+entryMode], f.stat[:entryMode])
		copy(out[off+entryMode+4:off+entryOID], f.stat[entryMode+4:])
		h := f.blob.Hash()
		copy(out[off+entryOID:off+entryOID+20], h[:])
	}
	out = append(out, "TREE"...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(ext)))
	out = append(out, ext...)
	sum := sha1.Sum(out)
	return append(out, sum[:]...)
}
