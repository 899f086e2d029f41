package gitops

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// gitRepo makes a repository with the git command line and an identity for
// both git and jobtui (CI has none configured).
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: these tests check results with the git command line")
	}
	setIdentity(t)
	dir := t.TempDir()
	runGit(t, dir, "init", "-q", "-b", "main")
	return dir
}

func setIdentity(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Test Author")
	t.Setenv("GIT_AUTHOR_EMAIL", "author@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Test Committer")
	t.Setenv("GIT_COMMITTER_EMAIL", "committer@example.org")
}

func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func openRepo(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const (
	enPath = "content/en/careers/positions/developer.md"
	frPath = "content/fr/careers/positions/chef-d’équipe.md"
)

// seed makes a first commit with two postings and an unrelated file.
func seed(t *testing.T) string {
	dir := gitRepo(t)
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\n---\nBody\n")
	writeFile(t, dir, frPath, "---\r\ntitle: Chef d’équipe\r\narchived: false\r\n---\r\nCorps\r\n")
	writeFile(t, dir, "README.md", "site\n")
	writeFile(t, dir, "other/notes.txt", "notes\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	return dir
}

func TestCommitPathsCommitsExactlyThosePaths(t *testing.T) {
	dir := seed(t)
	// The user has staged something else, and changed another file too.
	writeFile(t, dir, "README.md", "site, staged\n")
	runGit(t, dir, "add", "README.md")
	writeFile(t, dir, "other/notes.txt", "notes, not staged\n")
	writeFile(t, dir, "other/new.txt", "intent\n")
	runGit(t, dir, "add", "-N", "other/new.txt")
	before := runGit(t, dir, "status", "--porcelain")

	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: true\n---\nBody\n")
	writeFile(t, dir, frPath, "---\r\ntitle: Chef d’équipe\r\narchived: true\r\n---\r\nCorps\r\n")
	r := openRepo(t, dir)
	res, err := r.CommitPaths([]string{frPath, enPath}, "Archive posting x")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(runGit(t, dir, "show", "--name-only", "--format=", "HEAD")); got != enPath+"\n"+frPath {
		t.Errorf("commit holds:\n%s", got)
	}
	if got := runGit(t, dir, "show", "--numstat", "--format=", "HEAD"); strings.Count(got, "1\t1\t") != 2 {
		t.Errorf("numstat:\n%s", got)
	}
	if got := strings.TrimSpace(runGit(t, dir, "log", "-1", "--format=%H %an <%ae> %cn|%s")); got != res.Hash.String()+" Test Author <author@example.org> Test Committer|Archive posting x" {
		t.Errorf("log: %s", got)
	}
	if after := runGit(t, dir, "status", "--porcelain"); after != before {
		t.Errorf("status changed:\nbefore\n%s\nafter\n%s", before, after)
	}
	runGit(t, dir, "fsck", "--strict")
	if got := runGit(t, dir, "reflog", "-1", "--format=%gs"); strings.TrimSpace(got) != "commit: Archive posting x" {
		t.Errorf("reflog: %q", got)
	}
	// The staged file is still staged with its content, the intent-to-add
	// entry is still one.
	if got := runGit(t, dir, "diff", "--cached", "--name-only"); strings.TrimSpace(got) != "README.md" {
		t.Errorf("staged: %q", got)
	}
	if got := runGit(t, dir, "ls-files", "--stage", "other/new.txt"); !strings.HasPrefix(got, "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391") {
		t.Errorf("intent-to-add entry: %q", got)
	}
}

func TestCommitPathsFirstCommitAndNewFolders(t *testing.T) {
	dir := gitRepo(t)
	writeFile(t, dir, frPath, "nouveau\n")
	writeFile(t, dir, "left/out.txt", "not committed\n")
	r := openRepo(t, dir)
	if _, err := r.CommitPaths([]string{frPath}, "First"); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(runGit(t, dir, "ls-tree", "-r", "--name-only", "HEAD")); got != frPath {
		t.Errorf("tree: %q", got)
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != "?? left/\n" {
		t.Errorf("status: %q", got)
	}
	if got := strings.TrimSpace(runGit(t, dir, "reflog", "-1", "--format=%gs")); got != "commit (initial): First" {
		t.Errorf("reflog %q", got)
	}
	runGit(t, dir, "fsck", "--strict")
}

func TestCommitPathsDeletedFile(t *testing.T) {
	dir := seed(t)
	os.Remove(filepath.Join(dir, filepath.FromSlash(enPath)))
	r := openRepo(t, dir)
	if _, err := r.CommitPaths([]string{enPath}, "Remove"); err != nil {
		t.Fatal(err)
	}
	if got := runGit(t, dir, "show", "--name-status", "--format=", "HEAD"); strings.TrimSpace(got) != "D\t"+enPath {
		t.Errorf("show: %q", got)
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("status: %q", got)
	}
}

func TestCommitPathsRefusals(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		kind  Kind
	}{
		{"detached head", func(t *testing.T, dir string) { runGit(t, dir, "checkout", "-q", "--detach") }, KindDetachedHead},
		{"index.lock", func(t *testing.T, dir string) { writeFile(t, dir, ".git/index.lock", "") }, KindIndexLocked},
		{"merge in progress", func(t *testing.T, dir string) {
			writeFile(t, dir, ".git/MERGE_HEAD", strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD"))+"\n")
		}, KindMerging},
		{"split index", func(t *testing.T, dir string) { runGit(t, dir, "update-index", "--split-index") }, KindIndexUnsupported},
		{"sparse index", func(t *testing.T, dir string) {
			// A sparse index without extensions.worktreeConfig, which
			// go-git would refuse at Open (tested below).
			runGit(t, dir, "sparse-checkout", "set", "--cone", "--sparse-index", "content")
			runGit(t, dir, "config", "--unset", "extensions.worktreeConfig")
			for _, kv := range [][2]string{{"core.sparseCheckout", "true"}, {"core.sparseCheckoutCone", "true"}, {"index.sparse", "true"}} {
				runGit(t, dir, "config", kv[0], kv[1])
			}
			if !strings.Contains(runGit(t, dir, "ls-files", "--sparse", "-s"), "040000") {
				t.Fatal("the index is not sparse")
			}
		}, KindIndexUnsupported},
		{"no identity", func(t *testing.T, dir string) {
			for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
				t.Setenv(v, "")
			}
		}, KindNoIdentity},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := seed(t)
			c.setup(t, dir)
			writeFile(t, dir, enPath, "changed\n")
			head := runGit(t, dir, "rev-parse", "HEAD")
			status := runGit(t, dir, "status", "--porcelain")
			_, err := openRepo(t, dir).CommitPaths([]string{enPath}, "x")
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if runGit(t, dir, "rev-parse", "HEAD") != head || runGit(t, dir, "status", "--porcelain") != status {
				t.Error("something changed")
			}
		})
	}
}

