package gitops

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// fastPlan is what the fast path will write: the objects the commit
// needs (blobs, the changed trees), its tree, and the new index.
type fastPlan struct {
	head     plumbing.Hash // the branch's commit, the parent
	tree     plumbing.Hash
	objects  []plumbing.EncodedObject
	newIndex []byte
}

// fastFile is a committed file as git add would record it.
type fastFile struct {
	stat [40]byte // the index's stat data (mode aside)
	blob plumbing.EncodedObject
}

// fastMaxFile is the largest file the fast path hashes in memory (git
// streams much larger files into a pack: core.bigFileThreshold).
const fastMaxFile = 32 << 20

// fastPlan reads the index (under its lock) and the files, and plans the
// commit, where the index is exactly HEAD (its cached trees complete,
// as git writes them, and the root HEAD's tree), every path is tracked
// and changed in place, and every other entry is as git's refresh would
// leave it. work.place puts the paths' new bytes in place: it is called
// once the other entries are known to be as git's refresh would leave them.
func (r *Repo) fastPlan(paths []string, branch string, work commitWork) (*fastPlan, error) {
	head, err := r.fastRef(branch)
	if err != nil {
		return nil, err
	}
	data, indexTime, err := readFileStat(r.gitFile("index"))
	if err != nil {
		return nil, fastBack("index: " + err.Error())
	}
	idx, err := parseFastIndex(data)
	if err != nil {
		return nil, err
	}
	c, err := r.Git.CommitObject(head)
	if err != nil {
		return nil, fastBack("HEAD's commit: " + err.Error())
	}
	oids := make([]plumbing.Hash, len(idx.entries))
	for i, e := range idx.entries {
		oids[i] = e.oid(data)
	}
	old, err := buildCacheTree(data, idx.entries, oids)
	if err != nil {
		return nil, err
	}
	var ext bytes.Buffer
	old.extension(&ext)
	if old.tree.Hash() != c.TreeHash || !bytes.Equal(ext.Bytes(), data[idx.tree[0]:idx.tree[1]]) {
		return nil, fastBack("index is not HEAD")
	}
	at, err := idx.entriesOf(paths)
	if err != nil {
		return nil, err
	}
	if err := r.fastOthersClean(idx, at, indexTime); err != nil {
		return nil, err
	}
	if err := work.place(); err != nil {
		return nil, err
	}
	files, err := r.fastFiles(idx, paths, at, work.expect)
	if err != nil {
		return nil, err
	}
	plan := &fastPlan{head: head}
	for i, f := range files {
		oids[i] = f.blob.Hash()
		plan.objects = append(plan.objects, f.blob)
	}
	now, err := buildCacheTree(data, idx.entries, oids)
	if err != nil {
		return nil, err
	}
	plan.tree = now.tree.Hash()
	plan.objects = now.changed(old, plan.objects)
	ext.Reset()
	now.extension(&ext)
	plan.newIndex = idx.rewrite(files, ext.Bytes())
	return plan, nil
}

