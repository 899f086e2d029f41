package gitops

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// allObjects is every object of the repository, as git lists them.
func allObjects(t *testing.T, dir string) []plumbing.Hash {
	t.Helper()
	var out []plumbing.Hash
	for _, l := range strings.Fields(runGit(t, dir, "cat-file", "--batch-all-objects", "--batch-check=%(objectname)")) {
		out = append(out, plumbing.NewHash(l))
	}
	return out
}

// Every object reads the same through the pack reader as through go-git,
// in packs written by fast-import, by an aggressive git gc (offset deltas,
// long chains) and by a repack with deltas naming their base by hash.
func TestPackReaderMatchesGoGit(t *testing.T) {
	dir, _ := randomHistory(t, 7, 200)
	for _, step := range []struct {
		name  string
		args  []string
		delta plumbing.ObjectType // a kind of delta the pack must hold
	}{
		{"fast-import", nil, 0},
		{"gc", []string{"gc", "-q", "--aggressive"}, plumbing.OFSDeltaObject},
		{"ref deltas", []string{"-c", "repack.usedeltabaseoffset=false", "repack", "-a", "-d", "-f", "-q"}, plumbing.REFDeltaObject},
	} {
		if step.args != nil {
			runGit(t, dir, step.args...)
		}
		r := openRepo(t, dir)
		packs := openPacks(r.GitDir)
		if packs == nil {
			t.Fatalf("%s: no pack mapped", step.name)
		}
		pr := newPackReader(packs)
		kinds := map[plumbing.ObjectType]int{}
		objs := allObjects(t, dir)
		for _, h := range objs {
			p, off, ok := pr.locate(h)
			if !ok {
				t.Fatalf("%s: %s not found", step.name, h)
			}
			kind, _, _, _ := objectHeader(packs.packs[p].data, off)
			kinds[kind]++
			typ, data, ok := pr.read(h)
			o, err := r.Git.Storer.EncodedObject(plumbing.AnyObject, h)
			if err != nil {
				t.Fatal(err)
			}
			rc, _ := o.Reader()
			want, _ := io.ReadAll(rc)
			rc.Close()
			if !ok || typ != o.Type() || !bytes.Equal(data, want) {
				t.Fatalf("%s: %s read as %v %v %q, go-git %v %q", step.name, h, ok, typ, data, o.Type(), want)
			}
		}
		if step.delta != 0 && kinds[step.delta] == 0 {
			t.Errorf("%s: no %v in the pack (%v): the case is not tested", step.name, step.delta, kinds)
		}
		packs.close()
	}
}

// A damaged pack is read as unreadable or not, never with a panic.
func TestPackReaderDamagedPack(t *testing.T) {
	dir, _ := randomHistory(t, 8, 60)
	runGit(t, dir, "gc", "-q")
	idxs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
	if len(idxs) != 1 {
		t.Fatalf("%d packs", len(idxs))
	}
	idx, _ := os.ReadFile(idxs[0])
	pack, _ := os.ReadFile(strings.TrimSuffix(idxs[0], ".idx") + ".pack")
	objs := allObjects(t, dir)
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		data, ix := append([]byte(nil), pack...), append([]byte(nil), idx...)
		for k := 0; k < 1+rng.Intn(8); k++ {
			data[12+rng.Intn(len(data)-32)] ^= byte(1 << rng.Intn(8))
		}
		if trial%4 == 0 { // the offsets and names of the index, too
			ix[8+256*4+rng.Intn(len(ix)-8-256*4-40)] ^= byte(1 << rng.Intn(8))
		}
		p := &packFile{data: data, idx: ix}
		if !p.parseIndex() {
			t.Fatal("index refused")
		}
		pr := newPackReader(&packSet{packs: []*packFile{p}})
		for _, h := range objs {
			pr.read(h)
		}
	}
}

