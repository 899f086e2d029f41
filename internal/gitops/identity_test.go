package gitops

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// asGit: the case's identity is whatever git var says.
const asGit = "as git says"

// Each case is checked against what `git var GIT_AUTHOR_IDENT` says.
func TestIdentityMatchesGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	cases := []struct {
		name  string
		files map[string]string // relative to HOME; "repo" = the repository's config
		env   map[string]string
		want  string // "" when git knows nobody
	}{
		{"xdg file with a gitconfig lacking user", map[string]string{
			".config/git/config": "[user]\n\tname = Xdg Person\n\temail = xdg@example.org\n",
			".gitconfig":         "[core]\n\teditor = vi\n"}, nil, "Xdg Person <xdg@example.org>"},
		{"gitconfig wins over xdg", map[string]string{
			".config/git/config": "[user]\n\tname = Xdg Person\n\temail = xdg@example.org\n",
			".gitconfig":         "[user]\n\tname = Home Person\n"}, nil, "Home Person <xdg@example.org>"},
		{"include", map[string]string{
			".gitconfig": "[include]\n\tpath = ~/id.inc\n",
			"id.inc":     "[user]\n\tname = Included\n\temail = inc@example.org\n"}, nil, "Included <inc@example.org>"},
		{"GIT_CONFIG_GLOBAL replaces the global files", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n",
			"alt.cfg":    "[user]\n\tname = Alt Person\n\temail = alt@example.org\n"},
			map[string]string{"GIT_CONFIG_GLOBAL": "alt.cfg"}, "Alt Person <alt@example.org>"},
		{"repository config wins", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n",
			"repo":       "[user]\n\temail = repo@example.org\n"}, nil, "Home Person <repo@example.org>"},
		{"environment wins", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n"},
			map[string]string{"GIT_AUTHOR_NAME": "Env Person", "GIT_AUTHOR_EMAIL": "env@example.org"}, "Env Person <env@example.org>"},
		{"author.name over user.name", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n[author]\n\tname = The Author\n"}, nil, "The Author <home@example.org>"},
		{"includeIf gitdir naming the repository", map[string]string{
			".gitconfig": "[user]\n\temail = home@example.org\n[includeIf \"gitdir:REPO/\"]\n\tpath = ~/work.inc\n",
			"work.inc":   "[user]\n\tname = Work Person\n\temail = work@example.org\n"}, nil, "Work Person <work@example.org>"},
		{"includeIf gitdir naming another folder", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n[includeIf \"gitdir:/no/such/folder/\"]\n\tpath = ~/work.inc\n",
			"work.inc":   "[user]\n\tname = Work Person\n\temail = work@example.org\n"}, nil, "Home Person <home@example.org>"},
		{"settings given in the environment", map[string]string{
			".gitconfig": "[user]\n\temail = home@example.org\n"},
			map[string]string{"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.name", "GIT_CONFIG_VALUE_0": "Env Config"}, "Env Config <home@example.org>"},
		{"old-style subsection, which go-git cannot read", map[string]string{
			".gitconfig": "[user]\n\tname = Home Person\n\temail = home@example.org\n[branch.Main]\n\tremote = origin\n"}, nil, "Home Person <home@example.org>"},
		{"nobody", map[string]string{}, nil, ""},
		// User test (flow 2, item 4): EMAIL alone was refused ("git does
		// not know who you are") where git commits, the name taken from
		// the system's account.
		{"EMAIL alone, the name from the system", map[string]string{}, map[string]string{"EMAIL": "someone@example.org"}, asGit},
		{"user.email alone", map[string]string{".gitconfig": "[user]\n\temail = home@example.org\n"}, nil, asGit},
		// An address set empty on purpose: git commits "Name <>".
		{"user.email set empty", map[string]string{".gitconfig": "[user]\n\tname = Home Person\n\temail =\n"}, nil, asGit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			repo := t.TempDir()
			for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS"} {
				t.Setenv(v, "")
				os.Unsetenv(v)
			}
			t.Setenv("HOME", home)
			t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			cmd := exec.Command("git", "init", "-q", repo)
			cmd.Env = os.Environ()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v %s", err, out)
			}
			for p, s := range c.files {
				target := filepath.Join(home, p)
				if p == "repo" {
					old, _ := os.ReadFile(filepath.Join(repo, ".git", "config"))
					target, s = filepath.Join(repo, ".git", "config"), string(old)+s
				}
				os.MkdirAll(filepath.Dir(target), 0o755)
				os.WriteFile(target, []byte(strings.ReplaceAll(s, "REPO", repo)), 0o644)
			}
			for k, v := range c.env {
				if k == "GIT_CONFIG_GLOBAL" {
					v = filepath.Join(home, v)
				}
				t.Setenv(k, v)
			}
			gitCmd := exec.Command("git", "var", "GIT_AUTHOR_IDENT")
			gitCmd.Dir = repo
			gitCmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=@0 +0000")
			out, gitErr := gitCmd.Output()
			gitIdent := ""
			if gitErr == nil {
				gitIdent = strings.TrimSuffix(strings.TrimSpace(string(out)), " 0 +0000")
			}
			r := openRepo(t, repo)
			author, _, err := r.Identity()
			got := ""
			if err == nil {
				got = author.Name + " <" + author.Email + ">"
			} else if !errors.Is(err, ErrNoIdentity) {
				t.Fatal(err)
			}
			// Where none is set, git takes what it can from the system
			// (or refuses): jobtui says what git says.
			want := c.want
			if want == "" || want == asGit {
				if want == asGit && gitIdent == "" {
					t.Fatalf("git var knows nobody: the case does not test what it should")
				}
				want = gitIdent
			}
			if got != want {
				t.Errorf("jobtui: %q, want %q (git var: %q)", got, want, gitIdent)
			}
			if c.want != "" && c.want != asGit && gitIdent != c.want {
				t.Errorf("git var says %q, the test expects %q", gitIdent, c.want)
			}
		})
	}
}

