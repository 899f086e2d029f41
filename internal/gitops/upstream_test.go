package gitops

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// upstreamOf is the branch's upstream as git names it, "" when none.
func upstreamOf(t *testing.T, dir, branch string) string {
	t.Helper()
	if err := runGitAllowFail(dir, "rev-parse", "--verify", "--quiet", branch+"@{upstream}"); err != nil {
		return ""
	}
	return strings.TrimSpace(runGit(t, dir, "rev-parse", "--abbrev-ref", branch+"@{upstream}"))
}

// TestFirstPushSetsUpstream: a branch pushed for the first time tracks
// the remote's branch afterwards, as git push -u makes it, so that a pull
// knows where to pull from; a branch that already tracks one keeps it.
func TestFirstPushSetsUpstream(t *testing.T) {
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "site", seed(t))
	dir := clone(t, url)
	runGit(t, dir, "checkout", "-q", "-b", "feature")
	writeFile(t, dir, "README.md", "feature\n")
	runGit(t, dir, "commit", "-q", "-am", "feature")
	if got := upstreamOf(t, dir, "feature"); got != "" {
		t.Fatalf("before the push, feature tracks %q", got)
	}
	r := openRepo(t, dir)
	res, err := r.Push(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Dest != "feature" || runGit(t, bare, "rev-parse", "feature") != runGit(t, dir, "rev-parse", "HEAD") {
		t.Fatalf("pushed to %q; the server's feature is not the local one", res.Dest)
	}
	if got := upstreamOf(t, dir, "feature"); got != "origin/feature" {
		t.Fatalf("after the first push, feature tracks %q, want origin/feature", got)
	}
	pull, err := r.Pull(context.Background(), nil)
	if err != nil || !pull.UpToDate || pull.Adopted {
		t.Fatalf("pull after the push: %+v, %v; want up to date", pull, err)
	}
	// main tracks origin/main from the clone: a push keeps that.
	runGit(t, dir, "checkout", "-q", "main")
	if _, err := r.Push(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := upstreamOf(t, dir, "main"); got != "origin/main" {
		t.Errorf("main tracks %q after a push, want origin/main", got)
	}
}

// TestPullAdoptsSameNamedBranch: a branch without upstream whose name the
// default remote has is pulled from it (and tracks it afterwards); a
// branch the remote does not have is refused as KindNoUpstream, its
// config untouched.
func TestPullAdoptsSameNamedBranch(t *testing.T) {
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "site", seed(t))
	dir := clone(t, url)
	runGit(t, dir, "branch", "--unset-upstream", "main")
	// Someone else's commit reaches the server's main.
	other := clone(t, url)
	writeFile(t, other, "README.md", "theirs\n")
	runGit(t, other, "commit", "-q", "-am", "theirs")
	runGit(t, bare, "fetch", "-q", other, "main:main")

	r := openRepo(t, dir)
	res, err := r.Pull(context.Background(), nil)
	if err != nil {
		t.Fatalf("pull of a branch without upstream: %v", err)
	}
	if !res.Adopted || res.Upstream != "origin/main" || res.Behind != 1 {
		t.Fatalf("pull = %+v, want origin/main adopted, 1 commit brought", res)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != runGit(t, bare, "rev-parse", "main") {
		t.Error("main was not fast-forwarded to the server's main")
	}
	if got := upstreamOf(t, dir, "main"); got != "origin/main" {
		t.Errorf("main tracks %q after the pull, want origin/main", got)
	}

	runGit(t, dir, "checkout", "-q", "-b", "local-only")
	before := runGit(t, dir, "config", "--list", "--local")
	_, err = r.Pull(context.Background(), nil)
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindNoUpstream || e.Detail != "local-only" {
		t.Fatalf("pull of a branch the remote lacks: %v, want KindNoUpstream", err)
	}
	if after := runGit(t, dir, "config", "--list", "--local"); after != before {
		t.Errorf("a refused pull changed the config:\n%s\nwas\n%s", after, before)
	}
}

// TestRefusedPushWithoutGitHints: git's "hint:" advice (commands of its
// own, in English) and its generic "error: failed to push" line are not
// part of a refusal's words; the server's are, whole.
func TestRefusedPushWithoutGitHints(t *testing.T) {
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "site", seed(t))
	dir := clone(t, url)
	runGit(t, bare, "config", "receive.denyCurrentBranch", "ignore")
	other := clone(t, url)
	writeFile(t, other, "README.md", "theirs\n")
	runGit(t, other, "commit", "-q", "-am", "theirs")
	runGit(t, bare, "fetch", "-q", other, "main:main")
	writeFile(t, dir, "README.md", "ours\n")
	runGit(t, dir, "commit", "-q", "-am", "ours")

	r := openRepo(t, dir)
	_, err := r.Push(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindPushRejected {
		t.Fatalf("push over someone else's commit: %v, want KindPushRejected", err)
	}
	if strings.Contains(e.Output, "hint:") || strings.Contains(e.Output, "failed to push") {
		t.Errorf("the rejection carries git's advice: %q", e.Output)
	}

	// Protected main: the server's words stay, git's own lines go.
	runGit(t, dir, "fetch", "-q", "origin")
	runGit(t, dir, "reset", "-q", "--hard", "origin/main")
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "ours again")
	_, err = r.Push(context.Background())
	if !errors.As(err, &e) || e.Kind != KindPushRefused {
		t.Fatalf("push to the protected main: %v, want KindPushRefused", err)
	}
	if !strings.Contains(e.Output, "remote: error: GH006: Protected branch update failed") ||
		strings.Contains(e.Output, "hint:") || strings.Contains(e.Output, "failed to push some refs") {
		t.Errorf("refusal words = %q, want the server's lines only", e.Output)
	}
}

