package gitops

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTrackingRefAsGit: a remote's branch maps through the remote's fetch
// refspecs to the ref git takes for it, after a fetch with those refspecs
// and a stale ref of every branch from an earlier one: a ref `git branch
// --set-upstream-to` accepts as tracking that branch of origin, and the
// one `git rev-parse main@{upstream}` names when main tracks that branch;
// none where git accepts none.
func TestTrackingRefAsGit(t *testing.T) {
	src := seed(t)
	for _, b := range []string{"feature", "tmp/x", "tmp/y/z", "main2"} {
		runGit(t, src, "branch", b)
	}
	branches := []string{"main", "feature", "tmp/x", "tmp/y/z", "main2", "absent"}
	cases := map[string][]string{
		"default":   {"+refs/heads/*:refs/remotes/origin/*"},
		"narrowed":  {"+refs/heads/main:refs/remotes/origin/main"},
		"several":   {"refs/heads/main:refs/remotes/origin/main", "+refs/heads/feature:refs/remotes/other/feat"},
		"first one": {"refs/heads/main:refs/remotes/a/main", "+refs/heads/*:refs/remotes/origin/*"},
		"affixes":   {"+refs/heads/tmp/*:refs/remotes/origin/t-*-end", "+refs/heads/ma*2:refs/remotes/m/*"},
		"negative":  {"+refs/heads/*:refs/remotes/origin/*", "^refs/heads/tmp/*", "^refs/heads/feature"},
		"no dst":    {"refs/heads/feature", "+refs/heads/*:refs/remotes/up/*"},
	}
	for name, specs := range cases {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "clone")
			runGit(t, src, "clone", "-q", src, dir)
			runGit(t, dir, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
			runGit(t, dir, "config", "--unset-all", "remote.origin.fetch")
			for _, s := range specs {
				runGit(t, dir, "config", "--add", "remote.origin.fetch", s)
			}
			runGit(t, dir, "fetch", "-q", "--prune", "origin")
			accepted := acceptedUpstreams(t, dir)
			// Read as r.settings() reads them: go-git's Open refuses
			// negative refspecs and those without a destination.
			cfg, ok := readSettings(configFiles(filepath.Join(dir, ".git")))
			if !ok {
				t.Fatal("settings not read")
			}
			for _, b := range branches {
				got := trackingRef(cfg, "origin", b)
				if got == "" || runGitAllowFail(dir, "rev-parse", "--verify", "--quiet", got) != nil {
					if len(accepted[b]) > 0 {
						t.Errorf("%s: maps to %q (no ref), git accepts %v", b, got, accepted[b])
					}
					continue
				}
				runGit(t, dir, "config", "branch.main.remote", "origin")
				runGit(t, dir, "config", "branch.main.merge", "refs/heads/"+b)
				want := strings.TrimSpace(runGit(t, dir, "rev-parse", "--symbolic-full-name", "main@{upstream}"))
				if got != want || !slices.Contains(accepted[b], got) {
					t.Errorf("%s: maps to %q; git takes %q, accepts %v", b, got, want, accepted[b])
				}
			}
		})
	}
}

// acceptedUpstreams: for each branch of origin, the refs under refs/remotes
// `git branch --set-upstream-to` accepts as tracking it.
func acceptedUpstreams(t *testing.T, dir string) map[string][]string {
	accepted := map[string][]string{}
	for _, ref := range strings.Fields(runGit(t, dir, "for-each-ref", "--format=%(refname)", "refs/remotes")) {
		runGitAllowFail(dir, "config", "--unset-all", "branch.main.merge")
		if runGitAllowFail(dir, "branch", "--set-upstream-to="+ref, "main") != nil {
			continue
		}
		if strings.TrimSpace(runGit(t, dir, "config", "branch.main.remote")) == "origin" {
			b := strings.TrimPrefix(strings.TrimSpace(runGit(t, dir, "config", "branch.main.merge")), "refs/heads/")
			accepted[b] = append(accepted[b], ref)
		}
	}
	return accepted
}

// TestRemoteCounterpartFollowsRefspecs: a branch without upstream is
// measured against the ref the remote's fetch refspecs give its branch,
// which git branch --set-upstream-to accepts; with the refspecs narrowed
// to main, a remote-tracking ref of the branch left from an earlier fetch
// is not one (KindNoUpstream), as git would not take it.
func TestRemoteCounterpartFollowsRefspecs(t *testing.T) {
	src := seed(t)
	runGit(t, src, "branch", "feature")
	dir := filepath.Join(t.TempDir(), "clone")
	runGit(t, src, "clone", "-q", src, dir)
	runGit(t, dir, "checkout", "-q", "-b", "feature")
	runGit(t, dir, "config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/up/*")
	runGit(t, dir, "fetch", "-q", "origin")
	r := openRepo(t, dir)
	ctx := context.Background()
	tr, ref, err := r.RemoteCounterpart(ctx, "feature", "origin")
	if err != nil || ref != "refs/remotes/up/feature" || tr.Upstream != "up/feature" {
		t.Fatalf("counterpart %+v %q %v, want refs/remotes/up/feature", tr, ref, err)
	}
	if err := r.SetUpstream(ctx, "feature", ref); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "branch", "--unset-upstream", "feature")

	runGit(t, dir, "fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
	runGit(t, dir, "config", "remote.origin.fetch", "+refs/heads/main:refs/remotes/origin/main")
	runGit(t, dir, "fetch", "-q", "--prune", "origin")
	runGit(t, dir, "rev-parse", "--verify", "refs/remotes/origin/feature") // left over
	if err := runGitAllowFail(dir, "branch", "--set-upstream-to=refs/remotes/origin/feature", "feature"); err == nil {
		t.Fatal("git takes the left-over ref as upstream")
	}
	tr, ref, err = r.RemoteCounterpart(ctx, "feature", "origin")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindNoUpstream {
		t.Fatalf("counterpart %+v %q %v, want KindNoUpstream", tr, ref, err)
	}
}