// TestSystemConfigFileAsGit: the system file read is the one git reads
// (git config --system --show-origin): /etc/gitconfig unless
// GIT_CONFIG_SYSTEM names another, none where it is set empty or
// GIT_CONFIG_NOSYSTEM is true.
func TestSystemConfigFileAsGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	sys := filepath.Join(t.TempDir(), "sys.cfg")
	if err := os.WriteFile(sys, []byte("[user]\n\tname = System Person\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  map[string]string // "-": unset
	}{
		{"default", map[string]string{"GIT_CONFIG_SYSTEM": "-", "GIT_CONFIG_NOSYSTEM": "-"}},
		{"named", map[string]string{"GIT_CONFIG_SYSTEM": sys, "GIT_CONFIG_NOSYSTEM": "-"}},
		{"set empty", map[string]string{"GIT_CONFIG_SYSTEM": "", "GIT_CONFIG_NOSYSTEM": "-"}},
		{"nosystem", map[string]string{"GIT_CONFIG_SYSTEM": sys, "GIT_CONFIG_NOSYSTEM": "1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
				if v == "-" {
					os.Unsetenv(k)
				}
			}
			// git's answer: the origin of its system-scope settings, if
			// any (none too where the default file does not exist).
			out, _ := exec.Command("git", "config", "--list", "--show-scope", "--show-origin").Output()
			want := ""
			for _, line := range strings.Split(string(out), "\n") {
				if rest, ok := strings.CutPrefix(line, "system\tfile:"); ok {
					want, _, _ = strings.Cut(rest, "\t")
					break
				}
			}
			got := ""
			if files := configFiles(""); len(files) > 0 && !strings.HasPrefix(files[0], os.Getenv("HOME")) && files[0] != filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "git", "config") {
				if _, err := os.Stat(files[0]); err == nil {
					got = files[0]
				}
			}
			if got != want {
				t.Errorf("system file %q, git reads %q", got, want)
			}
		})
	}
}
