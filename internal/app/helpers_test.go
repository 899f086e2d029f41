package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// The workflows are tested on real repositories made and checked with the
// git command line.

const (
	siteConfig = "languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n"
	enPath     = "content/en/careers/positions/developer.md"
	frPath     = "content/fr/careers/positions/chef-d’équipe.md"
)

// gitRepo makes a repository with an identity for both git and jobtui (CI
// has none configured).
func gitRepo(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: these tests check results with the git command line")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Test Author")
	t.Setenv("GIT_AUTHOR_EMAIL", "author@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Test Committer")
	t.Setenv("GIT_COMMITTER_EMAIL", "committer@example.org")
	dir := t.TempDir()
	runGit(t, dir, "init", "-q", "-b", "main")
	return dir
}

func runGit(t testing.TB, dir string, args ...string) string {
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

func openRepo(t *testing.T, dir string) *gitops.Repo {
	t.Helper()
	r, err := gitops.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// siteRepo is a git repository holding a small site: a pair with a CRLF
// French file whose name has accents and a typographic apostrophe, and a
// second pair already archived.
func siteRepo(t *testing.T) string {
	dir := gitRepo(t)
	writeFile(t, dir, "hugo.yaml", siteConfig)
	writeFile(t, dir, enPath, "---\ntitle: Developer\narchived: false\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, frPath, "---\r\ntitle: 'Chef d’équipe'\r\narchived: false # à revoir\r\ntranslationKey: dev\r\n---\r\nCorps\r\n")
	writeFile(t, dir, "content/en/careers/positions/old.md", "---\ntitle: Old\narchived: true\ntranslationKey: old\n---\n")
	writeFile(t, dir, "content/fr/careers/positions/vieux.md", "---\ntitle: Vieux\narchived: true\ntranslationKey: old\n---\n")
	writeFile(t, dir, "README.md", "site\n")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	return dir
}

func openSite(t *testing.T, dir string) *model.Site {
	t.Helper()
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func loadSite(t *testing.T, dir string) *model.Catalog {
	t.Helper()
	cat, err := Load(openSite(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func setIdentity(t *testing.T) {
	t.Setenv("GIT_AUTHOR_NAME", "Test Author")
	t.Setenv("GIT_AUTHOR_EMAIL", "author@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Test Committer")
	t.Setenv("GIT_COMMITTER_EMAIL", "committer@example.org")
}

func execGit(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	return cmd
}
