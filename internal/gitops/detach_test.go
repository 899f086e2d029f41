package gitops

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sessionOf is the session id in /proc/PID/stat (Linux).
func sessionOf(t *testing.T, stat string) string {
	t.Helper()
	// pid (comm) state ppid pgrp session ...: comm may hold spaces.
	rest := stat[strings.LastIndex(stat, ")")+2:]
	return strings.Fields(rest)[3]
}

// TestNoTerminalRunsGitInASessionOfItsOwn: with NoTerminal, what git runs
// for a remote (ssh here) is in another session than jobtui, so it cannot
// read a passphrase from, or draw on, the app's terminal; without it, the
// same session.
func TestNoTerminalRunsGitInASessionOfItsOwn(t *testing.T) {
	self, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		t.Skip("needs /proc (Linux)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	run("remote", "add", "origin", "ssh://git.example.invalid/site.git")
	out := filepath.Join(dir, "session")
	ssh := filepath.Join(dir, "fake-ssh")
	os.WriteFile(ssh, []byte("#!/bin/sh\ncat /proc/$$/stat > "+out+"\nexit 1\n"), 0o755)
	t.Setenv("GIT_SSH_COMMAND", ssh)
	for _, detached := range []bool{false, true} {
		os.Remove(out)
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		r.NoTerminal = detached
		_ = r.Fetch(context.Background(), "origin", nil) // the fake ssh fails: only its session counts
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("the fake ssh did not run: %v", err)
		}
		same := sessionOf(t, string(got)) == sessionOf(t, string(self))
		if same == detached {
			t.Errorf("NoTerminal=%v: ssh ran in the same session as jobtui: %v", detached, same)
		}
	}
}
