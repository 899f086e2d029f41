package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// jobtui links no terminal interface (its commands start without the
// Markdown renderer's package initialisation), nor the manual pages'
// Markdown reader; jobtui-app links both.
func TestJobtuiLinksNoTerminalInterface(t *testing.T) {
	deps := func(pkg string) string {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		return string(out)
	}
	heavy := []string{"github.com/jobtui/jobtui/internal/ui\n", "charm.land/glamour/v2\n",
		"github.com/alecthomas/chroma/v2/lexers\n", "charm.land/bubbletea/v2\n", "charm.land/huh/v2\n",
		"github.com/russross/blackfriday/v2\n"}
	thin, full := deps("../../cmd/jobtui"), deps("../../cmd/jobtui-app")
	for _, h := range heavy {
		if strings.Contains(thin, h) {
			t.Errorf("cmd/jobtui links %s", strings.TrimSpace(h))
		}
		if !strings.Contains(full, h) {
			t.Errorf("cmd/jobtui-app does not link %s", strings.TrimSpace(h))
		}
	}
}

// Neither program links go-git's root package and, through it, its
// transports (HTTP, TLS, SSH, whose package initialisation every process
// would pay): jobtui reads through go-git's object store (gitops.Store)
// and fetches and pushes with git.
func TestNoProgramLinksGoGitTransports(t *testing.T) {
	for _, pkg := range []string{"../../cmd/jobtui", "../../cmd/jobtui-app"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, h := range []string{"github.com/go-git/go-git/v5\n", "github.com/go-git/go-git/v5/plumbing/transport\n", "net/http\n", "golang.org/x/crypto/ssh\n"} {
			if strings.Contains(string(out), h) {
				t.Errorf("%s links %s", pkg, strings.TrimSpace(h))
			}
		}
	}
}

// In jobtui's source (go run ./cmd/jobtui) the app is go run of
// cmd/jobtui-app; elsewhere there is no source to run.
func TestAppSourceIsFoundOnlyInTheSource(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := appSource(), filepath.Join(root, "cmd", "jobtui-app"); got != want {
		t.Errorf("in the source: appSource() = %q, want %q", got, want)
	}
	t.Chdir(t.TempDir())
	if got := appSource(); got != "" {
		t.Errorf("outside the source: appSource() = %q, want none", got)
	}
}

// A jobtui installed without jobtui-app runs its commands and, asked for
// the app in a terminal, says how to install it, in the user's language,
// with exit code 2 and nothing written.
func TestJobtuiWithoutTheAppSaysHowToInstall(t *testing.T) {
	bin := binary(t)
	site := demoSite(t, bin)
	lone := filepath.Join(t.TempDir(), "jobtui")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(lone, "list", "--repo", site)
	cmd.Dir = t.TempDir()
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "Data Analyst") {
		t.Fatalf("jobtui list without jobtui-app: %v\n%s", err, out)
	}
	before := gitStatus(t, site)
	// Run from a folder outside the source, so that there is no source to
	// go run either.
	script := filepath.Join(t.TempDir(), "run-jobtui")
	body := "#!/bin/sh\ncd " + t.TempDir() + " && LANG=fr_CA.UTF-8 exec " + lone + ` "$@"` + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	term := startTerminal(t, script, site, 80, 24)
	s := term.waitFor("the message", "jobtui-app", "EXIT=2")
	if joined := strings.ReplaceAll(s, "\n", ""); !strings.Contains(joined, "installez") ||
		!strings.Contains(joined, "go install github.com/jobtui/jobtui/cmd/...") {
		t.Errorf("the message is not the French one naming the install command:\n%s", s)
	}
	if after := gitStatus(t, site); after != before {
		t.Errorf("git status changed: %q -> %q", before, after)
	}
}

func gitStatus(t *testing.T, dir string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain").CombinedOutput()
	if err != nil {
		t.Fatalf("git status: %v\n%s", err, out)
	}
	return string(out)
}
