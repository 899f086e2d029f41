package gitops

import (
	"crypto/sha1"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSettingsMatchGit: where jobtui reads git's config files itself, it
// reads what `git config --list` says, in git's order (an [include]
// between two sections of the same name is read where it stands, not
// merged), a bare key as true; where it cannot (includeIf, syntax go-git
// refuses), it asks git and reads the same. Cases named "repo: " are in
// the repository's config, the others in the global one.
func TestSettingsMatchGit(t *testing.T) {
	cases := map[string]string{
		"plain":         "[user]\n\tname = A \"quoted\" name ; comment\n[core]\n\tHooksPath = hooks\n[Remote \"Origin\"]\n\turl = u\n[remote \"origin\"]\n\turl = v\n\turl = w\n",
		"include":       "[include]\n\tpath = inc.cfg\n[gc]\n\tauto = 0\n",
		"bare boolean":  "[commit]\n\tgpgSign\n",
		"empty boolean": "[commit]\n\tgpgsign =\n",
		// A bare key jobtui did not list as a boolean read as "", false.
		"repo: bare mirror": "[remote \"origin\"]\n\turl = u\n\tmirror\n",
		"includeIf":         "[includeIf \"gitdir:/\"]\n\tpath = inc.cfg\n",
		"old subsection":    "[branch.Main]\n\tremote = origin\n",
		// The same section or subsection on both sides of an include.
		"repo: subsection around include": "[branch \"main\"]\n\tmerge = refs/heads/first\n[include]\n\tpath = inc.cfg\n[branch \"main\"]\n\tmerge = refs/heads/last\n",
		"subsection around include":       "[branch \"main\"]\n\tmerge = refs/heads/first\n[include]\n\tpath = inc.cfg\n[branch \"main\"]\n\tmerge = refs/heads/last\n",
		"section around include":          "[gc]\n\tauto = 1\n[include]\n\tpath = inc.cfg\n[gc]\n\tauto = 2\n",
		"section in other case":           "[GC]\n\tauto = 1\n[include]\n\tpath = inc.cfg\n[Gc]\n\tAUTO = 2\n",
		"include in a section":            "[branch \"main\"]\n\tmerge = refs/heads/first\n[include]\n\tpath = inc.cfg\n[branch \"main\"]\n\tremote = x\n[include]\n\tpath = inc.cfg\n",
		// [include] twice, a key of another section between.
		"include twice": "[include]\n\tpath = inc.cfg\n[gc]\n\tauto = 1\n[include]\n\tpath = inc.cfg\n",
		"nested":        "[gc]\n\tauto = 1\n[include]\n\tpath = nest.cfg\n[gc]\n\tauto = 2\n",
	}
	notHere := map[string]bool{"includeIf": true, "old subsection": true}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			dir := gitRepo(t)
			home := t.TempDir()
			t.Setenv("HOME", home)
			cfgDir, cfgFile := home, ".gitconfig"
			if strings.HasPrefix(name, "repo: ") {
				cfgDir, cfgFile = filepath.Join(dir, ".git"), "config"
				old, err := os.ReadFile(filepath.Join(cfgDir, cfgFile))
				if err != nil {
					t.Fatal(err)
				}
				text = string(old) + text
			}
			// In the global file: go-git cannot open a repository whose
			// own config has the old subsection syntax.
			writeFile(t, cfgDir, "inc.cfg", "[maintenance]\n\tauto = false\n[branch \"main\"]\n\tmerge = refs/heads/from-include\n[gc]\n\tauto = 3\n")
			writeFile(t, cfgDir, "nest.cfg", "[gc]\n\tauto = 4\n[include]\n\tpath = inc.cfg\n[gc]\n\tauto = 5\n")
			writeFile(t, cfgDir, cfgFile, text)
			r := openRepo(t, dir)
			if _, here := readSettings(configFiles(r.commonDir())); here == notHere[name] {
				t.Errorf("read by jobtui itself: %v, want %v", here, !notHere[name])
			}
			got, want := r.settings(), r.settingsFromGit()
			if len(want) == 0 {
				t.Fatal("git config --list said nothing")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("jobtui reads\n%v\ngit reads\n%v", got, want)
			}
		})
	}
}

// writeLoose17 writes n loose objects whose names start with 17, the
// folder git counts to guess whether an automatic gc is needed.
func writeLoose17(t *testing.T, dir string, n int) {
	t.Helper()
	// The seed's own objects may start with 17 (their hashes hold the
	// time of the commit): those count.
	existing, _ := os.ReadDir(filepath.Join(dir, ".git", "objects", "17"))
	if len(existing) > n {
		t.Skipf("the seed already has %d loose objects in 17, over the %d the case needs", len(existing), n)
	}
	var paths []string
	tmp := t.TempDir()
	for i := 0; len(paths) < n-len(existing); i++ {
		body := fmt.Sprintf("object %d\n", i)
		if sha1.Sum([]byte(fmt.Sprintf("blob %d\x00%s", len(body), body)))[0] != 0x17 {
			continue
		}
		p := filepath.Join(tmp, fmt.Sprint(i))
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		return
	}
	cmd := exec.Command("git", "hash-object", "-w", "--no-filters", "--stdin-paths")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git hash-object: %v %s", err, out)
	}
	if got, _ := os.ReadDir(filepath.Join(dir, ".git", "objects", "17")); len(got) != n {
		t.Fatalf("%d objects in 17, want %d", len(got), n)
	}
}

