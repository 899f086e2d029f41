package gitops

import (
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// A tree object missing from the repository (damage, or a partial clone
// whose trees git fetches on demand) makes the history unreadable: git log
// fails; jobtui must say so, not read the folder as absent and name a
// wrong commit. Here a.md last changed long ago; the commits since change
// its neighbour b.md, and the folder's tree in one of them is gone.
func TestReadersMissingTreeIsAnError(t *testing.T) {
	dir := gitRepo(t)
	a, b := "content/en/careers/positions/a.md", "content/en/careers/positions/b.md"
	writeFile(t, dir, a, "a\n")
	commitAt(t, dir, 1, "a")
	for i := 2; i < 8; i++ {
		writeFile(t, dir, b, strings.Repeat("b", i)+"\n")
		commitAt(t, dir, i, "b")
	}
	folder := strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD~3:content/en/careers/positions"))
	if err := os.Remove(filepath.Join(dir, ".git", "objects", folder[:2], folder[2:])); err != nil {
		t.Fatal(err)
	}
	if err := runGitAllowFail(dir, "log", "-1", "--format=%H", "--", a); err == nil {
		t.Fatal("git log read the history without the tree: the case is not tested")
	}
	got, err := openRepo(t, dir).LastChanges([]string{a, b})
	if err == nil {
		t.Errorf("the tree %s of HEAD~3's folder is missing (git log fails), and LastChanges answered without an error: a.md last changed in %s %q (it changed only in the first commit, \"a\")",
			folder, got[a].Hash, got[a].Subject)
	}
}

// A shallow clone (git clone --depth, as CI checkouts are): the walk
// stops at the boundary as git log does. LastChanges failed with "object
// not found" (so check says the history cannot be read).
func TestReadersShallowClone(t *testing.T) {
	src, paths := reviewHistory(t, 16)
	dir := filepath.Join(t.TempDir(), "shallow")
	runGit(t, src, "clone", "-q", "--depth=3", "file://"+src, dir)
	checkLastChangesAgainstGit(t, dir, paths, "shallow clone")
}

// A repository made shallow after a commit-graph was written (git fetch
// --depth in a full clone: the older objects stay): git ignores the
// commit-graph in a shallow repository and stops at the boundary
// (.git/shallow); jobtui walked on past it, with the commit-graph and
// without.
func TestReadersShallowBoundaryIsHonoured(t *testing.T) {
	src, paths := reviewHistory(t, 16)
	dir := filepath.Join(t.TempDir(), "clone")
	runGit(t, src, "clone", "-q", "--no-local", src, dir)
	runGit(t, dir, "commit-graph", "write", "--reachable")
	runGit(t, dir, "fetch", "-q", "--depth=2", "origin", "main")
	if _, err := os.Stat(filepath.Join(dir, ".git", "shallow")); err != nil {
		t.Fatalf("not shallow: %v", err)
	}
	runGit(t, dir, "reset", "-q", "--hard", "origin/main")
	checkLastChangesAgainstGit(t, dir, paths, "shallow after a commit-graph")
	os.Remove(filepath.Join(dir, ".git", "objects", "info", "commit-graph"))
	checkLastChangesAgainstGit(t, dir, paths, "shallow, the older objects still there, no commit-graph")
}

// A pack file cut short under an open reader (damage, a disk full while a
// tool rewrote it in place): the reader must not kill the process.
func TestReadersTruncatedPackDoesNotCrash(t *testing.T) {
	if os.Getenv("JOBTUI_READERS_TRUNCATE") != "" {
		dir := os.Getenv("JOBTUI_READERS_TRUNCATE")
		packs := openPacks(filepath.Join(dir, ".git"))
		if packs == nil {
			t.Fatal("no pack")
		}
		names, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.pack"))
		st, _ := os.Stat(names[0])
		if err := os.Truncate(names[0], st.Size()/4); err != nil {
			t.Fatal(err)
		}
		pr := newPackReader(packs)
		for _, h := range allObjects(t, dir) {
			pr.read(h)
		}
		return
	}
	dir, _ := reviewHistory(t, 12)
	runGit(t, dir, "gc", "-q")
	runGit(t, dir, "cat-file", "--batch-all-objects", "--batch-check") // warm
	cmd := exec.Command(os.Args[0], "-test.run=^TestReadersTruncatedPackDoesNotCrash$")
	cmd.Env = append(os.Environ(), "JOBTUI_READERS_TRUNCATE="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("reading a pack truncated under the reader: %v\n%s", err, firstLines(string(out), 8))
	}
}

func firstLines(s string, n int) string {
	l := strings.SplitN(s, "\n", n+1)
	if len(l) > n {
		l = l[:n]
	}
	return strings.Join(l, "\n")
}

// A partial clone without trees (git clone --filter=tree:0): the trees of
// older commits are missing, fetched by git on demand. jobtui read every
// missing folder as absent and credited every path to HEAD.
func TestReadersTreelessPartialClone(t *testing.T) {
	checkPartialClone(t, "tree:0")
}

// In a linked worktree, git gc (as git runs it by itself after commits,
// gc --auto) repacks the objects while the app holds its Repo: the stale
// rule kept its object store, since the pack files it watches are looked
// for under the worktree's own git folder, which has none; the trees it
// could no longer find were read as absent folders, the pair was judged
// in step, and that judgement was saved under the git folder, so that a
// fresh Repo gave the same wrong answer.
func TestReadersLinkedWorktreeAfterGC(t *testing.T) {
	src := siteRepo(t)
	runGit(t, src, "gc", "-q")
	dir := filepath.Join(t.TempDir(), "linked")
	runGit(t, src, "worktree", "add", "-q", "-b", "linked", dir)
	r := openRepo(t, dir)
	writeFile(t, dir, enPath, "---\ntitle: Developer 2\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 50, "en 1")
	if ps, err := StalePairs(r, loadSite(t, dir)); err != nil || len(ps) != 1 {
		t.Fatalf("before gc: %v, %d stale pairs, want 1", err, len(ps))
	}
	runGit(t, dir, "gc", "-q", "--prune=now")
	writeFile(t, dir, enPath, "---\ntitle: Developer 3\narchived: false\ntranslationKey: dev\n---\nBody\n")
	commitAt(t, dir, 51, "en 2")
	// The French file has not changed since the first commit; the English
	// one has, twice: one stale pair, as before the gc.
	if ps, err := StalePairs(r, loadSite(t, dir)); err != nil || len(ps) != 1 {
		t.Errorf("the same Repo after gc: %v, %d stale pairs, want 1", err, len(ps))
	}
	if ps, err := StalePairs(openRepo(t, dir), loadSite(t, dir)); err != nil || len(ps) != 1 {
		t.Errorf("a fresh Repo after gc (the caches under the git folder kept): %v, %d stale pairs, want 1", err, len(ps))
	}
}

// In a linked worktree the repository's config is the main git folder's
// (the worktree's own git folder holds none): an identity set there with
// git config user.name/user.email is one git commits with, and jobtui
// refused to commit for want of one.
func TestIdentityInLinkedWorktree(t *testing.T) {
	src := siteRepo(t)
	for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	runGit(t, src, "config", "user.name", "Repo Person")
	runGit(t, src, "config", "user.email", "repo@example.org")
	dir := filepath.Join(t.TempDir(), "linked")
	runGit(t, src, "worktree", "add", "-q", "-b", "linked", dir)
	want := runGit(t, dir, "var", "GIT_AUTHOR_IDENT")
	author, _, err := openRepo(t, dir).Identity()
	if err != nil || !strings.HasPrefix(want, author.Name+" <"+author.Email+">") {
		t.Errorf("identity %q <%s> (%v), git: %s", author.Name, author.Email, err, want)
	}
}

// A damaged commit-graph file whose parent link makes a loop (here a
// commit named its own parent; one flipped bit can name a descendant):
// the walk went round it for ever, holding the stale rule's lock. It must
// return, with an error or an answer. Run in a child process so that a
// hang is killed (after 20 s; the walk takes milliseconds).
func TestReadersCommitGraphLoopReturns(t *testing.T) {
	if dir := os.Getenv("JOBTUI_READERS_GRAPH_LOOP"); dir != "" {
		_, err := openRepo(t, dir).LastChanges(strings.Split(os.Getenv("JOBTUI_READERS_PATHS"), ","))
		t.Logf("LastChanges returned: %v", err)
		return
	}
	dir, paths := reviewHistory(t, 12)
	runGit(t, dir, "commit-graph", "write", "--reachable")
	name := filepath.Join(dir, ".git", "objects", "info", "commit-graph")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	g := parseGraphFile(data)
	i, ok := g.pos(plumbing.NewHash(strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD~1"))))
	if !ok {
		t.Fatal("HEAD~1 is not in the commit-graph file")
	}
	binary.BigEndian.PutUint32(data[cap(data)-cap(g.cdat)+i*graphRecord+20:], uint32(i))
	os.Chmod(name, 0o644)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestReadersCommitGraphLoopReturns$", "-test.v")
	cmd.Env = append(os.Environ(), "JOBTUI_READERS_GRAPH_LOOP="+dir, "JOBTUI_READERS_PATHS="+strings.Join(paths, ","))
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("LastChanges did not return in 20 s on a commit-graph whose commit %d names itself as its parent", i)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, firstLines(string(out), 10))
	}
}

// The answers kept for a shallow clone are not those of the same HEAD once
// the clone is deepened: git fetch --unshallow (HEAD unchanged) and the
// walk goes on past the old boundary, as git log does.
func TestReadersUnshallowAsksAgain(t *testing.T) {
	src, paths := reviewHistory(t, 16)
	dir := filepath.Join(t.TempDir(), "shallow")
	runGit(t, src, "clone", "-q", "--depth=3", "file://"+src, dir)
	checkLastChangesAgainstGit(t, dir, paths, "shallow clone")
	r := openRepo(t, dir)
	if _, err := r.LastChanges(paths); err != nil { // kept on disk and in r
		t.Fatal(err)
	}
	runGit(t, dir, "fetch", "-q", "--unshallow")
	for _, what := range []string{"the same Repo", "a new Repo"} {
		got, err := r.LastChanges(paths)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, p := range paths {
			want := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
			if c := got[p]; (c == nil && want != "") || (c != nil && c.Hash.String() != want) {
				t.Errorf("after --unshallow, %s: %s: jobtui %v, git log %q", what, p, c, want)
			}
		}
		r = openRepo(t, dir)
	}
}

// The same, when the answer is made from the last one as HEAD moves on
// (changesSince): the missing tree is an error there too, and nothing is
// kept that a fresh Repo would read back (found by review).
func TestReadersMissingTreeSinceTheLastAnswer(t *testing.T) {
	dir := gitRepo(t)
	a, b := "content/en/careers/positions/a.md", "content/en/careers/positions/b.md"
	writeFile(t, dir, a, "a\n")
	commitAt(t, dir, 1, "a")
	writeFile(t, dir, b, "b\n")
	commitAt(t, dir, 2, "b")
	r := openRepo(t, dir)
	if _, err := r.LastChanges([]string{a, b}); err != nil {
		t.Fatal(err)
	}
	for i := 3; i < 6; i++ {
		writeFile(t, dir, b, strings.Repeat("b", i)+"\n")
		commitAt(t, dir, i, "b")
	}
	folder := strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD~1:content/en/careers/positions"))
	if err := os.Remove(filepath.Join(dir, ".git", "objects", folder[:2], folder[2:])); err != nil {
		t.Fatal(err)
	}
	if got, err := r.LastChanges([]string{a, b}); err == nil {
		t.Errorf("HEAD~1's folder tree is missing and the answer made from the last one has no error: a.md in %s", got[a].Hash)
	}
	if _, err := openRepo(t, dir).LastChanges([]string{a, b}); err == nil {
		t.Error("a fresh Repo answered without an error: a wrong answer was kept")
	}
}
