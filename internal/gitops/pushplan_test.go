package gitops

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// triangleTemplate is a clone of the organisation's repository (origin,
// ../org.git) with a fork of it as a second remote (fork, ../fork.git),
// on a branch work with a commit of its own, all in one folder that
// triangle copies.
func triangleTemplate(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	runGit(t, base, "clone", "-q", "--bare", seed(t), "org.git")
	runGit(t, base, "clone", "-q", "--bare", "org.git", "fork.git")
	runGit(t, base, "clone", "-q", "org.git", "clone")
	dir := filepath.Join(base, "clone")
	runGit(t, dir, "remote", "set-url", "origin", "../org.git")
	runGit(t, dir, "remote", "add", "fork", "../fork.git")
	runGit(t, dir, "fetch", "-q", "fork")
	runGit(t, dir, "checkout", "-q", "-b", "work")
	writeFile(t, dir, "README.md", "work\n")
	runGit(t, dir, "commit", "-q", "-am", "work")
	return base
}

// copyTree copies the folder from into a new temporary folder.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	if out, err := exec.Command("cp", "-a", from+"/.", to).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v %s", err, out)
	}
	return to
}

// bareRefs are the branches of the template's two bare repositories, by
// remote name ("origin/main"), and their commits: one git process.
func bareRefs(t *testing.T, base string) map[string]string {
	refs := map[string]string{}
	out := runGit(t, base, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if name, id, ok := strings.Cut(l, " "); ok {
			refs[name] = id
		}
	}
	return refs
}

// pushOutcome says where a push went: each remote branch it changed
// (remote/branch, "=other" when it is not the clone's commit) and what
// work tracks afterwards.
func pushOutcome(t *testing.T, base string, before map[string]map[string]string) string {
	dir := filepath.Join(base, "clone")
	head := strings.TrimSpace(runGit(t, dir, "rev-parse", "work"))
	var changed []string
	for name, bare := range map[string]string{"origin": "org.git", "fork": "fork.git"} {
		for ref, id := range bareRefs(t, filepath.Join(base, bare)) {
			if before[name][ref] == id {
				continue
			}
			what := name + "/" + ref
			if id != head {
				what += "=other"
			}
			changed = append(changed, what)
		}
	}
	sort.Strings(changed)
	up, _ := exec.Command("git", "-C", dir, "rev-parse", "--abbrev-ref", "work@{upstream}").Output()
	return strings.Join(changed, " ") + " | tracks " + strings.TrimSpace(string(up))
}

func refsBefore(t *testing.T, base string) map[string]map[string]string {
	return map[string]map[string]string{"origin": bareRefs(t, filepath.Join(base, "org.git")), "fork": bareRefs(t, filepath.Join(base, "fork.git"))}
}

