package gitops

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPullKeepsNewObjectsReadable: the app keeps one Repo open; go-git
// reads the list of packs once, so a pull whose objects arrived as a new
// pack left the new HEAD unreadable ("object not found") until a restart.
// Fetched objects now stay loose (fetch.unpackLimit, no gc meanwhile).
func TestPullKeepsNewObjectsReadable(t *testing.T) {
	base := t.TempDir()
	run := func(dir string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@b", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@b")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v %v %s", args, err, out)
		}
	}
	src := filepath.Join(base, "src")
	os.MkdirAll(src, 0o755)
	run(src, "init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(src, "a"), []byte("a"), 0o644)
	run(src, "add", "-A")
	run(src, "commit", "-qm", "one")
	run(base, "clone", "-q", "--no-local", src, "clone") // packed, as a clone from a server is
	dst := filepath.Join(base, "clone")
	r, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.ResolveCommit(context.Background(), "HEAD"); err != nil {
		t.Fatal(err)
	}
	c, _ := r.Git.Head()
	if _, err := r.Git.CommitObject(c.Hash()); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("f%d", i)), []byte(fmt.Sprint(i)), 0o644)
	}
	run(src, "add", "-A")
	run(src, "commit", "-qm", "two")
	if _, err := r.Pull(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	h, _ := r.Git.Head()
	if _, err := r.Git.CommitObject(h.Hash()); err != nil {
		t.Fatalf("after the pull, go-git cannot read the new HEAD: %v", err)
	}
}
