package gitops

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// openStore opens what go-git's PlainOpenWithOptions (DetectDotGit,
// EnableDotGitCommonDir) then Worktree open, and refuses what they refuse
// with the same words: a repository opened from a subfolder, a linked work
// tree (.git file and commondir), a .git file with a relative path, a file
// in a repository, no repository, a bare one, extensions and format
// versions, a .git file without gitdir, a commondir that is gone.
func TestOpenStoreAsGoGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	tmp := t.TempDir()
	run := func(dir string, args ...string) {
		t.Helper()
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(p, s string) { writeOpenFile(t, p, s) }
	newRepo := func(name string, config ...string) string {
		dir := filepath.Join(tmp, name)
		write(filepath.Join(dir, "sub", "a.md"), "a\n")
		run(dir, "init", "-q", "-b", "main")
		run(dir, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "add", "-A")
		run(dir, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "a")
		for i := 0; i+1 < len(config); i += 2 {
			run(dir, "config", config[i], config[i+1])
		}
		return dir
	}
	main := newRepo("main")
	run(main, "worktree", "add", "-q", filepath.Join(tmp, "linked"), "-b", "other")
	rel := filepath.Join(tmp, "relative")
	write(filepath.Join(rel, ".git"), "gitdir: ../main/.git\n")
	bad := filepath.Join(tmp, "badfile")
	write(filepath.Join(bad, ".git"), "nothing here\n")
	gone := newRepo("gone")
	run(gone, "worktree", "add", "-q", filepath.Join(tmp, "gonelinked"), "-b", "other")
	write(filepath.Join(gone, ".git", "worktrees", "gonelinked", "commondir"), "../../../nowhere\n")
	bare := filepath.Join(tmp, "bare.git")
	run(tmp, "init", "-q", "--bare", bare)
	none := filepath.Join(tmp, "none")
	write(filepath.Join(none, "x"), "x")
	paths := []string{main, filepath.Join(main, "sub"), filepath.Join(main, "sub", "a.md"), filepath.Join(main, "sub", "missing"),
		filepath.Join(tmp, "linked"), filepath.Join(tmp, "linked", "sub"), rel, bad, filepath.Join(tmp, "gonelinked"), bare, none,
		newRepo("wtconfig", "extensions.worktreeConfig", "true"),
		newRepo("noop", "extensions.noop", "true"),
		newRepo("v1", "core.repositoryformatversion", "1", "extensions.worktreeConfig", "true"),
		newRepo("v1noop", "core.repositoryformatversion", "1", "extensions.noop-v1", "true"),
		newRepo("v0noopv1", "extensions.partialClone", "origin", "extensions.noop-v1", "true"),
		newRepo("v2", "core.repositoryformatversion", "2"),
	}
	for _, p := range paths {
		name, _ := filepath.Rel(tmp, p)
		st, root, err := openStore(p)
		r, gerr := git.PlainOpenWithOptions(p, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
		var wt *git.Worktree
		if gerr == nil {
			wt, gerr = r.Worktree()
		}
		if (err == nil) != (gerr == nil) || (err != nil && err.Error() != gerr.Error()) {
			t.Errorf("%s: openStore: %v; go-git: %v", name, err, gerr)
			continue
		}
		if refused := map[string]bool{"badfile": true, "gonelinked": true, "bare.git": true, "none": true, "wtconfig": true,
			"v1": true, "v0noopv1": true}; refused[name] != (err != nil) {
			t.Errorf("%s: refused: %v", name, err)
		}
		if err != nil {
			continue
		}
		gst := r.Storer.(*filesystem.Storage)
		if root != wt.Filesystem.Root() || st.Filesystem().Root() != gst.Filesystem().Root() {
			t.Errorf("%s: work tree %s, git folder %s; go-git: %s, %s", name, root, st.Filesystem().Root(), wt.Filesystem.Root(), gst.Filesystem().Root())
		}
		head, err := (&Store{Storer: st}).Head()
		ghead, gerr := r.Head()
		if err != nil || gerr != nil || head.Hash() != ghead.Hash() || head.Name() != ghead.Name() {
			t.Errorf("%s: HEAD %v (%v); go-git: %v (%v)", name, head, err, ghead, gerr)
		}
	}
}

func writeOpenFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenWhatGitOpens: a configuration git reads without complaint, but
// go-git's Config refuses (a negative refspec, git's since 2.29; a branch
// merging "main" rather than refs/heads/main), does not stop jobtui; a file
// git cannot read either still does.
func TestOpenWhatGitOpens(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	cases := []struct {
		name string
		conf []string // git config arguments, in turn
		open bool     // jobtui opens it
	}{
		{"negative-refspec", []string{"remote.origin.url=https://example.invalid/x.git", "remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*", "remote.origin.fetch=^refs/heads/skip"}, true},
		{"short-merge", []string{"branch.main.remote=origin", "branch.main.merge=main"}, true},
	}
	for _, c := range cases {
		dir := filepath.Join(t.TempDir(), c.name)
		writeOpenFile(t, filepath.Join(dir, "a.md"), "a\n")
		for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "a"}} {
			if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		for _, kv := range c.conf {
			k, v, _ := strings.Cut(kv, "=")
			if out, err := exec.Command("git", "-C", dir, "config", "--add", k, v).CombinedOutput(); err != nil {
				t.Fatalf("git config %s: %v\n%s", kv, err, out)
			}
		}
		if out, err := exec.Command("git", "-C", dir, "log", "--oneline").CombinedOutput(); err != nil {
			t.Fatalf("%s: git itself refuses it: %v\n%s", c.name, err, out)
		}
		if _, err := git.PlainOpen(dir); err == nil {
			t.Logf("%s: go-git opens it now; the case no longer shows the difference", c.name)
		}
		r, err := Open(dir)
		if err != nil {
			t.Errorf("%s: Open: %v", c.name, err)
			continue
		}
		if _, err := r.Git.Head(); err != nil {
			t.Errorf("%s: HEAD: %v", c.name, err)
		}
		if _, err := r.LastChanges([]string{"a.md"}); err != nil {
			t.Errorf("%s: history: %v", c.name, err)
		}
	}
	broken := filepath.Join(t.TempDir(), "broken")
	writeOpenFile(t, filepath.Join(broken, "a.md"), "a\n")
	if out, err := exec.Command("git", "-C", broken, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	writeOpenFile(t, filepath.Join(broken, ".git", "config"), "[core\n\tbare = false\n")
	if _, err := Open(broken); err == nil {
		t.Error("a config file git cannot read either was opened")
	}
}
