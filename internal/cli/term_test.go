package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The binary the end-to-end tests run, built once for the package.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildPrograms is the go build of jobtui and jobtui-app into dir, side
// by side as they are installed (jobtui hands the app over to jobtui-app).
func buildPrograms(dir string) *exec.Cmd {
	return exec.Command("go", "build", "-o", dir+string(filepath.Separator), "../../cmd/jobtui", "../../cmd/jobtui-app")
}

// binary builds jobtui and jobtui-app once, or skips in -short mode.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "jobtui-e2e-bin-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "jobtui")
		if out, err := buildPrograms(built.dir).CombinedOutput(); err != nil {
			built.err = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// demoSite writes the demo site (a git repository) under a temporary folder.
func demoSite(t *testing.T, bin string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the end-to-end tests need it (.ci/run installs it)")
	}
	// A short path: the app's title line (branch, path, count) must fit
	// the narrow terminals; t.TempDir holds the test's whole name.
	tmp, err := os.MkdirTemp("", "jt-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	site := filepath.Join(tmp, "site")
	if out, err := exec.Command(bin, "demo", site, "--lang", "en").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	return site
}

// userEnv is the environment of a user's terminal: a git identity, English.
func userEnv(home string) []string {
	return []string{"HOME=" + home, "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=", "NO_COLOR=",
		"GIT_AUTHOR_NAME=Recruiter", "GIT_AUTHOR_EMAIL=recruiter@example.org",
		"GIT_COMMITTER_NAME=Recruiter", "GIT_COMMITTER_EMAIL=recruiter@example.org", "GIT_CONFIG_NOSYSTEM=1", "EDITOR=true"}
}

// terminal is the app running in a tmux window.
type terminal struct {
	t      *testing.T
	socket string
}

// startTerminal runs the app on site in a w×h tmux window.
func startTerminal(t *testing.T, bin, site string, w, h int) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end tests need it (.ci/run installs it)")
	}
	home := filepath.Join(t.TempDir(), "home")
	os.MkdirAll(home, 0o755)
	term := &terminal{t: t, socket: fmt.Sprintf("jobtui-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))}
	// The shell stays after the app so that its exit status can be read.
	shell := "env " + strings.Join(quoteAll(userEnv(home)), " ") + " " + bin + " --repo " + site + "; echo EXIT=$?; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	t.Cleanup(func() { term.tmux("kill-server") })
	return term
}

func (term *terminal) tmux(args ...string) string {
	out, _ := exec.Command("tmux", append([]string{"-L", term.socket}, args...)...).CombinedOutput()
	return string(out)
}

func (term *terminal) screen() string { return term.tmux("capture-pane", "-p", "-t", "e2e") }

// waitFor waits until the screen holds every part.
func (term *terminal) waitFor(what string, parts ...string) string {
	term.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := term.screen()
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(s, p)
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("waiting for %s (%q); the screen is:\n%s", what, parts, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (term *terminal) send(keys ...string) {
	for _, k := range keys {
		term.tmux("send-keys", "-t", "e2e", k)
		// A lone escape needs a moment, or it reads as alt+key.
		time.Sleep(150 * time.Millisecond)
	}
}
