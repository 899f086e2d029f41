package gitops

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// Adversarial checks of the history readers (pack files, commit-graph)
// against git's own answers, on repositories shaped by git itself.

// reviewHistory makes, with git fast-import, a repository where a few
// postings change many times (long delta chains), with a side branch
// merged in the middle, and returns it with the paths (and one never
// committed).
func reviewHistory(t *testing.T, commits int) (string, []string) {
	t.Helper()
	dir := gitRepo(t)
	paths := []string{
		"content/en/careers/positions/a.md",
		"content/fr/careers/positions/a-fr.md",
		"content/en/careers/positions/b.md",
		"other/c.md",
	}
	// Each revision of a file edits one more line of it: its previous
	// revision is its nearest, and git's deltas make long chains.
	lines := map[string][]string{}
	revise := func(p string, n int) string {
		if lines[p] == nil {
			for i := 0; i < 100; i++ {
				lines[p] = append(lines[p], fmt.Sprintf("line %d of %s, long enough to make deltas worth it", i, p))
			}
		}
		lines[p][(n*37)%100] = fmt.Sprintf("line edited in revision %d", n)
		return strings.Join(lines[p], "\n") + "\n"
	}
	var script strings.Builder
	ts := 1700000000
	commit := func(branch string, mark, from, merge int, file, content string) {
		ts += 3600
		fmt.Fprintf(&script, "commit refs/heads/%s\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 4\nc%03d\n", branch, mark, ts, mark%1000)
		if from > 0 {
			fmt.Fprintf(&script, "from :%d\n", from)
		}
		if merge > 0 {
			fmt.Fprintf(&script, "merge :%d\n", merge)
		}
		if file != "" {
			fmt.Fprintf(&script, "M 100644 inline %s\ndata %d\n%s\n", file, len(content), content)
		}
	}
	prev := 0
	for n := 1; n <= commits; n++ {
		p := paths[(n-1)%len(paths)]
		if n == commits/2 {
			commit("side", 5000, prev, 0, paths[2], revise(paths[2]+" side", n))
			commit("main", n, prev, 0, p, revise(p, n))
			commit("main", 6000, n, 5000, "", "")
			prev = 6000
			continue
		}
		commit("main", n, prev, 0, p, revise(p, n))
		prev = n
	}
	cmd := execGit(dir, "fast-import", "--quiet")
	cmd.Stdin = strings.NewReader(script.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	runGit(t, dir, "reset", "-q", "--hard", "main")
	return dir, append(paths, "missing.md")
}

// checkLastChangesAgainstGit compares LastChanges, from a fresh Repo with
// no cache, with git log -1 for every path.
func checkLastChangesAgainstGit(t *testing.T, dir string, paths []string, what string) {
	t.Helper()
	r := openRepo(t, dir)
	os.Remove(r.historyCachePath())
	got, err := r.LastChanges(paths)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	inHead := runGit(t, dir, "ls-tree", "-r", "--name-only", "HEAD")
	for _, p := range paths {
		want := ""
		if strings.Contains(inHead, p+"\n") {
			want = strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
		}
		have := ""
		if c := got[p]; c != nil {
			have = c.Hash.String()
		}
		if have != want {
			t.Errorf("%s: %s: jobtui %q, git log %q", what, p, have, want)
		}
	}
}

// checkPackReaderAgainstGit reads every object git lists through the pack
// reader and compares with git cat-file; found counts the objects the
// pack reader read itself, kinds how they are stored.
func checkPackReaderAgainstGit(t *testing.T, dir, what string) (found int, kinds map[plumbing.ObjectType]int) {
	t.Helper()
	r := openRepo(t, dir)
	packs := openPacks(r.commonDir())
	if packs == nil {
		t.Fatalf("%s: no pack mapped", what)
	}
	defer packs.close()
	pr := newPackReader(packs)
	kinds = map[plumbing.ObjectType]int{}
	objs := allObjects(t, dir)
	var in strings.Builder
	for _, h := range objs {
		in.WriteString(h.String() + "\n")
	}
	cmd := execGit(dir, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range objs {
		nl := bytes.IndexByte(out, '\n')
		var name, typ string
		var size int
		fmt.Sscanf(string(out[:nl]), "%s %s %d", &name, &typ, &size)
		want := out[nl+1 : nl+1+size]
		out = out[nl+1+size+1:]
		if p, off, ok := pr.locate(h); ok {
			kind, _, _, _ := objectHeader(packs.packs[p].data, off)
			kinds[kind]++
		}
		gotTyp, data, ok := pr.read(h)
		if !ok {
			continue
		}
		found++
		if gotTyp.String() != typ || !bytes.Equal(data, want) {
			t.Fatalf("%s: %s read as %v (%d bytes), git: %s (%d bytes)", what, h, gotTyp, len(data), typ, size)
		}
	}
	return found, kinds
}

// longestChain is the longest delta chain git finds in the repository's
// packs.
func longestChain(t *testing.T, dir string) int {
	idxs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
	longest := 0
	for _, idx := range idxs {
		for _, l := range strings.Split(runGit(t, dir, "verify-pack", "-v", idx), "\n") {
			var n int
			if _, err := fmt.Sscanf(l, "chain length = %d:", &n); err == nil {
				longest = max(longest, n)
			}
		}
	}
	return longest
}

// Long offset-delta chains (depth 50), then the same with deltas naming
// their base by hash, and objects stored whole (core.bigFileThreshold):
// every object and every last change as git has them.
func TestReadersDeepDeltaChains(t *testing.T) {
	dir, paths := reviewHistory(t, 120)
	for _, step := range []struct {
		name  string
		args  []string
		kind  plumbing.ObjectType // how some objects must be stored
		chain int                 // the longest delta chain at least
	}{
		{"depth 50", []string{"repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=250"}, plumbing.OFSDeltaObject, 20},
		{"ref deltas depth 50", []string{"-c", "repack.usedeltabaseoffset=false", "repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=250"}, plumbing.REFDeltaObject, 20},
		{"big file threshold", []string{"-c", "core.bigFileThreshold=100", "repack", "-a", "-d", "-f", "-q"}, plumbing.BlobObject, 0},
	} {
		runGit(t, dir, step.args...)
		n, kinds := checkPackReaderAgainstGit(t, dir, step.name)
		if all := len(allObjects(t, dir)); n != all {
			t.Errorf("%s: the pack reader read %d objects of the %d in the pack (the others left to go-git)", step.name, n, all)
		}
		if kinds[step.kind] == 0 {
			t.Fatalf("%s: objects stored as %v: the case is not tested", step.name, kinds)
		}
		if c := longestChain(t, dir); c < step.chain {
			t.Fatalf("%s: the longest delta chain is %d: the case is not tested", step.name, c)
		}
		checkLastChangesAgainstGit(t, dir, paths, step.name)
	}
}

// An index whose offsets are in its 64-bit table (git index-pack
// --index-version=2,<threshold>, as git's own tests make them).
func TestReadersLargeOffsetTable(t *testing.T) {
	dir, paths := reviewHistory(t, 30)
	runGit(t, dir, "repack", "-a", "-d", "-q")
	idxs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
	if len(idxs) != 1 {
		t.Fatalf("%d packs", len(idxs))
	}
	pack := strings.TrimSuffix(idxs[0], ".idx") + ".pack"
	os.Chmod(idxs[0], 0o644)
	os.Remove(idxs[0])
	runGit(t, dir, "index-pack", "--index-version=2,0x40", "-o", idxs[0], pack)
	r := openRepo(t, dir)
	packs := openPacks(r.GitDir)
	if packs == nil || len(packs.packs[0].large) == 0 {
		t.Fatal("no 64-bit offset table in the index")
	}
	packs.close()
	if n, _ := checkPackReaderAgainstGit(t, dir, "64-bit offsets"); n != len(allObjects(t, dir)) {
		t.Errorf("64-bit offsets: the pack reader read %d objects of %d", n, len(allObjects(t, dir)))
	}
	checkLastChangesAgainstGit(t, dir, paths, "64-bit offsets")
}

// The same objects in several packs (a repack that keeps the old packs),
// a .keep pack, a multi-pack-index, and loose objects besides.
func TestReadersSeveralPacksAndMultiPackIndex(t *testing.T) {
	dir, paths := reviewHistory(t, 40)
	runGit(t, dir, "repack", "-q")                          // the objects so far, in a pack
	runGit(t, dir, "repack", "-a", "-f", "-q", "--depth=3") // all of them again, old packs kept
	writeFile(t, dir, paths[0], "after the packs\n")
	commitAt(t, dir, 500, "loose")
	runGit(t, dir, "repack", "-q")
	idxs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
	if len(idxs) < 3 {
		t.Fatalf("%d packs", len(idxs))
	}
	os.WriteFile(strings.TrimSuffix(idxs[0], ".idx")+".keep", nil, 0o644)
	writeFile(t, dir, paths[1], "loose again\n")
	commitAt(t, dir, 501, "loose again")
	checkPackReaderAgainstGit(t, dir, "several packs")
	checkLastChangesAgainstGit(t, dir, paths, "several packs")
	runGit(t, dir, "multi-pack-index", "write")
	checkLastChangesAgainstGit(t, dir, paths, "multi-pack-index")
	runGit(t, dir, "commit-graph", "write", "--reachable")
	checkLastChangesAgainstGit(t, dir, paths, "multi-pack-index and commit-graph")
}

// Commit-graph chains (--split), generation data, changed-path filters,
// and a single file left behind older than the chain.
func TestReadersCommitGraphShapes(t *testing.T) {
	dir, paths := reviewHistory(t, 40)
	runGit(t, dir, "gc", "-q")
	runGit(t, dir, "-c", "commitGraph.generationVersion=1", "commit-graph", "write", "--reachable")
	checkLastChangesAgainstGit(t, dir, paths, "generation v1")
	runGit(t, dir, "-c", "commitGraph.generationVersion=2", "commit-graph", "write", "--reachable", "--changed-paths")
	checkLastChangesAgainstGit(t, dir, paths, "generation v2, changed paths")
	old, _ := os.ReadFile(filepath.Join(dir, ".git", "objects", "info", "commit-graph"))
	for i := 0; i < 3; i++ {
		writeFile(t, dir, paths[i], fmt.Sprintf("split %d\n", i))
		commitAt(t, dir, 600+i, fmt.Sprintf("split %d", i))
		runGit(t, dir, "commit-graph", "write", "--reachable", "--split=no-merge")
	}
	chain, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "info", "commit-graphs", "*.graph"))
	if len(chain) < 2 {
		t.Fatalf("a chain of %d files", len(chain))
	}
	checkLastChangesAgainstGit(t, dir, paths, "split chain")
	// The single file back beside the chain (as an older git would leave it).
	os.WriteFile(filepath.Join(dir, ".git", "objects", "info", "commit-graph"), old, 0o644)
	checkLastChangesAgainstGit(t, dir, paths, "stale single file beside a chain")
	writeFile(t, dir, paths[3], "after the graph\n")
	commitAt(t, dir, 700, "after the graph")
	checkLastChangesAgainstGit(t, dir, paths, "HEAD newer than the graph")
}