// TestPushGoesWhereGitPushGoes: for each setting git push reads
// (branch.<b>.pushRemote, remote.pushDefault, branch.<b>.remote and merge,
// push.default), the same repository is made twice; jobtui pushes in one,
// `git push` with no arguments in the other, and the remote branches each
// changed and the upstream afterwards are compared. git runs with
// push.autoSetupRemote, which is what jobtui adds on top: a branch without
// upstream goes under its own name and tracks it. Where git refuses,
// jobtui refuses (KindPushNowhere, the rule named) and changes nothing.
func TestPushGoesWhereGitPushGoes(t *testing.T) {
	cfg := func(kv ...string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == "-u" {
					remote, branch, _ := strings.Cut(kv[i+1], "/")
					runGit(t, dir, "push", "-q", remote, "HEAD~1:refs/heads/"+branch)
					runGit(t, dir, "fetch", "-q", "--all")
					runGit(t, dir, "branch", "-q", "-u", kv[i+1])
					continue
				}
				runGit(t, dir, "config", "--add", kv[i], kv[i+1])
			}
		}
	}
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string   // where both pushed ("" and refused: nowhere)
		rule  PushRule // jobtui's refusal, where git refuses too
	}{
		{"upstream of the same name", cfg("-u", "origin/work"), "origin/work | tracks origin/work", 0},
		{"upstream of another name, simple", cfg("-u", "origin/main"), " | tracks origin/main", PushOtherName},
		{"upstream of another name, upstream", cfg("-u", "origin/main", "push.default", "upstream"), "origin/main | tracks origin/main", 0},
		{"upstream of another name, tracking", cfg("-u", "origin/main", "push.default", "tracking"), "origin/main | tracks origin/main", 0},
		{"upstream of another name, current", cfg("-u", "origin/main", "push.default", "current"), "origin/work | tracks origin/main", 0},
		{"upstream of another name, matching, the remote has the name", cfg("-u", "origin/work", "-u", "origin/main", "push.default", "matching"), "origin/work | tracks origin/main", 0},
		{"upstream of another name, matching, the remote lacks it", cfg("-u", "origin/main", "push.default", "matching"), " | tracks origin/main", PushNotMatching},
		{"upstream of the same name, nothing", cfg("-u", "origin/work", "push.default", "nothing"), " | tracks origin/work", PushNothing},
		{"two upstream branches", cfg("-u", "origin/work", "branch.work.merge", "refs/heads/main"), " | tracks origin/work", PushManyUpstreams},
		{"a local upstream", cfg("branch.work.remote", ".", "branch.work.merge", "refs/heads/main"), " | tracks main", PushIntoItself},
		{"fork: pushRemote, upstream of another name", cfg("-u", "origin/main", "branch.work.pushRemote", "fork"), "fork/work | tracks origin/main", 0},
		{"fork: pushRemote, upstream of the same name", cfg("-u", "origin/work", "branch.work.pushRemote", "fork"), "fork/work | tracks origin/work", 0},
		{"fork: remote.pushDefault", cfg("-u", "origin/main", "remote.pushDefault", "fork"), "fork/work | tracks origin/main", 0},
		{"fork: pushRemote before remote.pushDefault", cfg("-u", "fork/main", "remote.pushDefault", "fork", "branch.work.pushRemote", "origin"), "origin/work | tracks fork/main", 0},
		{"fork: pushRemote, current", cfg("-u", "origin/main", "branch.work.pushRemote", "fork", "push.default", "current"), "fork/work | tracks origin/main", 0},
		{"fork: pushRemote, upstream", cfg("-u", "origin/main", "branch.work.pushRemote", "fork", "push.default", "upstream"), " | tracks origin/main", PushNotUpstream},
		{"fork: pushRemote, matching", cfg("-u", "fork/work", "-u", "origin/main", "branch.work.pushRemote", "fork", "push.default", "matching"), "fork/work | tracks origin/main", 0},
		{"no upstream", cfg(), "origin/work | tracks origin/work", 0},
		{"no upstream, current", cfg("push.default", "current"), "origin/work | tracks origin/work", 0},
		{"no upstream, upstream", cfg("push.default", "upstream"), "origin/work | tracks origin/work", 0},
		{"no upstream, nothing", cfg("push.default", "nothing"), " | tracks ", PushNothing},
		{"no upstream, pushRemote", cfg("branch.work.pushRemote", "fork"), "fork/work | tracks fork/work", 0},
		{"no upstream, remote.pushDefault", cfg("remote.pushDefault", "fork"), "fork/work | tracks fork/work", 0},
		{"no upstream, pushRemote, upstream", cfg("branch.work.pushRemote", "fork", "push.default", "upstream"), " | tracks ", PushNotUpstream},
	}
	template := triangleTemplate(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gitBase := copyTree(t, template)
			c.setup(t, filepath.Join(gitBase, "clone"))
			base := copyTree(t, gitBase) // the same repository, for jobtui
			before := refsBefore(t, gitBase)
			cmd := exec.Command("git", "-c", "push.autoSetupRemote=true", "push", "-q")
			cmd.Dir = filepath.Join(gitBase, "clone")
			out, err := cmd.CombinedOutput()
			gitRefuses := c.rule != 0 && c.rule != PushNotMatching // matching pushes the other branches, silently not this one
			if got := pushOutcome(t, gitBase, before); got != c.want || (err != nil) != gitRefuses {
				t.Fatalf("git push: %q (err %v: %s), the test expects %q", got, err, out, c.want)
			}

			dir := filepath.Join(base, "clone")
			config := runGit(t, dir, "config", "--list", "--local")
			_, err = openRepo(t, dir).Push(context.Background())
			var e *Error
			switch {
			case c.rule == 0 && err != nil:
				t.Fatalf("jobtui push: %v; git pushed to %q", err, c.want)
			case c.rule != 0 && (!errors.As(err, &e) || e.Kind != KindPushNowhere || e.Plan == nil || e.Plan.Refused != c.rule):
				t.Fatalf("jobtui push: %v, want refused with rule %d (git: %s)", err, c.rule, out)
			case c.rule != 0 && runGit(t, dir, "config", "--list", "--local") != config:
				t.Error("a refused push changed the config")
			}
			if got := pushOutcome(t, base, before); got != c.want {
				t.Errorf("jobtui pushed: %q; git push: %q", got, c.want)
			}
		})
	}
}

