package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// realHistory is a clone of the real site's history (the public repository
// cds-snc/digital-canada-ca, 5,000 commits: JOBTUI_DCC_REPO, by default the
// mirror that `fetch github:cds-snc/digital-canada-ca` brings) with HEAD at
// the last commit before rev and the careers folders checked out.
func realHistory(tb testing.TB, rev string) string {
	tb.Helper()
	src := os.Getenv("JOBTUI_DCC_REPO")
	if src == "" {
		src = "/work/.mirror/cds-snc+digital-canada-ca/repo"
	}
	if _, err := os.Stat(src); err != nil {
		tb.Skipf("the real site's history is absent: set JOBTUI_DCC_REPO to a clone of cds-snc/digital-canada-ca (%v)", err)
	}
	dir := filepath.Join(tb.TempDir(), "dcc")
	git := func(args ...string) string {
		out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
		if err != nil {
			tb.Fatalf("git %v: %v %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("git", "clone", "-q", "--no-checkout", src, dir).CombinedOutput(); err != nil {
		tb.Fatalf("clone: %v %s", err, out)
	}
	commit := git("rev-list", "-1", "--before="+rev, "HEAD")
	git("update-ref", "--no-deref", "HEAD", commit)
	git("checkout", commit, "--", "config", "content/en/careers", "content/fr/careers")
	return dir
}

// BenchmarkReviewOfRealWarm: opening the review of a stale pair on the
// real history (2023-03-01: 248 postings, 4,500 commits), the history
// cache warm, as the app does on R (issue 15: under 100 ms).
func BenchmarkReviewOfRealWarm(b *testing.B) {
	dir := realHistory(b, "2023-03-01")
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cat, err := Load(site)
	if err != nil {
		b.Fatal(err)
	}
	r, err := gitops.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	pairs, err := gitops.StalePairs(r, cat)
	if err != nil || len(pairs) == 0 {
		b.Fatalf("no stale pair to review (%v)", err)
	}
	id := pairs[0].Group.ID()
	ctx := context.Background()
	if _, err := ReviewOf(ctx, r, cat, id); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReviewOf(ctx, r, cat, id); err != nil {
			b.Fatal(err)
		}
	}
}