// Objects that live only in an alternate (git clone --shared), packed
// there, with the clone's own pack and loose objects on top.
func TestReadersObjectsInAnAlternate(t *testing.T) {
	src, paths := reviewHistory(t, 40)
	runGit(t, src, "gc", "-q")
	runGit(t, src, "commit-graph", "write", "--reachable")
	dir := filepath.Join(t.TempDir(), "shared")
	runGit(t, src, "clone", "-q", "--shared", src, dir)
	checkLastChangesAgainstGit(t, dir, paths, "alternate only")
	writeFile(t, dir, paths[0], "in the clone\n")
	commitAt(t, dir, 800, "in the clone")
	runGit(t, dir, "repack", "-a", "-d", "-q", "-l")
	writeFile(t, dir, paths[1], "loose in the clone\n")
	commitAt(t, dir, 801, "loose in the clone")
	checkLastChangesAgainstGit(t, dir, paths, "alternate and own pack")
}

// Several goroutines ask one Repo at once (the app's loads and reviews).
func TestReadersConcurrentLastChanges(t *testing.T) {
	dir, paths := reviewHistory(t, 60)
	runGit(t, dir, "gc", "-q")
	runGit(t, dir, "commit-graph", "write", "--reachable")
	want := map[string]string{}
	for _, p := range paths[:4] {
		want[p] = strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
	}
	r := openRepo(t, dir)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps := []string{paths[g%4], paths[(g+1)%4]}
			if g%3 == 0 {
				ps = paths
			}
			got, err := r.LastChanges(ps)
			if err != nil {
				errs <- err.Error()
				return
			}
			for _, p := range ps {
				if w, ok := want[p]; ok && (got[p] == nil || got[p].Hash.String() != w) {
					errs <- fmt.Sprintf("%s: %v, git log %s", p, got[p], w)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// A repository of SHA-256 objects: refused, or read right; never misread.
func TestReadersSHA256Repository(t *testing.T) {
	dir := gitRepo(t)
	os.RemoveAll(filepath.Join(dir, ".git"))
	runGit(t, dir, "init", "-q", "-b", "main", "--object-format=sha256")
	writeFile(t, dir, "content/en/careers/positions/a.md", "one\n")
	commitAt(t, dir, 1, "one")
	writeFile(t, dir, "content/en/careers/positions/a.md", "two\n")
	commitAt(t, dir, 2, "two")
	runGit(t, dir, "gc", "-q")
	runGit(t, dir, "commit-graph", "write", "--reachable")
	r, err := Open(dir)
	if err != nil {
		t.Logf("refused: %v", err)
		return
	}
	got, err := r.LastChanges([]string{"content/en/careers/positions/a.md"})
	if err != nil {
		t.Logf("history refused: %v", err)
		return
	}
	want := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", "content/en/careers/positions/a.md"))
	if c := got["content/en/careers/positions/a.md"]; c == nil || c.Hash.String() != want {
		t.Errorf("last change %v, git log %s", c, want)
	}
}

// checkPartialClone: a partial clone is refused, or read as git reads it
// (git log fetches what it lacks, so it runs after jobtui).
func checkPartialClone(t *testing.T, filter string) {
	t.Helper()
	src, paths := reviewHistory(t, 12)
	runGit(t, src, "config", "uploadpack.allowFilter", "true")
	dir := filepath.Join(t.TempDir(), "partial")
	runGit(t, src, "clone", "-q", "--filter="+filter, "file://"+src, dir)
	r, err := Open(dir)
	if err != nil {
		t.Logf("%s: refused: %v", filter, err)
		return
	}
	got, err := r.LastChanges(paths)
	if err != nil {
		t.Logf("%s: history refused: %v", filter, err)
		return
	}
	for _, p := range paths[:4] {
		want := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
		if c := got[p]; c == nil || c.Hash.String() != want {
			t.Errorf("%s: %s: jobtui %v, git log %s", filter, p, c, want)
		}
	}
}

// A partial clone without blobs (git clone --filter=blob:none): the walk
// needs only commits and trees.
func TestReadersBloblessPartialClone(t *testing.T) {
	checkPartialClone(t, "blob:none")
}

// The stale rule, the last changes and the review marks asked of one Repo
// at once, from several goroutines (the app's list and review do): the
// same answer each time (also clean under -race).
func TestReadersConcurrentStalePairs(t *testing.T) {
	dir := siteRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer 2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "en 1")
	runGit(t, dir, "gc", "-q")
	r := openRepo(t, dir)
	cat := loadSite(t, dir)
	want := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", enPath))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if g%2 == 0 {
				if ps, err := StalePairs(r, cat); err != nil || len(ps) != 1 || ps[0].SourceChange.Hash.String() != want {
					t.Errorf("stale pairs %v: %s", err, staleSummary(ps))
				}
				return
			}
			if ch, err := r.LastChanges([]string{enPath, frPath}); err != nil || ch[enPath] == nil || ch[enPath].Hash.String() != want {
				t.Errorf("last changes %v %v, git log %s", err, ch[enPath], want)
			}
			if _, err := r.ReviewMarks(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// Octopus merges (three and four parents, a file taken from each, one
// made anew), with no commit-graph, a single file (its extra-edge list
// read directly) and a --split chain (go-git's reader): git log's answer.
func TestReadersOctopusMerges(t *testing.T) {
	for seed := 0; seed < 2; seed++ {
		dir := gitRepo(t)
		var script strings.Builder
		ts := 1600000000
		commit := func(mark int, from int, files map[int]int, merges ...int) {
			ts += 60 * ((mark*7+seed)%3 + 1)
			branch := fmt.Sprintf("b%d", mark%4)
			fmt.Fprintf(&script, "commit refs/heads/%s\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 2\nc\n", branch, mark, ts)
			if from > 0 {
				fmt.Fprintf(&script, "from :%d\n", from)
			}
			for _, m := range merges {
				fmt.Fprintf(&script, "merge :%d\n", m)
			}
			for f, v := range files {
				fmt.Fprintf(&script, "M 100644 inline d/f%d\ndata 2\n%d\n", f, v)
			}
		}
		commit(1, 0, map[int]int{0: 0, 1: 0, 2: 0, 3: 0, 4: 0})
		commit(2, 1, map[int]int{0: 2, 1: 2})
		commit(3, 1, map[int]int{1: 3, 2: 3})
		commit(4, 1, map[int]int{2: 4, 3: 4})
		// An octopus: f0 as in 2, f1 as in 3, f2 anew, f3 as in 4, f4 as
		// in every parent.
		commit(5, 2, map[int]int{1: 3, 2: 9, 3: 4}, 3, 4)
		commit(6, 5, map[int]int{4: 6})
		commit(7, 3, map[int]int{0: 7})
		commit(8, 6, map[int]int{0: 7, 4: 6 + seed%2}, 7, 4, 2)
		fmt.Fprintf(&script, "reset refs/heads/main\nfrom :8\n")
		cmd := execGit(dir, "fast-import", "--quiet")
		cmd.Stdin = strings.NewReader(script.String())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v %s", err, out)
		}
		runGit(t, dir, "reset", "-q", "--hard", "main")
		paths := []string{"d/f0", "d/f1", "d/f2", "d/f3", "d/f4"}
		checkLastChangesAgainstGit(t, dir, paths, fmt.Sprintf("seed %d no graph", seed))
		runGit(t, dir, "commit-graph", "write", "--reachable")
		checkLastChangesAgainstGit(t, dir, paths, fmt.Sprintf("seed %d graph", seed))
		os.Remove(dir + "/.git/objects/info/commit-graph")
		runGit(t, dir, "commit-graph", "write", "--reachable", "--split")
		checkLastChangesAgainstGit(t, dir, paths, fmt.Sprintf("seed %d split graph", seed))
	}
}

// Commit dates in any order (clocks skewed: a parent newer than its
// child), three branches merged into each other, octopus merges among
// them: the walk meets commits in git log's order and names git log's
// commit, with and without a commit-graph.
func TestReadersClockSkew(t *testing.T) {
	for seed := int64(0); seed < 8; seed++ {
		rng := rand.New(rand.NewSource(seed))
		dir := gitRepo(t)
		var script strings.Builder
		tips := map[string]int{}
		files := []string{"d/a", "d/b", "e/c"}
		for mark := 1; mark <= 60; mark++ {
			br := []string{"main", "side", "third"}[rng.Intn(3)]
			ts := 1600000000 + rng.Intn(100000) // skewed: any order
			fmt.Fprintf(&script, "commit refs/heads/%s\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 2\nc\n", br, mark, ts)
			if tips[br] > 0 {
				fmt.Fprintf(&script, "from :%d\n", tips[br])
			} else if mark > 1 {
				fmt.Fprintf(&script, "from :1\n")
			}
			if rng.Intn(5) == 0 {
				for _, o := range []string{"main", "side", "third"} {
					if o != br && tips[o] > 0 && rng.Intn(2) == 0 {
						fmt.Fprintf(&script, "merge :%d\n", tips[o])
					}
				}
			}
			f := files[rng.Intn(len(files))]
			fmt.Fprintf(&script, "M 100644 inline %s\ndata 3\n%02d\n", f, rng.Intn(4))
			tips[br] = mark
		}
		fmt.Fprintf(&script, "commit refs/heads/main\nmark :999\ncommitter T <t@example.org> 1600050000 +0000\ndata 2\nm\nfrom :%d\n", tips["main"])
		for _, o := range []string{"side", "third"} {
			if tips[o] > 0 {
				fmt.Fprintf(&script, "merge :%d\n", tips[o])
			}
		}
		cmd := execGit(dir, "fast-import", "--quiet")
		cmd.Stdin = strings.NewReader(script.String())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v %s", err, out)
		}
		runGit(t, dir, "reset", "-q", "--hard", "main")
		checkLastChangesAgainstGit(t, dir, files, fmt.Sprintf("seed %d", seed))
		runGit(t, dir, "commit-graph", "write", "--reachable")
		checkLastChangesAgainstGit(t, dir, files, fmt.Sprintf("seed %d graph", seed))
	}
}
