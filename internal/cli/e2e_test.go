package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The built binary in a real terminal (tmux) on a real git repository,
// checked afterwards with the git command line.
func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	for _, tool := range []string{"tmux", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the end-to-end test needs it (.ci/run installs it)", tool)
		}
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "jobtui")
	if out, err := buildPrograms(tmp).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	if out, err := exec.Command(bin, "demo", site, "--lang", "en").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
		cmd.Dir = site
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	startHead := strings.TrimSpace(git("rev-parse", "HEAD"))

	socket := fmt.Sprintf("jobtui-e2e-%d", os.Getpid())
	tmux := func(args ...string) string {
		out, _ := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		return string(out)
	}
	home := filepath.Join(tmp, "home")
	os.MkdirAll(home, 0o755)
	env := []string{"HOME=" + home, "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=", "NO_COLOR=",
		"GIT_AUTHOR_NAME=Recruiter", "GIT_AUTHOR_EMAIL=recruiter@example.org",
		"GIT_COMMITTER_NAME=Recruiter", "GIT_COMMITTER_EMAIL=recruiter@example.org", "GIT_CONFIG_NOSYSTEM=1", "EDITOR=true"}
	shell := "env " + strings.Join(quoteAll(env), " ") + " " + bin + " --repo " + site
	tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", shell)
	t.Cleanup(func() { tmux("kill-server") })

	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s; the screen is:\n%s", what, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	has := func(parts ...string) func(string) bool {
		return func(s string) bool {
			for _, p := range parts {
				if !strings.Contains(s, p) {
					return false
				}
			}
			return true
		}
	}
	send := func(keys ...string) {
		for _, k := range keys {
			tmux("send-keys", "-t", "e2e", k)
			// A lone escape needs a moment, or it reads as alt+key.
			time.Sleep(150 * time.Millisecond)
		}
	}
	typeText := func(s string) { tmux("send-keys", "-t", "e2e", "-l", s); time.Sleep(150 * time.Millisecond) }

	waitFor("the list", has("24 postings", "UX Designer", "Senior Developer"))
	// Find a posting by filter (accents ignored).
	send("/")
	typeText("developpeur")
	waitFor("the filtered list", func(s string) bool {
		return strings.Contains(s, "Senior Developer") && !strings.Contains(s, "UX Designer")
	})
	send("Enter", "Enter")
	waitFor("the preview in two columns", has("│", "What you will do", "Ce que vous ferez"))
	send("Escape")
	waitFor("the list again", has("ENGLISH", "FRENCH"))
	// Edit the English title through the form.
	send("e")
	waitFor("the edit form", has("translationKey"))
	for i := 0; i < 5; i++ {
		send("Enter")
	}
	waitFor("the English title", has("Title (English)"))
	send("C-u")
	typeText("Lead Developer")
	send("Enter", "Enter")
	waitFor("the French group", has("Title (French)"))
	send("Enter", "Enter")
	waitFor("the saved edit", has("Saved 1 file (u to undo)."))
	// Archive the pair: the edit is uncommitted, so the app asks.
	send("a")
	waitFor("the question", has("Include the uncommitted edits of 1 file", "(y/n)"))
	send("y")
	waitFor("the archive commit", has("Archived and committed", "u to undo"))
	// Undo drops the unpushed commit: the title edit is back, uncommitted
	// (issue 11, item 3).
	send("u")
	waitFor("the undo", has("Undone: commit", "u to redo"))
	if log := git("log", "--format=%s", startHead+"..HEAD"); log != "" {
		t.Errorf("commits after the undo:\n%s", log)
	}
	if st := git("status", "--porcelain"); st != " M content/en/careers/positions/senior-developer.md\n" {
		t.Errorf("git status after the undo:\n%s", st)
	}
	send("u")
	waitFor("the question again", has("Include the uncommitted edits of 1 file"))
	send("y")
	waitFor("the redo", has("Redone: Archived and committed"))
	// q asks only while files have uncommitted edits: wait for the row's
	// git mark (M) to go once git's states are read again.
	waitFor("the redo's git state", func(s string) bool {
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, "Lead Developer") {
				return strings.Contains(l, "A Lead Developer") && !strings.Contains(l, "M A Lead Developer")
			}
		}
		return false
	})
	send("q")
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(tmux("list-sessions"), "e2e") && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if strings.Contains(tmux("list-sessions"), "e2e:") {
		t.Fatalf("the app did not quit:\n%s", screen())
	}

	// What git says.
	log := git("log", "--format=%s", startHead+"..HEAD")
	subjects := strings.Split(strings.TrimSpace(log), "\n")
	if len(subjects) != 1 || !strings.HasPrefix(subjects[0], "Archive posting senior-developer: Lead Developer / ") {
		t.Errorf("commits:\n%s", log)
	}
	en := "content/en/careers/positions/senior-developer.md"
	fr := "content/fr/careers/positions/développeur-principal.md"
	if got := git("show", "--numstat", "--format=", "HEAD"); got != "2\t2\t"+en+"\n1\t1\t"+fr+"\n" {
		t.Errorf("archive commit files:\n%s", got)
	}
	archiveDiff := git("show", "--format=", "-U0", "HEAD")
	for _, want := range []string{"-title: 'Senior Developer'", "+title: 'Lead Developer'", "+archived: true", "-archived: false"} {
		if !strings.Contains(archiveDiff, "\n"+want+"\n") {
			t.Errorf("archive commit lacks %q:\n%s", want, archiveDiff)
		}
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("git status is not clean:\n%s", st)
	}
	git("fsck", "--strict")
}

func quoteAll(env []string) []string {
	out := make([]string, len(env))
	for i, e := range env {
		out[i] = "'" + strings.ReplaceAll(e, "'", `'\''`) + "'"
	}
	return out
}
