package gitops

import (
	"os"
	"os/exec"
	"path/filepath"
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