// The hash search finds every hash of a table and no other, however the
// hashes are spread.
func TestSearchOIDs(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, spread := range []string{"even", "one prefix", "two clusters"} {
		var hs []plumbing.Hash
		for i := 0; i < 3000; i++ {
			var h plumbing.Hash
			rng.Read(h[:])
			switch spread {
			case "one prefix":
				copy(h[:], "\x42\x42\x42\x42\x42\x42\x42")
			case "two clusters":
				if i%2 == 0 {
					copy(h[:], "\x10\x00\x00\x00\x00\x00")
				} else {
					copy(h[:], "\x10\xff\xff\xff\xff\xff")
				}
			}
			hs = append(hs, h)
		}
		sort.Slice(hs, func(i, j int) bool { return bytes.Compare(hs[i][:], hs[j][:]) < 0 })
		fanout := make([]byte, 256*4)
		var oids []byte
		for _, h := range hs {
			oids = append(oids, h[:]...)
		}
		for b := 0; b < 256; b++ {
			n := sort.Search(len(hs), func(i int) bool { return int(hs[i][0]) > b })
			binary.BigEndian.PutUint32(fanout[b*4:], uint32(n))
		}
		for i, h := range hs {
			if j, ok := searchOIDs(fanout, oids, h); !ok || !bytes.Equal(hs[j][:], h[:]) {
				t.Fatalf("%s: %d not found (%d %v)", spread, i, j, ok)
			}
			h[19] ^= 1
			if j, ok := searchOIDs(fanout, oids, h); ok && !bytes.Equal(hs[j][:], h[:]) {
				t.Fatalf("%s: a hash not in the table found at %d", spread, j)
			}
		}
	}
}

// The commit-graph file read directly gives what go-git's reader gives,
// octopus merges included, and orders every ancestor newest first.
func TestGraphFileMatchesGoGit(t *testing.T) {
	dir := gitRepo(t)
	var script strings.Builder
	ts := 1600000000
	commit := func(mark int, from int, merges ...int) {
		ts += 60
		fmt.Fprintf(&script, "commit refs/heads/b%d\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 2\nc\n", mark%3, mark, ts)
		if from > 0 {
			fmt.Fprintf(&script, "from :%d\n", from)
		}
		for _, m := range merges {
			fmt.Fprintf(&script, "merge :%d\n", m)
		}
		fmt.Fprintf(&script, "M 100644 inline f%d\ndata 2\n%d\n", mark%5, mark%10)
	}
	commit(1, 0)
	commit(2, 1)
	commit(3, 1)
	commit(4, 1)
	commit(5, 2, 3, 4) // an octopus
	commit(6, 5)
	commit(7, 6, 4)
	commit(8, 7, 2, 3, 6) // another
	fmt.Fprintf(&script, "reset refs/heads/main\nfrom :8\n")
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(script.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	runGit(t, dir, "commit-graph", "write", "--reachable")
	r := openRepo(t, dir)
	g := readGraphFile(r.GitDir)
	idx := r.commitGraph()
	if g == nil || idx == nil {
		t.Fatal("no commit-graph read")
	}
	defer idx.(io.Closer).Close()
	var all []string
	for _, l := range strings.Fields(runGit(t, dir, "rev-list", "--all")) {
		h := plumbing.NewHash(l)
		all = append(all, l)
		i, ok := g.pos(h)
		gi, err := idx.GetIndexByHash(h)
		if !ok || err != nil || uint32(i) != gi {
			t.Fatalf("%s at %d %v, go-git %d %v", h, i, ok, gi, err)
		}
		n, ok := g.node(i)
		d, _ := idx.GetCommitDataByIndex(gi)
		if !ok || n.tree != d.TreeHash || fmt.Sprint(n.parents) != fmt.Sprint(d.ParentHashes) || !n.when.Equal(d.When) || n.gen != d.Generation {
			t.Errorf("%s: %+v, go-git %+v", h, n, d)
		}
	}
	if len(all) != 8 {
		t.Fatalf("%d commits", len(all))
	}
	head, _ := g.pos(plumbing.NewHash(strings.TrimSpace(runGit(t, dir, "rev-parse", "main"))))
	got := g.ancestorTrees(head)
	want := strings.Fields(runGit(t, dir, "log", "--format=%T", "main"))
	if fmt.Sprint(got) != "["+strings.Join(want, " ")+"]" {
		t.Errorf("ancestor trees %v, git log %v", got, want)
	}
}