// gitWouldMaintain tells whether `git maintenance run --auto`, which git
// commit runs after committing, finds work: a pre-auto-gc hook, which git
// runs only once it has found that a gc is needed, leaves a mark and
// stops the gc. With commit, git commit itself is asked (it adds an
// object: the count of objects must not be at the threshold).
func gitWouldMaintain(t *testing.T, dir string, commit bool) bool {
	t.Helper()
	hooks := t.TempDir()
	mark := filepath.Join(hooks, "mark")
	if err := os.WriteFile(filepath.Join(hooks, "pre-auto-gc"), []byte("#!/bin/sh\ntouch '"+mark+"'\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if commit {
		runGit(t, dir, "-c", "core.hooksPath="+hooks, "commit", "-q", "--allow-empty", "-m", "probe")
	} else {
		runGit(t, dir, "-c", "core.hooksPath="+hooks, "maintenance", "run", "--auto", "--quiet")
	}
	return exists(mark)
}

// TestMaintenanceIdleMatchesGit: jobtui skips git commit's automatic
// maintenance only where git itself would find nothing to do.
func TestMaintenanceIdleMatchesGit(t *testing.T) {
	cases := []struct {
		name   string
		loose  int      // loose objects in objects/17
		config []string // git config key value, pairs
		packs  int      // extra packs made
		want   bool     // maintenanceIdle
	}{
		{"a fresh repository", 0, nil, 0, true},
		{"27 loose objects in 17: at the threshold", 27, nil, 0, true},
		{"28 loose objects in 17: over it", 28, nil, 0, false},
		{"gc.auto lowered to 2560", 11, []string{"gc.auto", "2560"}, 0, false},
		{"gc.auto 0 turns it off", 28, []string{"gc.auto", "0"}, 0, true},
		{"maintenance.auto false", 28, []string{"maintenance.auto", "false"}, 0, true},
		{"too many packs", 0, []string{"gc.autoPackLimit", "2"}, 3, false},
		{"as many packs as allowed", 0, []string{"gc.autoPackLimit", "3"}, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := seed(t)
			for i := 0; i+1 < len(c.config); i += 2 {
				runGit(t, dir, "config", c.config[i], c.config[i+1])
			}
			for i := 0; i < c.packs; i++ {
				writeFile(t, dir, fmt.Sprintf("pack%d.txt", i), fmt.Sprint(i))
				runGit(t, dir, "add", "-A")
				runGit(t, dir, "commit", "-q", "-m", "x")
				runGit(t, dir, "repack", "-q")
			}
			writeLoose17(t, dir, c.loose)
			r := openRepo(t, dir)
			got := r.maintenanceIdle(r.settings())
			if got != c.want {
				t.Errorf("maintenanceIdle = %v, want %v", got, c.want)
			}
			// git maintenance itself does not read maintenance.auto: the
			// command that would start it does.
			if git := gitWouldMaintain(t, dir, c.config != nil && c.config[0] == "maintenance.auto"); git == got {
				t.Errorf("git maintenance would work: %v; jobtui says idle: %v", git, got)
			}
		})
	}
}

// TestMaintenanceKeptWhereGitWouldDoMore: another task, or a hook of the
// commit (which would inherit the setting), keeps git's own way.
func TestMaintenanceKeptWhereGitWouldDoMore(t *testing.T) {
	dir := seed(t)
	r := openRepo(t, dir)
	if !r.maintenanceIdle(r.settings()) {
		t.Fatal("a fresh repository is not idle")
	}
	writeFile(t, dir, ".git/hooks/post-commit", "#!/bin/sh\n")
	if !r.maintenanceIdle(r.settings()) {
		t.Error("a hook that cannot run (not executable) counted")
	}
	if err := os.Chmod(filepath.Join(dir, ".git/hooks/post-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	if r.maintenanceIdle(r.settings()) {
		t.Error("a post-commit hook would inherit maintenance.auto=false")
	}
	os.Remove(filepath.Join(dir, ".git/hooks/post-commit"))
	runGit(t, dir, "config", "maintenance.strategy", "incremental")
	if r.maintenanceIdle(r.settings()) {
		t.Error("maintenance.strategy enables other tasks")
	}
	// A core.hooksPath in the home folder (~), which holds a hook, or
	// where only git can tell (another user's home, git's prefix).
	runGit(t, dir, "config", "--unset", "maintenance.strategy")
	home := os.Getenv("HOME")
	writeFile(t, home, "post-commit", "#!/bin/sh\n")
	if err := os.Chmod(filepath.Join(home, "post-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"~", "~nobody/hooks", "%(prefix)/hooks"} {
		runGit(t, dir, "config", "core.hooksPath", p)
		if r.maintenanceIdle(r.settings()) {
			t.Errorf("core.hooksPath %s: git may run a hook", p)
		}
	}
}
