package gitops

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// benchRepo builds once (and keeps under the temporary folder, keyed by a
// version) a repository of 20,000 commits, every tenth a merge of a side
// branch, over 3,000 files of which 250 are postings under
// content/{en,fr}/careers/positions. git fast-import builds it in seconds.
func benchRepo(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := filepath.Join(os.TempDir(), "jobtui-bench-repo-v1")
	if _, err := os.Stat(filepath.Join(dir, ".git", "jobtui-built")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if out, err := exec.Command("git", "init", "-q", "-b", "main", dir).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	var files []string
	for i := 0; i < 125; i++ {
		files = append(files, fmt.Sprintf("content/en/careers/positions/posting-%03d.md", i), fmt.Sprintf("content/fr/careers/positions/offre-%03d.md", i))
	}
	for i := len(files); i < 3000; i++ {
		files = append(files, fmt.Sprintf("content/en/blog/%02d/post-%04d.md", i%40, i))
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(stdin, 1<<20)
	rng := rand.New(rand.NewSource(1))
	ts := int64(1600000000)
	mark := 0
	data := func(s string) { fmt.Fprintf(w, "data %d\n%s\n", len(s), s) }
	commit := func(ref, msg string, from, merge int, changes []string) int {
		mark++
		ts += 60
		fmt.Fprintf(w, "commit %s\nmark :%d\ncommitter Bench <bench@example.org> %d +0000\n", ref, mark, ts)
		data(msg)
		if from > 0 {
			fmt.Fprintf(w, "from :%d\n", from)
		}
		if merge > 0 {
			fmt.Fprintf(w, "merge :%d\n", merge)
		}
		for _, f := range changes {
			fmt.Fprintf(w, "M 100644 inline %s\n", f)
			data(fmt.Sprintf("---\ntitle: %s\n---\nversion %d\n", f, mark))
		}
		return mark
	}
	main := commit("refs/heads/main", "initial", 0, 0, files)
	for i := 1; i < 20000; i++ {
		if i%10 == 0 {
			side := commit("refs/heads/side", "side work", main, 0, []string{files[rng.Intn(len(files))]})
			main = commit("refs/heads/main", "merge side", main, side, nil)
			continue
		}
		main = commit("refs/heads/main", fmt.Sprintf("change %d", i), main, 0, []string{files[rng.Intn(len(files))]})
	}
	w.Flush()
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		b.Fatal(err)
	}
	for _, args := range [][]string{{"checkout", "-q", "-f", "main"}, {"gc", "-q"}} {
		c := exec.Command("git", args...)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, ".git", "jobtui-built"), nil, 0o644)
	return dir
}

func postingPaths(dir string) []string {
	var out []string
	for _, l := range []string{"en", "fr"} {
		m, _ := filepath.Glob(filepath.Join(dir, "content", l, "careers", "positions", "*.md"))
		for _, p := range m {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}

func BenchmarkLastChangesCold(b *testing.B) {
	dir := benchRepo(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	paths := postingPaths(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.Remove(r.historyCachePath())
		r, _ = Open(dir) // no object cache carried over
		got, err := r.LastChanges(paths)
		if err != nil || len(got) != 250 {
			b.Fatalf("%d %v", len(got), err)
		}
	}
}

func BenchmarkLastChangesWarm(b *testing.B) {
	dir := benchRepo(b)
	r, _ := Open(dir)
	paths := postingPaths(dir)
	if _, err := r.LastChanges(paths); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, _ = Open(dir)
		if got, err := r.LastChanges(paths); err != nil || len(got) != 250 {
			b.Fatal(err)
		}
	}
}

// BenchmarkGitLogSections is the git command line doing the same work, to
// compare with.
func BenchmarkGitLogSections(b *testing.B) {
	dir := benchRepo(b)
	for i := 0; i < b.N; i++ {
		cmd := exec.Command("git", "log", "--format=%ct", "--name-only", "--", "content/en/careers/positions", "content/fr/careers/positions")
		cmd.Dir = dir
		if out, err := cmd.Output(); err != nil || len(out) == 0 {
			b.Fatal(err)
		}
	}
}

// copyRepo copies the bench repository so that commits do not pile up in it.
func copyRepo(b *testing.B) string {
	dir := benchRepo(b)
	cp := filepath.Join(b.TempDir(), "repo")
	if out, err := exec.Command("cp", "-a", dir, cp).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	return cp
}

func BenchmarkCommitPathsTwoFiles(b *testing.B) {
	dir := copyRepo(b)
	b.Setenv("GIT_AUTHOR_NAME", "B")
	b.Setenv("GIT_AUTHOR_EMAIL", "b@example.org")
	b.Setenv("GIT_COMMITTER_NAME", "B")
	b.Setenv("GIT_COMMITTER_EMAIL", "b@example.org")
	paths := postingPaths(dir)[:2]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			os.WriteFile(filepath.Join(dir, p), []byte(fmt.Sprintf("archived: %v\n", i%2 == 0)), 0o644)
		}
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.CommitPaths(paths, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGitCommitOnlyTwoFiles(b *testing.B) {
	dir := copyRepo(b)
	paths := postingPaths(dir)[:2]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			os.WriteFile(filepath.Join(dir, p), []byte(fmt.Sprintf("archived: %v\n", i%2 == 0)), 0o644)
		}
		cmd := exec.Command("git", append([]string{"-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-q", "--only", "-m", "bench", "--"}, paths...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v %s", err, strings.TrimSpace(string(out)))
		}
	}
}

// BenchmarkFastOthersClean: the fast commit's check, under index.lock,
// that git's refresh would change no entry but the committed ones (an
// lstat for each of the index's files).
func BenchmarkFastOthersClean(b *testing.B) {
	dir := copyRepo(b)
	// The copy's files have new inodes and change times: git refreshes
	// the index (update-index --refresh), as any git status would.
	if out, err := exec.Command("git", "-C", dir, "update-index", "-q", "--refresh").CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	data, indexTime, err := readFileStat(r.gitFile("index"))
	if err != nil {
		b.Fatal(err)
	}
	idx, err := parseFastIndex(data)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := r.fastOthersClean(idx, nil, indexTime); err != nil {
			b.Fatal(err)
		}
	}
}
