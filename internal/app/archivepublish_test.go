package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// localRemote gives the repository at dir a bare clone of itself as origin,
// the upstream of its main branch.
func localRemote(t *testing.T, dir string) string {
	t.Helper()
	bare := filepath.Join(t.TempDir(), "site.git")
	runGit(t, dir, "clone", "-q", "--bare", ".", bare)
	runGit(t, dir, "remote", "add", "origin", bare)
	runGit(t, dir, "fetch", "-q", "origin")
	runGit(t, dir, "branch", "-q", "-u", "origin/main")
	return bare
}

// In pull-request mode an archive is proposed with the message asked for
// (archive -m), as a direct commit is made with it; a proposal that would
// change nothing is the unchanged result, with no branch made.
func TestArchiveOrProposeInPullRequestMode(t *testing.T) {
	dir := siteRepo(t)
	bare := localRemote(t, dir)
	ctx := context.Background()
	r := openRepo(t, dir)
	site := openSite(t, dir)
	pub, err := PublishFor(ctx, r, "pull-request")
	if err != nil || pub.Remote != "origin" || pub.Base != "main" {
		t.Fatalf("publish: %+v, %v", pub, err)
	}
	before := runGit(t, dir, "rev-parse", "HEAD")
	const message = "Archive the developer posting, as agreed on Monday"
	res, p, err := ArchiveOrPropose(ctx, r, site, pub, []string{"dev"}, ArchiveOptions{Message: message})
	if err != nil || p == nil || res == nil || len(res.Changed) != 2 || res.Commit != nil {
		t.Fatalf("proposal %+v, result %+v, %v", p, res, err)
	}
	if got := strings.TrimSpace(runGit(t, bare, "log", "-1", "--format=%s", p.Branch)); got != message || p.Subject != message {
		t.Errorf("the proposal's commit says %q (proposal %q), want %q", got, p.Subject, message)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != before || runGit(t, dir, "status", "--porcelain") != "" {
		t.Error("proposing changed the checkout")
	}
	heads := runGit(t, bare, "for-each-ref", "--format=%(refname)")
	res, p, err = ArchiveOrPropose(ctx, r, site, pub, []string{"old"}, ArchiveOptions{})
	if err != nil || p != nil || res == nil || !res.Unchanged() || res.Unarchive {
		t.Errorf("archiving what the base has archived: proposal %+v, result %+v, %v", p, res, err)
	}
	if got := runGit(t, bare, "for-each-ref", "--format=%(refname)"); got != heads {
		t.Errorf("a proposal of nothing made a branch:\n%s", got)
	}
}