// fastFiles reads each path as git add would: a regular file whose
// entry is one too (its owner execute bit as its entry's mode says), the
// same stat data before and after it is read, a blob other than its
// entry's.
func (r *Repo) fastFiles(idx *fastIndex, paths []string, at []int, expect map[string][32]byte) (map[int]fastFile, error) {
	files := make(map[int]fastFile, len(paths))
	dirs := map[string]bool{".": true}
	for k, p := range paths {
		for d := path.Dir(p); !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
			if fi, err := os.Lstat(r.AbsPath(d)); err != nil || !fi.IsDir() {
				return nil, fastBack("not a folder: " + d) // git will not add beyond a link
			}
		}
		i := at[k]
		e := idx.entries[i]
		abs := r.AbsPath(p)
		before, err := os.Lstat(abs)
		if err != nil || !before.Mode().IsRegular() || before.Size() > fastMaxFile {
			return nil, fastBack("not a regular file: " + p)
		}
		// The file's mode as git add records it (a regular file, 100755
		// where its owner may run it) must be its entry's: a symlink the
		// file replaced, or another execute bit, goes to git.
		if mode := e.mode(idx.data); (mode != 0o100644 && mode != 0o100755) || (before.Mode()&0o100 != 0) != (mode == 0o100755) {
			return nil, fastBack("mode changed: " + p)
		}
		data, err := os.ReadFile(abs)
		if err != nil {
			return nil, fastBack("read " + p)
		}
		if want, ok := expect[p]; ok && sha256.Sum256(data) != want {
			// Not the bytes the caller wrote: someone saved the file
			// meanwhile. Committed, theirs would go under the caller's
			// message.
			return nil, &Error{Kind: KindChangedOnDisk, Paths: []string{p}}
		}
		after, err := os.Lstat(abs)
		sd, ok := statData(before)
		if sd2, ok2 := statData(after); err != nil || !ok || !ok2 || sd != sd2 || int64(len(data)) != after.Size() {
			return nil, fastBack("changing: " + p)
		}
		blob := &plumbing.MemoryObject{}
		blob.SetType(plumbing.BlobObject)
		blob.Write(data)
		if blob.Hash() == e.oid(idx.data) {
			return nil, fastBack("unchanged: " + p)
		}
		files[i] = fastFile{stat: sd, blob: blob}
	}
	return files, nil
}

// fastOthersClean checks that git's refresh of the index, which git
// commit makes, would change no entry but the committed ones: a file
// with its entry's stat data (the mode as git compares it) is left
// alone. A racy entry (its mtime's second no earlier than the index's:
// git compares seconds only, unless built with USE_NSEC, so a file
// rewritten in that second with the same size may look clean to it) is
// left alone only where it is provably so: its stat data the same to
// the nanosecond and its content its blob's; otherwise git may refresh
// it or smudge it (size 0, so that the change shows later) and the
// commit goes to git. A file whose stat data differ must have other
// content than its entry (git leaves such an entry alone; one with the
// same content it would refresh). A missing file, or one of another
// type or mode, goes to git.
func (r *Repo) fastOthersClean(idx *fastIndex, committed []int, indexTime int64) error {
	skip := make(map[int]bool, len(committed))
	for _, i := range committed {
		skip[i] = true
	}
	// An lstat for each file is most of it: half of them on each core.
	half := len(idx.entries) / 2
	var second error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { // not left to kill the process with index.lock held
			if v := recover(); v != nil {
				second = fmt.Errorf("checking the index's files: %v", v)
			}
		}()
		second = r.othersCleanIn(idx, skip, indexTime, half, len(idx.entries))
	}()
	first := r.othersCleanIn(idx, skip, indexTime, 0, half)
	<-done
	if first != nil { // the first in the index's order, as one loop would say
		return first
	}
	return second
}

func (r *Repo) othersCleanIn(idx *fastIndex, skip map[int]bool, indexTime int64, from, to int) error {
	for i := from; i < to; i++ {
		if !skip[i] {
			if err := r.otherClean(idx, idx.entries[i], indexTime); err != nil {
				return err
			}
		}
	}
	return nil
}

// otherClean is fastOthersClean's check of one entry.
func (r *Repo) otherClean(idx *fastIndex, e indexEntry, indexTime int64) error {
	abs := r.AbsPath(e.name)
	sd, fmode, err := lstatEntry(abs)
	switch {
	case err == errNoStatData:
		return fastBack("stat data")
	case err != nil:
		return fastBack("other file: " + e.name)
	}
	mode, typ := e.mode(idx.data), fmode&modeType
	if mode == 0o120000 && typ != modeSymlink ||
		mode != 0o120000 && (typ != modeRegular || (fmode&0o100 != 0) != (mode == 0o100755)) {
		return fastBack("other file's type or mode: " + e.name)
	}
	same := bytes.Equal(sd[:entryMode], idx.data[e.off:e.off+entryMode]) && bytes.Equal(sd[entryMode+4:], idx.data[e.off+entryMode+4:e.off+40])
	racy := int64(binary.BigEndian.Uint32(idx.data[e.off+8:])) >= indexTime
	if same && !racy {
		return nil
	}
	data, err := readWorkBytes(abs, typ == modeSymlink)
	if err != nil || (plumbing.ComputeHash(plumbing.BlobObject, data) == e.oid(idx.data)) != same || (racy && !same) {
		return fastBack("other file git would refresh or mark: " + e.name)
	}
	return nil
}

