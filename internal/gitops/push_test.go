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

// clone is a clone of the served repository url, with the credential
// helper in its own config.
func clone(t *testing.T, url string) string {
	dir := t.TempDir()
	runGit(t, dir, "-c", "credential.helper="+credHelper(), "clone", "-q", url, ".")
	gitserver.CredentialHelper(t, dir)
	return dir
}

func credHelper() string {
	return `!f() { test "$1" = get && echo username=` + gitserver.User + ` && echo password=` + gitserver.Password + `; }; f`
}

// TestPushToProtectedMain: the server's pre-receive hook refuses main; the
// refusal carries the server's words, and the local commit is kept.
func TestPushToProtectedMain(t *testing.T) {
	src := seed(t)
	srv := gitserver.Start(t)
	url, _ := srv.Repo(t, "site", src)
	dir := clone(t, url)
	writeFile(t, dir, "README.md", "ours\n")
	runGit(t, dir, "commit", "-q", "-am", "ours")
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err := openRepo(t, dir).Push(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindPushRefused || !strings.Contains(e.Output, "Protected branch update failed") {
		t.Fatalf("err = %v, want the server's refusal", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Error("the local commit was not kept")
	}
}

// TestPushCredentials: credentials come from the helper configured in the
// repository's own config (git credential fill runs in the repository), or
// from JOBTUI_GIT_TOKEN; wrong ones name the remote.
func TestPushCredentials(t *testing.T) {
	src := seed(t)
	srv := gitserver.Start(t)
	url, _ := srv.Repo(t, "site", src)
	dir := clone(t, url)
	runGit(t, dir, "checkout", "-q", "-b", "feature")
	writeFile(t, dir, "README.md", "feature\n")
	runGit(t, dir, "commit", "-q", "-am", "feature")
	r := openRepo(t, dir)
	// The repository's helper answers: the push goes through.
	res, err := r.PushNewBranch(context.Background(), "origin", "feature")
	if err != nil {
		t.Fatal(err)
	}
	if u := ServerPullRequestURL(res.Server); !strings.HasSuffix(u, "/site/pull/new/feature") {
		t.Errorf("server lines %q give URL %q", res.Server, u)
	}
	// A wrong token in front of the helper is refused, naming the remote.
	runGit(t, dir, "commit", "-q", "--allow-empty", "-m", "more")
	t.Setenv("JOBTUI_GIT_TOKEN", "wrong")
	_, err = r.Push(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindPushAuth || e.Detail != "origin" {
		t.Fatalf("err = %v, want an authentication refusal naming origin", err)
	}
	t.Setenv("JOBTUI_GIT_TOKEN", gitserver.Password)
	if _, err := r.Push(context.Background()); err != nil {
		t.Fatalf("with the right token: %v", err)
	}
}

// TestServerWords: a refusal's words are the server's lines as git printed
// them ("remote: " kept), without git's own lines and the server's blank
// lines at the end.
func TestServerWords(t *testing.T) {
	for stderr, want := range map[string]string{
		"":                                  "",
		"error: failed to push some refs\n": "",
		"remote: error: GH006: Protected branch update failed for refs/heads/main.   \nremote: \nremote:\nTo http://x/site\n ! [remote rejected] main -> main (pre-receive hook declined)\nhint: Updates were rejected\n": "remote: error: GH006: Protected branch update failed for refs/heads/main.",
		"remote: one\nremote:\nremote:   indented\r\nremote: two\rremote: \n": "remote: one\nremote:\nremote:   indented\nremote: two",
		"Enumerating objects: 5\rremote: Resolving deltas: 100% (1/1)\n":      "remote: Resolving deltas: 100% (1/1)",
	} {
		if got := serverWords(stderr); got != want {
			t.Errorf("serverWords(%q) = %q, want %q", stderr, got, want)
		}
	}
}

// TestUnreachableAndRefusedProposal: a remote that cannot be reached is
// not "the server refused" (user test, item 8: the app then offered to
// propose, which cannot reach it either); a proposal's branch the server
// refuses is said as such, not as a push to propose instead (item 14).
func TestUnreachableAndRefusedProposal(t *testing.T) {
	dir := seed(t)
	runGit(t, dir, "remote", "add", "origin", "http://127.0.0.1:9/x.git")
	r := openRepo(t, dir)
	_, err := r.Push(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindUnreachable || e.Detail != "origin" {
		t.Errorf("push to an address nothing answers: %v, want KindUnreachable", err)
	}
	if err := r.Fetch(context.Background(), "origin", nil); !errors.As(err, &e) || e.Kind != KindUnreachable {
		t.Errorf("fetch from it: %v, want KindUnreachable", err)
	}

	bare := t.TempDir()
	runGit(t, bare, "init", "-q", "--bare")
	hookFile(t, bare, "pre-receive", "echo 'pushes are frozen today' >&2\nexit 1")
	runGit(t, dir, "remote", "set-url", "origin", bare)
	runGit(t, dir, "branch", "postings/archive-x")
	_, err = r.PushNewBranch(context.Background(), "origin", "postings/archive-x")
	if !errors.As(err, &e) || e.Kind != KindProposalRefused || !strings.Contains(e.Output, "pushes are frozen today") {
		t.Errorf("a proposal's branch refused: %v, want KindProposalRefused with the server's words", err)
	}
}

// hookFile writes an executable hook of the repository at gitDir.
func hookFile(t *testing.T, gitDir, name, body string) {
	t.Helper()
	p := filepath.Join(gitDir, "hooks", name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}
