package gitops

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gitConfigGetAll is `git config --get-all key` in dir.
func gitConfigGetAll(dir, key string) []string {
	cmd := exec.Command("git", "config", "--get-all", key)
	cmd.Dir = dir
	out, _ := cmd.Output()
	return strings.Fields(string(out))
}

// TestPushReadsTheUpstreamAsGitConfigDoes: Push and DefaultRemote read
// branch.<b>.remote and branch.<b>.merge from the settings jobtui reads
// itself (it ran `git config --get` three times a push); where a push goes
// (PushPlan) is what the values `git config --get-all` gives make of
// them: in files read in-process, in ones only git reads (includeIf), a
// local upstream ("."), a branch name in capitals, a key given twice,
// settings in the environment.
func TestPushReadsTheUpstreamAsGitConfigDoes(t *testing.T) {
	cases := []struct {
		name, branch, config string
		env                  []string
		upstream             string // the upstream branches git config gives
	}{
		{"tracks origin/main", "main", "[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\n", nil, "main"},
		{"tracks another name", "main", "[branch \"main\"]\n\tremote = up\n\tmerge = refs/heads/live\n", nil, "live"},
		{"tracks nothing", "main", "", nil, ""},
		{"a local upstream", "main", "[branch \"main\"]\n\tremote = .\n\tmerge = refs/heads/other\n", nil, "other"},
		{"a remote, no merge", "main", "[branch \"main\"]\n\tremote = up\n", nil, ""},
		{"capitals", "Feature", "[branch \"Feature\"]\n\tremote = up\n\tmerge = refs/heads/Feature-2\n[branch \"feature\"]\n\tremote = origin\n\tmerge = refs/heads/wrong\n", nil, "Feature-2"},
		{"given twice", "main", "[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/first\n\tmerge = refs/heads/second\n", nil, "first,second"},
		{"includeIf", "main", "[includeIf \"onbranch:main\"]\n\tpath = upstream.cfg\n", nil, "included"},
		{"environment", "main", "", []string{"GIT_CONFIG_COUNT=2", "GIT_CONFIG_KEY_0=branch.main.remote", "GIT_CONFIG_VALUE_0=env",
			"GIT_CONFIG_KEY_1=branch.main.merge", "GIT_CONFIG_VALUE_1=refs/heads/from-env"}, "from-env"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := seed(t)
			runGit(t, dir, "checkout", "-q", "-B", c.branch)
			runGit(t, dir, "remote", "add", "up", "https://example.invalid/up.git")
			writeFile(t, dir, ".git/upstream.cfg", "[branch \"main\"]\n\tremote = up\n\tmerge = refs/heads/included\n")
			local, err := os.ReadFile(filepath.Join(dir, ".git", "config"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, ".git/config", string(local)+c.config)
			for _, kv := range c.env {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			r := openRepo(t, dir)
			git := settings{}
			for _, k := range []string{"remote", "merge", "pushremote"} {
				key := "branch." + c.branch + "." + k
				if v := gitConfigGetAll(dir, key); len(v) > 0 {
					git[key] = v
				}
			}
			remotes := func() []string { return []string{"up"} }
			tracked := func(string, string) bool { return true }
			plan, want := planPush(r.settings(), c.branch, remotes, tracked), planPush(git, c.branch, remotes, tracked)
			if got := strings.Join(want.Upstream, ","); got != c.upstream {
				t.Fatalf("git config gives the upstream %q, the test expects %q", got, c.upstream)
			}
			if !reflect.DeepEqual(plan, want) {
				t.Errorf("push plan %+v; by git config, %+v", *plan, *want)
			}
			wantRemote := git.get("branch." + c.branch + ".remote")
			if wantRemote == "" || wantRemote == "." {
				wantRemote = "up" // the only remote
			}
			if got := r.DefaultRemote(context.Background()); got != wantRemote {
				t.Errorf("default remote %q, want %q", got, wantRemote)
			}
		})
	}
}
