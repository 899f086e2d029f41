package gitops

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// randomHistory builds, with git fast-import, a history of n commits on
// two branches merged back and forth, where merges keep one side's version
// of some files, take the other side's for others and write new content
// for a few: the cases of git's history simplification.
func randomHistory(t *testing.T, seed int64, n int) (string, []string) {
	t.Helper()
	dir := gitRepo(t)
	var files []string
	for i := 0; i < 20; i++ {
		files = append(files, fmt.Sprintf("content/en/careers/positions/p%02d.md", i), fmt.Sprintf("content/fr/careers/positions/offre-%02d-é’.md", i))
	}
	files = append(files, "content/en/blog/a.md", "content/en/blog/b.md", "README.md")
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(stdin)
	rng := rand.New(rand.NewSource(seed))
	mark, ts := 0, int64(1600000000)
	version := map[string]map[string]int{"main": {}, "side": {}} // branch -> file -> content id
	tip := map[string]int{}
	commit := func(branch string, merge int, changes map[string]int) {
		mark++
		ts += int64(rng.Intn(3)) * 60 // equal dates happen
		fmt.Fprintf(w, "commit refs/heads/%s\nmark :%d\ncommitter T <t@example.org> %d +0000\ndata 9\nc%07d\n", branch, mark, ts, mark)
		if tip[branch] > 0 {
			fmt.Fprintf(w, "from :%d\n", tip[branch])
		}
		if merge > 0 {
			fmt.Fprintf(w, "merge :%d\n", merge)
		}
		for f, v := range changes {
			if v < 0 {
				fmt.Fprintf(w, "D %s\n", f)
				delete(version[branch], f)
				continue
			}
			content := fmt.Sprintf("v%d\n", v)
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", f, len(content), content)
			version[branch][f] = v
		}
		tip[branch] = mark
	}
	all := map[string]int{}
	for i, f := range files {
		all[f] = i
	}
	commit("main", 0, all)
	tip["side"] = tip["main"]
	for f, v := range version["main"] {
		version["side"][f] = v
	}
	next := 1000
	for i := 0; i < n; i++ {
		branch := "main"
		if rng.Intn(3) == 0 {
			branch = "side"
		}
		other := map[string]string{"main": "side", "side": "main"}[branch]
		if rng.Intn(8) == 0 {
			// A merge of the other branch: per file, keep ours, take theirs
			// or write anew.
			ch := map[string]int{}
			for _, f := range files {
				ours, theirs := version[branch][f], version[other][f]
				if ours == theirs {
					continue
				}
				switch rng.Intn(3) {
				case 0: // keep ours: no change
				case 1:
					if _, ok := version[other][f]; ok {
						ch[f] = theirs
					} else {
						ch[f] = -1
					}
				case 2:
					next++
					ch[f] = next
				}
			}
			commit(branch, tip[other], ch)
			continue
		}
		ch := map[string]int{}
		for k := 0; k < 1+rng.Intn(2); k++ {
			f := files[rng.Intn(len(files))]
			next++
			if rng.Intn(15) == 0 {
				ch[f] = -1 // deleted, maybe re-added later
			} else {
				ch[f] = next
			}
		}
		commit(branch, 0, ch)
	}
	// End on main with the side merged in.
	commit("main", tip["side"], nil)
	w.Flush()
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "checkout", "-q", "-f", "main")
	return dir, files
}

// The one walk agrees with `git log -1 -- <path>` for every path, on
// random histories, with and without a commit-graph file (with one, the
// prefetch workers read trees ahead; with small blocks, the walk and the
// workers meet many times on the way), and with one written before the
// last commits (their trees come first in the workers' order).
func TestLastChangesRandomHistoriesMatchGitLog(t *testing.T) {
	defer func(b int) { prefetchBlock = b }(prefetchBlock)
	for seed := int64(1); seed <= 4; seed++ {
		dir, files := randomHistory(t, seed, 300)
		inHead := runGit(t, dir, "ls-tree", "-r", "--name-only", "HEAD")
		want, subjects := map[string]string{}, map[string]string{}
		for _, p := range files {
			if strings.Contains(inHead, p+"\n") { // else not in HEAD: left out
				want[p] = strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H", "--", p))
				subjects[p] = strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%s", "--", p))
			}
		}
		for _, variant := range []struct {
			graph string
			block int
		}{{"none", 512}, {"all", 512}, {"all", 3}, {"all but the last commits", 3}} {
			os.Remove(dir + "/.git/objects/info/commit-graph")
			switch variant.graph {
			case "all":
				runGit(t, dir, "commit-graph", "write", "--reachable")
			case "all but the last commits":
				cmd := execGit(dir, "commit-graph", "write", "--stdin-commits")
				cmd.Stdin = strings.NewReader(runGit(t, dir, "rev-parse", "HEAD~4", "HEAD^2~2"))
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%v %s", err, out)
				}
			}
			prefetchBlock = variant.block
			r := openRepo(t, dir)
			os.Remove(r.historyCachePath())
			got, err := r.LastChanges(files)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range files {
				have := ""
				if c := got[p]; c != nil {
					have = c.Hash.String()
					if c.Subject != subjects[p] {
						t.Errorf("seed %d %+v %s: subject %q, want %q", seed, variant, p, c.Subject, subjects[p])
					}
				}
				if have != want[p] {
					t.Errorf("seed %d %+v %s: jobtui %s, git log %s", seed, variant, p, have, want[p])
				}
			}
		}
	}
}
