package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
)

// TestPushQuestionNamesWhereThePushGoes: a pull (or proposal) of a branch
// the remote does not have offers to push it, naming the remote the push
// goes to (pull and proposeLocal ask pushesTo): with remote.pushDefault a
// fork, the fork, not the team's remote the pull came from; where git
// would not push (push.default nothing), the team's remote; no refusal,
// no question.
func TestPushQuestionNamesWhereThePushGoes(t *testing.T) {
	gitIdentity(t)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("HOME", t.TempDir())
	base := t.TempDir()
	dir := filepath.Join(base, "clone")
	gitOut(t, base, "init", "-q", "--bare", "org.git")
	gitOut(t, base, "init", "-q", "--bare", "fork.git")
	gitOut(t, base, "init", "-q", "-b", "jobs", dir)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("site\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, dir, "add", "README.md")
	gitOut(t, dir, "commit", "-q", "-m", "site")
	gitOut(t, dir, "remote", "add", "origin", "../org.git")
	gitOut(t, dir, "remote", "add", "fork", "../fork.git")
	gitOut(t, dir, "config", "remote.pushDefault", "fork")
	repo, err := gitops.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tr := i18n.For(i18n.EN)
	push := func() tea.Cmd { return nil }
	ctx := context.Background()
	notThere := errors.Join(errors.New("pull"), &gitops.Error{Kind: gitops.KindNoUpstream, Detail: "jobs"})
	ask := gitQuestion(tr, notThere, pushesTo(ctx, repo, notThere, "origin"), offers{push: push})
	if want := i18n.F(tr.Publish.AskPushFirst, "branch", "jobs", "remote", "fork"); ask == nil || ask.question != want {
		t.Fatalf("asked %v, want %q", ask, want)
	}
	gitOut(t, dir, "config", "push.default", "nothing")
	if got := pushesTo(ctx, repo, notThere, "origin"); got != "origin" {
		t.Errorf("where git would not push: %q, want the team's remote", got)
	}
	if got := pushesTo(ctx, repo, nil, "origin"); got != "origin" {
		t.Errorf("without a refusal: %q", got)
	}
}
