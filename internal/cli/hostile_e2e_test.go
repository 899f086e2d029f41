package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 13, case 10: a front matter nested 2,000,000 deep crashed check,
// list and the app (a stack overflow in the TOML parser, the terminal left
// raw); inline tables 5,000 deep took 9 s, 50 MB of front matter 13 s. The
// built binary, as a user runs it: each file is reported as
// invalid-front-matter, every other posting is listed, the app runs.
func TestHostileFrontMatterBinary(t *testing.T) {
	bin := binary(t)
	site := demoSite(t, bin)
	dir := filepath.Join(site, "content", "en", "careers", "positions")
	rep := strings.Repeat
	hostile := map[string]string{
		"deep.md":   "+++\nx = " + rep("[", 2_000_000) + rep("]", 2_000_000) + "\n+++\n",
		"inline.md": "+++\nx = " + rep("{a = ", 5000) + "1" + rep("}", 5000) + "\n+++\n",
		"big.md":    "+++\n" + rep("k = 'a value'\n", 50<<20/14) + "+++\n",
		"flow.md":   "---\nx: " + rep("[", 20_000) + rep("]", 20_000) + "\n---\n",
	}
	for name, data := range hostile {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--repo", site, "--lang", "en")...)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	out, code := run("check")
	if code != 1 {
		t.Fatalf("check exits %d, want 1 (errors found):\n%.2000s", code, out)
	}
	for name := range hostile {
		i := strings.Index(out, "content/en/careers/positions/"+name)
		if i < 0 || !strings.Contains(out[max(0, i-200):i], "invalid-front-matter") {
			t.Errorf("check does not report %s as invalid-front-matter:\n%s", name, out)
		}
	}
	for _, want := range []string{"front matter too large: over 64 KB, not read", "front matter too long: over 2000 lines, not read",
		"front matter nested too deep: over 16 levels at line 2, not read",
		"28 postings, 12 groups"} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	out, code = run("list")
	if code != 0 || !strings.HasSuffix(out, "12 groups, 5 unreadable postings\n") || !strings.Contains(out, "UX Designer") || strings.Count(out, "⚠ unreadable") != 5 {
		t.Errorf("list exits %d:\n%s", code, out)
	}

	term := startTerminal(t, bin, site, 80, 24)
	term.waitFor("the list", "28 postings", "UX Designer", "big.md", "deep.md", "flow.md", "inline.md")
	term.send("4") // the postings with problems
	// The code is shortened at a hyphen, not in a word (issue 11, item 11).
	term.waitFor("the problems view", "invalid-…")
	term.send("q")
	term.waitFor("the quit question", "Quit anyway?")
	term.send("y")
	s := term.waitFor("the app's exit", "EXIT=0")
	if strings.Contains(s, "fatal error") || strings.Contains(s, "goroutine") {
		t.Errorf("the app crashed:\n%s", s)
	}
}