// TestRefusedAdoptingPullLeavesTheConfig: a pull of a branch without
// upstream that is refused (diverged, a fast-forward over an edited file,
// the index locked) does not make the remote's branch its upstream; once
// the cause is gone the same pull goes through and adopts it.
func TestRefusedAdoptingPullLeavesTheConfig(t *testing.T) {
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "site", seed(t))
	theirs := func(content string) {
		other := clone(t, url)
		writeFile(t, other, "README.md", content)
		runGit(t, other, "commit", "-q", "-am", "theirs")
		runGit(t, bare, "fetch", "-q", other, "main:main")
	}
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		fix   func(t *testing.T, dir string)
		kind  Kind
	}{
		{"diverged", func(t *testing.T, dir string) {
			writeFile(t, dir, "notes.md", "mine\n")
			runGit(t, dir, "add", "notes.md")
			runGit(t, dir, "commit", "-q", "-m", "mine")
		}, func(t *testing.T, dir string) { runGit(t, dir, "reset", "-q", "--hard", "HEAD~1") }, KindDiverged},
		{"edited file", func(t *testing.T, dir string) { writeFile(t, dir, "README.md", "my edit\n") },
			func(t *testing.T, dir string) { runGit(t, dir, "checkout", "--", "README.md") }, KindPullWouldOverwrite},
		{"index locked", func(t *testing.T, dir string) { writeFile(t, dir, ".git/index.lock", "") },
			func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, ".git", "index.lock")) }, KindIndexLocked},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := clone(t, url)
			runGit(t, dir, "branch", "--unset-upstream", "main")
			theirs(strings.Repeat("theirs\n", i+1))
			c.setup(t, dir)
			before := runGit(t, dir, "config", "--list", "--local")
			head := runGit(t, dir, "rev-parse", "HEAD")
			r := openRepo(t, dir)
			_, err := r.Pull(context.Background(), nil)
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("pull: %v, want kind %d", err, c.kind)
			}
			if after := runGit(t, dir, "config", "--list", "--local"); after != before {
				t.Errorf("a refused pull changed the config:\n%s\nwas\n%s", after, before)
			}
			if runGit(t, dir, "rev-parse", "HEAD") != head {
				t.Error("a refused pull moved the branch")
			}
			c.fix(t, dir)
			res, err := r.Pull(context.Background(), nil)
			if err != nil || !res.Adopted || upstreamOf(t, dir, "main") != "origin/main" {
				t.Fatalf("pull once the cause is gone: %+v, %v; main tracks %q", res, err, upstreamOf(t, dir, "main"))
			}
		})
	}
}

// TestPullOfAGoneUpstream: a branch whose upstream the remote deleted (as
// after a merge) is refused, as git pull refuses it, every time: not "up
// to date with ”", not "send it first", and never given another branch
// of the remote as its upstream.
func TestPullOfAGoneUpstream(t *testing.T) {
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "site", seed(t))
	dir := clone(t, url)
	runGit(t, dir, "checkout", "-q", "-b", "feature")
	runGit(t, dir, "push", "-q", "origin", "feature", "feature:review")
	runGit(t, dir, "branch", "-q", "-u", "origin/review")
	runGit(t, bare, "branch", "-q", "-D", "review")
	config := runGit(t, dir, "config", "--list", "--local")
	r := openRepo(t, dir)
	for i := 0; i < 2; i++ {
		_, err := r.Pull(context.Background(), nil)
		var e *Error
		if !errors.As(err, &e) || e.Kind != KindUpstreamGone || e.Detail != "origin/review" {
			t.Fatalf("pull %d of a branch whose upstream is gone: %v, want KindUpstreamGone naming origin/review", i+1, err)
		}
		if runGitAllowFail(dir, "pull", "--ff-only") == nil {
			t.Fatal("git pull accepts it: the test is wrong")
		}
		if got := runGit(t, dir, "config", "--list", "--local"); got != config {
			t.Errorf("the config changed:\n%s\nwas\n%s", got, config)
		}
	}
}