// TestPushPlanRefusesWhatGitCannotRun: a push.default git does not know
// (git then refuses every command, this one included), and a remote whose
// own refspecs or mirror setting decide what git pushes (jobtui pushes
// one branch: it refuses rather than push elsewhere than git) send
// nothing; "tracking" is git's old name for upstream.
func TestPushPlanRefusesWhatGitCannotRun(t *testing.T) {
	up := "branch.work.remote"
	for _, c := range []struct {
		name string
		cfg  settings
		want PushRule
		dest string
	}{
		{"bad push.default", settings{"push.default": {"Simple"}}, PushBadDefault, "work"},
		{"bare push.default from git config --list", settings{"push.default": {"true"}}, PushBadDefault, "work"},
		{"the last value counts", settings{"push.default": {"bogus", "current"}, up: {"origin"}, "branch.work.merge": {"refs/heads/main"}}, PushSent, "work"},
		{"tracking", settings{"push.default": {"tracking"}, up: {"origin"}, "branch.work.merge": {"refs/heads/main"}}, PushSent, "main"},
		{"remote.origin.push", settings{"remote.origin.push": {"HEAD:refs/for/main"}}, PushRefspecs, "work"},
		{"remote.fork.mirror", settings{"branch.work.pushremote": {"fork"}, "remote.fork.mirror": {"true"}}, PushRefspecs, "work"},
		{"refspecs of another remote", settings{"remote.fork.push": {"refs/heads/*:refs/heads/*"}}, PushSent, "work"},
	} {
		p := planPush(c.cfg, "work", func() []string { return []string{"origin", "fork"} }, func(string, string) bool { return true })
		if p.Refused != c.want || p.Dest != c.dest || p.Remote != "origin" && c.name != "remote.fork.mirror" {
			t.Errorf("%s: %+v, want rule %d to %s", c.name, *p, c.want, c.dest)
		}
	}
}

// TestPushRejectedOnTheFork: a push the fork rejects (its branch has
// commits the local one lacks) carries the plan, triangular: pulls come
// from the organisation's repository, so a pull would not mend it; a
// rejection on the upstream's own remote is not triangular.
func TestPushRejectedOnTheFork(t *testing.T) {
	template := triangleTemplate(t)
	for _, c := range []struct {
		name, remote string
		triangular   bool
	}{{"fork", "fork", true}, {"upstream", "origin", false}} {
		base := copyTree(t, template)
		dir := filepath.Join(base, "clone")
		runGit(t, dir, "push", "-q", c.remote, "HEAD:refs/heads/elsewhere")
		runGit(t, dir, "commit", "-q", "--amend", "-m", "work, amended")
		runGit(t, dir, "branch", "-q", "-u", "origin/main")
		runGit(t, dir, "config", "branch.work.pushRemote", c.remote)
		runGit(t, dir, "config", "push.default", "current")
		if c.remote == "origin" {
			runGit(t, dir, "config", "push.default", "upstream")
			runGit(t, dir, "config", "branch.work.merge", "refs/heads/elsewhere")
		} else {
			runGit(t, filepath.Join(base, "fork.git"), "branch", "-m", "elsewhere", "work")
		}
		_, err := openRepo(t, dir).Push(context.Background())
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindPushRejected || e.Plan == nil || e.Plan.Triangular() != c.triangular || e.Plan.Remote != c.remote {
			t.Fatalf("%s: %v (plan %+v), want rejected on %s, triangular %v", c.name, err, e.Plan, c.remote, c.triangular)
		}
	}
}
