//go:build linux

package gitops

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFastCommitReleasesHEADFirst: HEAD's lock is gone once the branch
// has moved, before the index is put in place, as git ends its reference
// transaction before it commits the index.
func TestFastCommitReleasesHEADFirst(t *testing.T) {
	dir := fastRepo(t)
	paths := edit(t, dir)
	traceFast(t)
	var seen bool
	fastStage = func(stage string) {
		if stage != "branch moved" {
			return
		}
		seen = true
		if _, err := os.Lstat(filepath.Join(dir, ".git", "HEAD.lock")); err == nil {
			t.Error("HEAD.lock held once the branch has moved")
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git", "index.lock")); err != nil {
			t.Errorf("index.lock: %v", err)
		}
	}
	t.Cleanup(func() { fastStage = func(string) {} })
	if _, err := openRepo(t, dir).CommitPathsWith(paths, "m", CommitOptions{Changed: true}); err != nil || !seen {
		t.Fatal(err, seen)
	}
}

// TestFastCommitSignalRemovesLocks: a signal mid-commit (here SIGTERM,
// before anything is written and once the branch has moved) removes the
// locks the commit holds, as git removes its own, and the process dies
// of it; the locks were left behind.
func TestFastCommitSignalRemovesLocks(t *testing.T) {
	if os.Getenv("FASTSIG_DIR") != "" {
		signalChild(t)
		return
	}
	for _, stage := range []string{"refs locked", "branch moved"} {
		t.Run(stage, func(t *testing.T) {
			dir := fastRepo(t)
			head := runGit(t, dir, "rev-parse", "HEAD")
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a child that would not die
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestFastCommitSignalRemovesLocks$", "-test.count=1")
			cmd.Env = append(os.Environ(), "FASTSIG_DIR="+dir, "FASTSIG_STAGE="+stage)
			out, err := cmd.CombinedOutput()
			ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
				t.Fatalf("the child did not die of SIGTERM: %v\n%s", err, out)
			}
			locks, _ := filepath.Glob(filepath.Join(dir, ".git", "*.lock"))
			more, _ := filepath.Glob(filepath.Join(dir, ".git", "refs", "heads", "*.lock"))
			if locks = append(locks, more...); len(locks) > 0 {
				t.Errorf("locks left: %q", locks)
			}
			moved := runGit(t, dir, "rev-parse", "HEAD") != head
			if moved != (stage == "branch moved") {
				t.Errorf("the branch moved: %v", moved)
			}
			runGit(t, dir, "fsck", "--strict", "--no-progress")
		})
	}
}

// signalChild is TestFastCommitSignalRemovesLocks's child: it commits and
// sends itself SIGTERM at the stage named, then waits to die of it.
func signalChild(t *testing.T) {
	dir, stage := os.Getenv("FASTSIG_DIR"), os.Getenv("FASTSIG_STAGE")
	paths := edit(t, dir)
	fastStage = func(s string) {
		if s == stage {
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
			time.Sleep(time.Minute)
		}
	}
	openRepo(t, dir).CommitPathsWith(paths, "m", CommitOptions{Changed: true})
	t.Fatal("the commit went on")
}
