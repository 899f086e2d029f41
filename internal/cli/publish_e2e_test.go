package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// servedCorpus serves a git copy of the real corpus over smart HTTP (a
// protected main, a pull-request message for new branches) and returns a
// clone with the credential helper in its own config, and the server's
// repository.
func servedCorpus(t *testing.T, home string) (dir, bare string) {
	t.Helper()
	return servedCorpusWith(t, home, nil)
}

// servedCorpusWith is servedCorpus with more files committed with the
// site (the team's .jobtui.yaml).
func servedCorpusWith(t *testing.T, home string, files map[string]string) (dir, bare string) {
	t.Helper()
	src := corpus(t)
	for _, v := range userEnv(home) {
		k, val, _ := strings.Cut(v, "=")
		t.Setenv(k, val)
	}
	seed := t.TempDir()
	gitserver.Git(t, seed, "init", "-q", "-b", "main")
	if out, err := exec.Command("cp", "-R", src+"/.", seed).CombinedOutput(); err != nil {
		t.Fatalf("copy the corpus: %v\n%s", err, out)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(seed, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitserver.Git(t, seed, "add", "-A")
	gitserver.Git(t, seed, "commit", "-q", "-m", "corpus")
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "careers", seed)
	dir = filepath.Join(t.TempDir(), "careers")
	gitserver.Git(t, filepath.Dir(dir), "-c", "credential.helper=!f() { echo username=u; echo password="+gitserver.Password+"; }; f", "clone", "-q", url, dir)
	gitserver.CredentialHelper(t, dir)
	return dir, bare
}

// jobtuiIn runs the binary in folder with args; it returns stdout, stderr
// and the exit code.
func jobtuiIn(t *testing.T, bin, folder string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = folder
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// TestPullRequestsWithTheBinary is issue 9's "done when", as a user runs
// it: the built binary, from another folder, against a real git server
// holding the corpus, every result checked with the git command line.
func TestPullRequestsWithTheBinary(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	dir, bare := servedCorpus(t, home)
	elsewhere := t.TempDir()
	git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
	// Two archived pairs of the corpus.
	const key1, key2 = "2023-Jan-AdministrativeOfficer", "2022-aug-sr-app-sec-dev"
	for _, k := range []string{key1, key2} {
		if out := git(dir, "grep", "-l", "translationKey: "+k); strings.Count(out, "\n") != 2 {
			t.Skipf("the corpus does not hold the pair %s as expected:\n%s", k, out)
		}
	}
	head := git(dir, "rev-parse", "HEAD")

	out, errOut, code := jobtuiIn(t, bin, elsewhere, "archive", key1, "--unarchive", "--publish", "pull-request", "--repo", dir)
	if code != 0 {
		t.Fatalf("propose: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Create a pull request for 'postings/unarchive-") || !strings.Contains(out, "Open the pull request: "+"http://") {
		t.Errorf("the server's message or the link is missing:\n%s", out)
	}
	if st := git(dir, "status", "--porcelain"); st != "" || git(dir, "rev-parse", "HEAD") != head || git(dir, "branch", "--show-current") != "main\n" {
		t.Errorf("the checkout changed: %q", st)
	}
	branches := strings.Fields(git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"))
	if len(branches) != 2 || branches[0] != "main" {
		t.Fatalf("server branches: %v", branches)
	}
	prop := branches[1]
	if names := git(bare, "diff", "--name-only", "main", prop); strings.Count(names, "\n") != 2 {
		t.Errorf("the proposal changes:\n%s", names)
	}
	for _, l := range strings.Split(git(bare, "diff", "-U0", "main", prop), "\n") {
		if (strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-")) && !strings.HasPrefix(l, "+++") && !strings.HasPrefix(l, "---") &&
			!strings.HasPrefix(l, "-archived: true") && !strings.HasPrefix(l, "+archived: false") {
			t.Errorf("the proposal changes a line that is not archived: %q", l)
		}
	}

	// Direct, then push: refused by the protected main, the commit kept.
	if out, errOut, code := jobtuiIn(t, bin, elsewhere, "archive", key2, "--unarchive", "--repo", dir); code != 0 {
		t.Fatalf("direct archive: exit %d\n%s%s", code, out, errOut)
	}
	local := git(dir, "rev-parse", "HEAD")
	out, errOut, code = jobtuiIn(t, bin, elsewhere, "push", "--repo", dir)
	if code == 0 || !strings.Contains(errOut, "Protected branch update failed") || !strings.Contains(errOut, "jobtui propose") {
		t.Errorf("push: exit %d\n%s%s", code, out, errOut)
	}
	if git(dir, "rev-parse", "HEAD") != local {
		t.Error("the refused push lost the local commit")
	}
	// Proposed instead.
	if out, errOut, code := jobtuiIn(t, bin, elsewhere, "propose", "--repo", dir); code != 0 || !strings.Contains(out, "Open the pull request") {
		t.Fatalf("propose: exit %d\n%s%s", code, out, errOut)
	}

	// The forge squash-merges the first proposal; pull fast-forwards.
	merged := gitserver.SquashMerge(t, bare, prop, "Unarchive "+key1+" (#4999)")
	out, errOut, code = jobtuiIn(t, bin, elsewhere, "pull", "--repo", dir)
	if code != 0 || !strings.Contains(out, "fast-forwarded") || !strings.Contains(out, prop) {
		t.Fatalf("pull: exit %d\n%s%s", code, out, errOut)
	}
	if git(dir, "rev-parse", "HEAD") != merged+"\n" || git(dir, "rev-parse", "HEAD") != git(bare, "rev-parse", "main") {
		t.Error("pull did not bring the local main to the server's")
	}
	out, _, _ = jobtuiIn(t, bin, elsewhere, "proposals", "--json", "--repo", dir)
	if !strings.Contains(out, `"merged": true`) || !strings.Contains(out, `"merged": false`) {
		t.Errorf("proposals:\n%s", out)
	}
	if out, errOut, code := jobtuiIn(t, bin, elsewhere, "proposals", "--clean", "--repo", dir); code != 0 || !strings.Contains(out, prop) {
		t.Errorf("clean: exit %d\n%s%s", code, out, errOut)
	}
	if n := len(strings.Fields(git(bare, "for-each-ref", "--format=%(refname)", "refs/heads/"))); n != 2 {
		t.Errorf("server branches after cleaning: %d", n)
	}
	git(dir, "fsck", "--strict")
	git(bare, "fsck", "--strict")

	// French, and a bad setting named with its file and line.
	os.WriteFile(filepath.Join(dir, ".jobtui.yaml"), []byte("base: main\npublish: pr\n"), 0o644)
	_, errOut, code = jobtuiIn(t, bin, elsewhere, "pull", "--repo", dir, "--lang", "fr")
	if code == 0 || !strings.Contains(errOut, ".jobtui.yaml, ligne 2") || !strings.Contains(errOut, "direct, pull-request") {
		t.Errorf("bad setting: exit %d\n%s", code, errOut)
	}
}

// TestUserSettings: the user's settings file gives the language and the
// site; a bad value stops the command, named with its file and line.
func TestUserSettings(t *testing.T) {
	bin := binary(t)
	site := demoSite(t, bin)
	home := t.TempDir()
	cfg := filepath.Join(home, "jobtui", "config.yaml")
	os.MkdirAll(filepath.Dir(cfg), 0o755)
	os.WriteFile(cfg, []byte("lang: fr\nsite: "+site+"\n"), 0o644)
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = t.TempDir()
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+home, "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=")
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		return out.String(), errb.String(), code
	}
	out, errOut, code := run("check")
	if code == 2 || !strings.Contains(out+errOut, "traduction") {
		t.Errorf("check with the user's site, in French: exit %d\n%s%s", code, out, errOut)
	}
	os.WriteFile(cfg, []byte("# mine\nlang: de\n"), 0o644)
	_, errOut, code = run("check")
	if code != 2 || !strings.Contains(errOut, "config.yaml, line 2") || !strings.Contains(errOut, "en, fr") {
		t.Errorf("bad language: exit %d\n%s", code, errOut)
	}
}
