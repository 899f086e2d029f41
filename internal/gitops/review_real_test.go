package gitops

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

// The real site's history: a clone (or the mirror) of the public repository
// cds-snc/digital-canada-ca, 5,000 commits, whose careers postings live under
// content/{en,fr}/careers/positions. JOBTUI_DCC_REPO names it; by default
// the mirror that `fetch github:cds-snc/digital-canada-ca` brings.
const defaultDCCRepo = "/work/.mirror/cds-snc+digital-canada-ca/repo"

func dccSource(tb testing.TB) string {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	src := os.Getenv("JOBTUI_DCC_REPO")
	if src == "" {
		src = defaultDCCRepo
	}
	if _, err := os.Stat(src); err != nil {
		tb.Skipf("the real site's history is absent: set JOBTUI_DCC_REPO to a clone of cds-snc/digital-canada-ca (%s: %v)", src, err)
	}
	return src
}

// dccRevs are the points of the real history the tests look at: the
// branch's head and dates when the careers section held many postings.
var dccRevs = []string{"HEAD", "2022-03-01", "2022-05-01", "2022-06-01", "2022-08-01", "2022-10-01", "2022-12-01", "2023-01-01", "2023-03-01", "2023-05-01", "2023-06-17"}

var dccClones sync.Map // "rev" -> dir, built once per process

// dccCheckout is a local clone of the real history with HEAD detached at
// rev (a date: the last commit before it) and the site's config and
// careers folders checked out: the rest of the work tree is left out (the
// mirror lacks a few large images, which a full checkout would trip on).
func dccCheckout(tb testing.TB, rev string) string {
	tb.Helper()
	src := dccSource(tb)
	if d, ok := dccClones.Load(rev); ok {
		return d.(string)
	}
	dir := filepath.Join(os.TempDir(), "jobtui-dcc-"+strings.ReplaceAll(rev, "-", ""))
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		out, err := cmd.Output()
		if err != nil {
			tb.Fatalf("git %v: %v %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	os.RemoveAll(dir)
	if out, err := exec.Command("git", "clone", "-q", "--no-checkout", src, dir).CombinedOutput(); err != nil {
		tb.Fatalf("clone %s: %v %s", src, err, out)
	}
	commit := git("rev-parse", "HEAD")
	if rev != "HEAD" {
		commit = git("rev-list", "-1", "--before="+rev, "HEAD")
	}
	git("update-ref", "--no-deref", "HEAD", commit)
	git("checkout", commit, "--", "config", "content/en/careers", "content/fr/careers")
	dccClones.Store(rev, dir)
	return dir
}

func dccCatalog(tb testing.TB, dir string) *model.Catalog {
	tb.Helper()
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	cat, err := model.Load(site)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

func gitOut(tb testing.TB, dir string, args ...string) string {
	tb.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		tb.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

// On the real history, at several points: for every stale pair, since is
// `git log -1 --format=%H -- TRANSLATION` and sourceDiff is
// `git diff SINCE -- SOURCE`, also after an uncommitted edit of the source.
func TestStalePairsRealHistory(t *testing.T) {
	dccSource(t)
	seen := 0
	for _, rev := range dccRevs {
		dir := dccCheckout(t, rev)
		r := openRepo(t, dir)
		cat := dccCatalog(t, dir)
		pairs, err := StalePairs(r, cat)
		if err != nil {
			t.Fatal(err)
		}
		if err := LoadDiffs(context.Background(), r, pairs); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d postings, %d stale pairs", rev, len(cat.Postings), len(pairs))
		for _, p := range pairs {
			seen++
			want := strings.TrimSpace(gitOut(t, dir, "log", "-1", "--format=%H", "--", p.TranslationPath))
			if p.Since.Hash.String() != want || p.Reviewed {
				t.Errorf("%s %s: since %s, git log says %s", rev, p.Key, p.Since.Hash, want)
			}
			if d := gitOut(t, dir, "diff", want, "--", p.SourcePath); p.SourceDiff != d || d == "" {
				t.Errorf("%s %s: sourceDiff differs from git diff:\n%s\ngit:\n%s", rev, p.Key, p.SourceDiff, d)
			}
			if p.ChangedLines == 0 {
				t.Errorf("%s %s: no changed lines in %q", rev, p.Key, p.SourceDiff)
			}
		}
		// An uncommitted edit of a source shows in its diff.
		if len(pairs) > 0 {
			p := pairs[0]
			abs := filepath.Join(dir, p.SourcePath)
			old, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(abs, append(append([]byte{}, old...), "\nA line not yet committed.\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			p.DiffLoaded = false
			err = LoadDiffs(context.Background(), r, pairs[:1])
			want := gitOut(t, dir, "diff", p.Since.Hash.String(), "--", p.SourcePath)
			os.WriteFile(abs, old, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.SourceDiff, "+A line not yet committed.") || p.SourceDiff != want {
				t.Errorf("the uncommitted edit is not in the diff:\n%s\ngit:\n%s", p.SourceDiff, want)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no stale pair anywhere in the real history: the test checked nothing")
	}
}

// BenchmarkStalePairsRealWarm: the stale pairs of the real history at
// 2023-03-01 (248 postings, 4,500 commits), caches warm.
func BenchmarkStalePairsRealWarm(b *testing.B) {
	dir := dccCheckout(b, "2023-03-01")
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	cat := dccCatalog(b, dir)
	if _, err := StalePairs(r, cat); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := StalePairs(r, cat); err != nil {
			b.Fatal(err)
		}
	}
}