// errNoStatData: the system does not give the stat data git keeps.
var errNoStatData = errors.New("no stat data")

// entriesOf is where each path's entry is in the index; a path without
// one is not tracked: git commits it.
func (x *fastIndex) entriesOf(paths []string) ([]int, error) {
	at := make([]int, len(paths))
	for k, p := range paths {
		i := sort.Search(len(x.entries), func(i int) bool { return x.entries[i].name >= p })
		if i == len(x.entries) || x.entries[i].name != p {
			return nil, fastBack("not tracked: " + p)
		}
		at[k] = i
	}
	return at, nil
}

// readFileStat reads a file and gives its modification time (seconds).
func readFileStat(p string) ([]byte, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	data := make([]byte, fi.Size())
	if _, err := f.ReadAt(data, 0); err != nil {
		return nil, 0, err
	}
	return data, fi.ModTime().Unix(), nil
}

// fastBranch is the branch HEAD names (refs/heads/...), read from HEAD
// itself: a symbolic reference to a branch, else git commits.
func (r *Repo) fastBranch() (string, error) {
	data, err := os.ReadFile(r.gitFile("HEAD"))
	if err != nil {
		return "", fastBack("HEAD")
	}
	ref, ok := strings.CutPrefix(string(data), "ref: ")
	ref, ok2 := strings.CutSuffix(ref, "\n")
	if !ok || !ok2 || !strings.HasPrefix(ref, "refs/heads/") || !plainRefName(ref) {
		return "", fastBack("HEAD not on a branch")
	}
	return ref, nil
}

// plainRefName refuses what git's check_refname_format may refuse and
// names that are not plain files under refs/heads.
func plainRefName(ref string) bool {
	for _, part := range strings.Split(ref, "/") {
		if part == "" || part[0] == '.' || strings.HasSuffix(part, ".lock") {
			return false
		}
	}
	return !strings.ContainsAny(ref, "\x00\\ ~^:?*[\x7f") && !strings.Contains(ref, "..") && !strings.Contains(ref, "@{") &&
		strings.IndexFunc(ref, func(c rune) bool { return c < 32 }) < 0 && !strings.HasSuffix(ref, ".")
}

// fastRef is the commit a branch holds: its loose file, else its line
// in packed-refs; anything unusual (a symbolic ref, a malformed file, an
// unborn branch) goes to git.
func (r *Repo) fastRef(ref string) (plumbing.Hash, error) {
	data, err := os.ReadFile(filepath.Join(r.GitDir, filepath.FromSlash(ref)))
	if err == nil {
		hex, ok := strings.CutSuffix(string(data), "\n")
		if !ok || !plumbing.IsHash(hex) || hex != strings.ToLower(hex) {
			return plumbing.ZeroHash, fastBack("branch file")
		}
		return plumbing.NewHash(hex), nil
	}
	if !os.IsNotExist(err) {
		return plumbing.ZeroHash, fastBack("branch file")
	}
	f, err := os.Open(r.gitFile("packed-refs"))
	if err != nil {
		return plumbing.ZeroHash, fastBack("unborn branch")
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		hex, name, ok := strings.Cut(s.Text(), " ")
		if ok && name == ref && plumbing.IsHash(hex) {
			return plumbing.NewHash(hex), nil
		}
	}
	return plumbing.ZeroHash, fastBack("unborn branch")
}

// commitObject is the commit of the plan's tree on its parent.
func (p *fastPlan) commitObject(author, committer fastIdent, msg string) (plumbing.EncodedObject, error) {
	c := &object.Commit{Author: author.sig, Committer: committer.sig, Message: msg, TreeHash: p.tree, ParentHashes: []plumbing.Hash{p.head}}
	o := &plumbing.MemoryObject{}
	if err := c.Encode(o); err != nil {
		return nil, fastBack("commit: " + err.Error())
	}
	return o, nil
}
