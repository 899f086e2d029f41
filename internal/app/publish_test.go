package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/gitserver"
	"github.com/jobtui/jobtui/internal/model"
)

// corpusRepo is a git repository holding a copy of the real corpus (made in
// a temporary folder, never in the project).
func corpusRepo(t testing.TB) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	if err == nil {
		_, err = os.Stat(src)
	}
	if err != nil {
		t.Skipf("real corpus not found at %s (it lives in ../shared beside the checkout): %v", src, err)
	}
	dir := gitRepo(t)
	if out, err := exec.Command("cp", "-R", src+"/.", dir).CombinedOutput(); err != nil {
		t.Fatalf("copy the corpus: %v\n%s", err, out)
	}
	// The corpus is read-only beside the checkout; a clone's files are
	// not (jobtui refuses to write a read-only file).
	if out, err := exec.Command("chmod", "-R", "u+w", dir).CombinedOutput(); err != nil {
		t.Fatalf("make the copy writable: %v\n%s", err, out)
	}
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "corpus")
	return dir
}

// servedClone serves the repository src and returns a clone of it whose
// own config holds the credential helper.
func servedClone(t *testing.T, src string) (dir, bare string) {
	t.Helper()
	srv := gitserver.Start(t)
	url, bare := srv.Repo(t, "careers", src)
	dir = t.TempDir()
	runGit(t, dir, "-c", "credential.helper="+`!f() { test "$1" = get && echo username=u && echo password=`+gitserver.Password+`; }; f`, "clone", "-q", url, ".")
	gitserver.CredentialHelper(t, dir)
	return dir, bare
}

// archivedPairs are the keys of corpus groups with one file per language,
// all archived.
func archivedPairs(t *testing.T, cat *model.Catalog) []string {
	var keys []string
	for _, g := range cat.Groups {
		ps := g.Postings(cat.Site.Langs)
		if g.Key == "" || len(ps) != 2 || ps[0].Lang == ps[1].Lang || !ps[0].Archived || !ps[1].Archived {
			continue
		}
		keys = append(keys, g.Key)
	}
	if len(keys) < 2 {
		t.Fatalf("the corpus has %d archived pairs, want 2", len(keys))
	}
	return keys
}

