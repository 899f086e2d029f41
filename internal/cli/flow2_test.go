package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// demoRepo writes the demo site into a new folder, a git repository, and
// gives the test a git identity.
func demoRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	for _, k := range []string{"GIT_AUTHOR", "GIT_COMMITTER"} {
		t.Setenv(k+"_NAME", "T")
		t.Setenv(k+"_EMAIL", "t@example.org")
	}
	return dir
}

// User test (flow 2, item 3): a pull from a repository with no remote
// said there was no remote to push to.
func TestPullWithoutRemoteSaysPull(t *testing.T) {
	dir := demoRepo(t)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		_, errOut, code := runCLI(t, "pull", "--repo", dir, "--lang", string(lang))
		tr := i18n.For(lang)
		if want := tr.Git.NoPullRemote; code == 0 || !strings.Contains(errOut, want) || strings.Contains(errOut, tr.Git.NoRemote) {
			t.Errorf("%s: %d %q, want %q", lang, code, errOut, want)
		}
	}
}
