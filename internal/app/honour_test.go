package app

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"time"
)

// TestCommitRunsHooksAsGit: pre-commit, prepare-commit-msg, commit-msg and
// post-commit run, with git's arguments, and a message a hook rewrites is
// the one committed (issue 13, item 5).
func TestCommitRunsHooksAsGit(t *testing.T) {
	dir := siteRepo(t)
	log := filepath.Join(dir, ".git", "hooks.log")
	hook(t, dir, "pre-commit", "echo pre-commit >> "+log+"\necho 'pre-commit: checked 2 postings'")
	hook(t, dir, "prepare-commit-msg", "echo \"prepare-commit-msg $2\" >> "+log)
	hook(t, dir, "commit-msg", "echo commit-msg >> "+log+"\nprintf '\\nReviewed-by: hook\\n' >> \"$1\"")
	hook(t, dir, "post-commit", "echo post-commit >> "+log)
	res, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(log)
	if string(got) != "pre-commit\nprepare-commit-msg message\ncommit-msg\npost-commit\n" {
		t.Errorf("hooks ran:\n%s", got)
	}
	if body := runGit(t, dir, "log", "-1", "--format=%B"); !strings.Contains(body, "Reviewed-by: hook") {
		t.Errorf("the commit-msg hook's change is not in the message:\n%s", body)
	}
	if !strings.Contains(res.Commit.Output, "pre-commit: checked 2 postings") {
		t.Errorf("the hooks' output is not shown: %q", res.Commit.Output)
	}
}

// TestCommitSignsAsGit: with commit.gpgsign and an SSH signing key, the
// commit is signed as git signs it (issue 13, item 6).
func TestCommitSignsAsGit(t *testing.T) {
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		t.Skip("ssh-keygen is not installed: SSH signing cannot be checked")
	}
	dir := siteRepo(t)
	key := filepath.Join(t.TempDir(), "id_ed25519")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	runGit(t, dir, "config", "commit.gpgsign", "true")
	runGit(t, dir, "config", "gpg.format", "ssh")
	runGit(t, dir, "config", "user.signingkey", key)
	if _, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{}); err != nil {
		t.Fatal(err)
	}
	if raw := runGit(t, dir, "cat-file", "commit", "HEAD"); !strings.Contains(raw, "gpgsig -----BEGIN SSH SIGNATURE-----") {
		t.Errorf("the commit is not signed:\n%s", raw)
	}
	// A proposal's commit too: git commit-tree does not read
	// commit.gpgsign (user test, item 1).
	localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	pub, err := PublishFor(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	_, p, err := ArchiveOrPropose(ctx, r, openSite(t, dir), pub, []string{"dev"}, ArchiveOptions{Unarchive: true})
	if err != nil || p == nil {
		t.Fatalf("proposal: %+v, %v", p, err)
	}
	if raw := runGit(t, dir, "cat-file", "commit", p.Branch); !strings.Contains(raw, "gpgsig -----BEGIN SSH SIGNATURE-----") {
		t.Errorf("the proposal's commit is not signed:\n%s", raw)
	}
}

// TestCommitAppliesAttributes: with eol=crlf the work tree has CRLF and the
// repository LF, and a clean filter runs: jobtui commits what git add would
// store, and the files are clean afterwards (issue 13, item 7).
func TestCommitAppliesAttributes(t *testing.T) {
	dir := gitRepo(t)
	writeFile(t, dir, "hugo.yaml", siteConfig)
	writeFile(t, dir, ".gitattributes", "*.md text eol=crlf\ncontent/fr/** filter=stamp\n")
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, frPath, "---\ntitle: Chef\narchived: false\ntranslationKey: dev\n---\nCorps\n")
	// The clean filter drops a "# local" comment line, the smudge adds it.
	runGit(t, dir, "config", "filter.stamp.clean", "sed '/^# local$/d'")
	runGit(t, dir, "config", "filter.stamp.smudge", "sed '1a # local'")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	for _, p := range []string{enPath, frPath} {
		os.Remove(filepath.Join(dir, p))
	}
	runGit(t, dir, "checkout", "--", ".")
	if data, _ := os.ReadFile(filepath.Join(dir, enPath)); !bytes.Contains(data, []byte("\r\n")) {
		t.Fatalf("checkout did not write CRLF: %q", data)
	}
	if _, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{enPath, frPath} {
		blob := runGit(t, dir, "cat-file", "blob", "HEAD:"+p)
		if strings.Contains(blob, "\r") || strings.Contains(blob, "# local") || !strings.Contains(blob, "archived: true\n") {
			t.Errorf("%s committed as %q", p, blob)
		}
	}
	if got := runGit(t, dir, "show", "--numstat", "--format=", "HEAD"); got != "1\t1\t"+enPath+"\n1\t1\t"+frPath+"\n" {
		t.Errorf("numstat:\n%s", got)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("status after commit: %q", st)
	}
}

// TestCommitKeepsIndexExtensions: the cached trees (TREE) and the untracked
// cache (UNTR) are still in the index after a commit (issue 13, item 8).
func TestCommitKeepsIndexExtensions(t *testing.T) {
	dir := siteRepo(t)
	runGit(t, dir, "config", "core.untrackedCache", "true")
	runGit(t, dir, "status")
	idx := filepath.Join(dir, ".git", "index")
	before, _ := os.ReadFile(idx)
	if !bytes.Contains(before, []byte("TREE")) || !bytes.Contains(before, []byte("UNTR")) {
		t.Fatalf("git itself did not write the extensions")
	}
	if _, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(idx)
	for _, ext := range []string{"TREE", "UNTR"} {
		if !bytes.Contains(after, []byte(ext)) {
			t.Errorf("the index lost its %s extension", ext)
		}
	}
}

// TestCommitWaitsForIndexLock: a lock held briefly by a concurrent git is
// waited for, as the user would wait, and the archive commits.
func TestCommitWaitsForIndexLock(t *testing.T) {
	dir := siteRepo(t)
	lock := filepath.Join(dir, ".git", "index.lock")
	writeFile(t, dir, ".git/index.lock", "")
	go func() {
		time.Sleep(50 * time.Millisecond)
		os.Remove(lock)
	}()
	res, err := archiveCatalog(openRepo(t, dir), loadSite(t, dir), []string{"dev"}, ArchiveOptions{})
	if err != nil || res.Commit == nil {
		t.Fatalf("archive with a briefly held lock: %+v %v", res, err)
	}
}

func TestMain(m *testing.M) {
	// A held lock is waited for 3 s in use; the tests that hold one for
	// good need not wait that long.
	gitops.LockWait = 500 * time.Millisecond
	os.Exit(m.Run())
}