// TestPullRequestFlowOnTheCorpus is issue 9's flow against a real git
// server holding the corpus: a proposal leaves the checkout untouched and
// makes one branch whose diff is the two archived lines; a direct commit's
// push is refused by the protected main, kept, then proposed instead; after
// the server squash-merges the first proposal, pull fast-forwards and the
// posting is no longer in review.
func TestPullRequestFlowOnTheCorpus(t *testing.T) {
	dir, bare := servedClone(t, corpusRepo(t))
	ctx := context.Background()
	r := openRepo(t, dir)
	site := openSite(t, dir)
	keys := archivedPairs(t, loadSite(t, dir))
	pub, err := PublishSettings(ctx, r, "pull-request")
	if err != nil {
		t.Fatal(err)
	}
	if pub.Remote != "origin" || pub.Base != "main" {
		t.Fatalf("publish settings: %+v", pub)
	}
	before := runGit(t, dir, "rev-parse", "HEAD")
	res, prop, err := ArchiveOrPropose(ctx, r, site, pub, []string{keys[0]}, ArchiveOptions{Unarchive: true})
	if err != nil {
		t.Fatal(err)
	}
	if st := runGit(t, dir, "status", "--porcelain"); st != "" || runGit(t, dir, "rev-parse", "HEAD") != before ||
		strings.TrimSpace(runGit(t, dir, "branch", "--show-current")) != "main" {
		t.Errorf("the checkout changed: status %q", st)
	}
	if !strings.HasPrefix(prop.Branch, "postings/unarchive-") || len(res.Changed) != 2 {
		t.Errorf("proposal %+v, changed %d", prop, len(res.Changed))
	}
	if !strings.Contains(prop.URL, "/careers/pull/new/"+prop.Branch) {
		t.Errorf("pull-request URL %q", prop.URL)
	}
	if heads := runGit(t, bare, "for-each-ref", "--format=%(refname)", "refs/heads/"); heads != "refs/heads/main\nrefs/heads/"+prop.Branch+"\n" {
		t.Errorf("server branches:\n%s", heads)
	}
	diff := runGit(t, bare, "diff", "-U0", "main", prop.Branch)
	var changed []string
	for _, l := range strings.Split(diff, "\n") {
		if (strings.HasPrefix(l, "+") || strings.HasPrefix(l, "-")) && !strings.HasPrefix(l, "+++") && !strings.HasPrefix(l, "---") {
			changed = append(changed, l)
		}
	}
	if len(changed) != 4 || !strings.HasPrefix(changed[0], "-archived: true") || !strings.HasPrefix(changed[1], "+archived: false") {
		t.Errorf("the proposal's diff is not the two archived lines:\n%s", diff)
	}
	if n := strings.Count(runGit(t, bare, "diff", "--name-only", "main", prop.Branch), "\n"); n != 2 {
		t.Errorf("the proposal changes %d files", n)
	}
	props, err := Proposals(ctx, r, pub)
	if err != nil || len(props) != 1 || props[0].Merged || len(InReview(props)) != 2 {
		t.Fatalf("in review: %+v %v", props, err)
	}

	// Direct: the commit is made, the push refused by the protected main.
	if _, err := Archive(r, site, []string{keys[1]}, ArchiveOptions{Unarchive: true}); err != nil {
		t.Fatal(err)
	}
	local := runGit(t, dir, "rev-parse", "HEAD")
	_, err = Push(ctx, r)
	var e *gitops.Error
	if !asGitError(err, &e) || e.Kind != gitops.KindPushRefused || !strings.Contains(e.Output, "Protected branch") {
		t.Fatalf("push: %v", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != local {
		t.Fatal("the refused push lost the local commit")
	}
	// ... proposed instead: main goes back to the server's.
	second, err := ProposeLocalCommits(ctx, r, pub)
	if err != nil {
		t.Fatal(err)
	}
	if runGit(t, bare, "rev-parse", second.Branch) != local || runGit(t, dir, "rev-parse", "HEAD") != runGit(t, dir, "rev-parse", "origin/main") {
		t.Error("the local commit is not on the second proposal, or main did not go back")
	}

	// The forge squash-merges the first proposal; pull fast-forwards.
	merged := gitserver.SquashMerge(t, bare, prop.Branch, "Unarchive "+keys[0]+" (#1)")
	pull, mergedProps, err := Pull(ctx, r, pub, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pull.Behind != 1 || strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD")) != strings.TrimSpace(merged) {
		t.Errorf("pull: %+v", pull)
	}
	if len(mergedProps) != 1 || mergedProps[0].Name != prop.Branch {
		t.Errorf("merged proposals: %+v", mergedProps)
	}
	props, _ = Proposals(ctx, r, pub)
	inReview := InReview(props)
	for _, p := range res.Changed {
		rp, _ := r.RepoPath(p.Abs)
		if len(inReview[rp]) != 0 {
			t.Errorf("%s is still in review after the merge", rp)
		}
	}
	if len(inReview) != 2 {
		t.Errorf("the second proposal's files are not in review: %v", inReview)
	}
	if done, err := DeleteMerged(ctx, r, pub); err != nil || len(done) != 1 {
		t.Errorf("delete merged: %v %v", done, err)
	}
	if heads := runGit(t, bare, "for-each-ref", "--format=%(refname)", "refs/heads/"); heads != "refs/heads/main\nrefs/heads/"+second.Branch+"\n" {
		t.Errorf("server branches after cleaning:\n%s", heads)
	}
	runGit(t, dir, "fsck", "--strict")
	runGit(t, bare, "fsck", "--strict")
}

func asGitError(err error, e **gitops.Error) bool {
	ge, ok := err.(*gitops.Error)
	if ok {
		*e = ge
	}
	return ok
}
