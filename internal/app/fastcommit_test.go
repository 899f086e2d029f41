package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// TestArchiveCorpusCommitsAsGit: archiving a pair of the real corpus
// commits in-process (gitops' fast path), and git, committing the same
// files at the same instant in a twin of the repository (a copy of its
// .git folder over the same work tree), writes the same commit, index,
// reflogs and COMMIT_EDITMSG, byte for byte.
func TestArchiveCorpusCommitsAsGit(t *testing.T) {
	dir := corpusRepo(t)
	gd := filepath.Join(t.TempDir(), "twin.git")
	if out, err := exec.Command("cp", "-a", filepath.Join(dir, ".git"), gd).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := gitops.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fast := gitops.FastCommits()
	res, err := Archive(r, site, []string{"2022-aug-sr-app-sec-dev"}, ArchiveOptions{Unarchive: true})
	if err != nil || res.Commit == nil || len(res.Changed) != 2 {
		t.Fatalf("archive: %+v %v", res, err)
	}
	if gitops.FastCommits() != fast+1 {
		t.Fatal("the archive's commit was not made in-process")
	}
	raw := runGit(t, dir, "cat-file", "commit", "HEAD")
	header, msg, _ := strings.Cut(raw, "\n\n")
	var date string
	for _, line := range strings.Split(header, "\n") {
		if rest, ok := strings.CutPrefix(line, "committer "); ok {
			f := strings.Fields(rest)
			date = "@" + f[len(f)-2] + " " + f[len(f)-1]
		}
	}
	msgFile := filepath.Join(t.TempDir(), "msg")
	if err := os.WriteFile(msgFile, []byte(msg), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--git-dir=" + gd, "--work-tree=" + dir, "--literal-pathspecs", "-c", "maintenance.auto=false",
		"commit", "--quiet", "--only", "--no-edit", "-F", msgFile, "--"}, res.Commit.Paths...)
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit in the twin: %v\n%s", err, out)
	}
	for _, f := range []string{"index", "COMMIT_EDITMSG", "logs/HEAD", "logs/refs/heads/main", "refs/heads/main"} {
		a, errA := os.ReadFile(filepath.Join(dir, ".git", f))
		b, errB := os.ReadFile(filepath.Join(gd, f))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf(".git/%s differs from git's (%v, %v)", f, errA, errB)
		}
	}
	runGit(t, dir, "fsck", "--strict", "--no-progress")
	if st := runGit(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("git status after the archive: %q", st)
	}
}