func TestOpenSparseCheckout(t *testing.T) {
	dir := seed(t)
	runGit(t, dir, "sparse-checkout", "set", "--cone", "content")
	_, err := Open(dir)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindRepoUnsupported {
		t.Fatalf("err = %v, want KindRepoUnsupported", err)
	}
}

func TestOpenOutsideRepository(t *testing.T) {
	_, err := Open(t.TempDir())
	if !errors.Is(err, ErrNoRepository) {
		t.Fatalf("err = %v", err)
	}
}

func TestStates(t *testing.T) {
	dir := seed(t)
	writeFile(t, dir, enPath, "modified\n")
	writeFile(t, dir, "README.md", "staged\n")
	runGit(t, dir, "add", "README.md")
	writeFile(t, dir, "content/en/careers/positions/new.md", "new\n")
	os.Remove(filepath.Join(dir, "other", "notes.txt"))
	r := openRepo(t, dir)
	got, err := r.States([]string{enPath, frPath, "README.md", "content/en/careers/positions/new.md", "other/notes.txt", "nowhere.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]FileState{enPath: StateModified, frPath: StateUnchanged, "README.md": StateStaged,
		"content/en/careers/positions/new.md": StateUntracked, "other/notes.txt": StateDeleted}
	if len(got) != len(want) {
		t.Errorf("states = %v", got)
	}
	for p, s := range want {
		if got[p] != s {
			t.Errorf("%s: %v, want %v", p, got[p], s)
		}
	}
}

func execGit(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	return cmd
}

func TestMain(m *testing.M) {
	// A held lock is waited for 3 s in use; the tests that hold one for
	// good need not wait that long.
	LockWait = 300 * time.Millisecond
	os.Exit(m.Run())
}
