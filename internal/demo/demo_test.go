package demo

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the demo's history cannot be checked")
	}
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func TestWriteMakesACleanRepository(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	log := gitOut(t, dir, "log", "--format=%an <%ae>|%s")
	lines := strings.Split(strings.TrimSpace(log), "\n")
	if len(lines) < 2 {
		t.Fatalf("history: %q", log)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "jobtui demo <demo@jobtui.invalid>|") {
			t.Errorf("commit by %q", l)
		}
	}
	if st := gitOut(t, dir, "status", "--porcelain"); st != "" {
		t.Errorf("working tree not clean:\n%s", st)
	}
	gitOut(t, dir, "fsck", "--strict")
	// The later commit changes the English side of the stale pair only.
	changed := strings.TrimSpace(gitOut(t, dir, "show", "--name-only", "--format=", "HEAD"))
	if changed != "content/en/careers/positions/product-manager.md" {
		t.Errorf("second commit changed %q", changed)
	}
	// Typographic apostrophes are back in the file names.
	if _, err := os.Stat(filepath.Join(dir, "content", "fr", "careers", "positions", "chef-d’équipe-produit.md")); err != nil {
		t.Error(err)
	}
	if branch := strings.TrimSpace(gitOut(t, dir, "branch", "--show-current")); branch != "main" {
		t.Errorf("branch %q", branch)
	}
}

func TestWriteRefusesANonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644)
	if err := Write(dir); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("wrote into a non-empty folder: %d entries", len(entries))
	}
}

// The demo shows every check, each on the posting written for it, and the
// other postings are clean.
func TestDemoShowsEveryCheck(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := model.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range cat.Problems {
		got = append(got, p.Code+" "+p.Key+" "+p.Lang)
	}
	sort.Strings(got)
	want := []string{
		"archived-mismatch policy-advisor ",
		"duplicate-key product-team-lead fr",
		"invalid-front-matter  fr",
		"invalid-leverid accessibility-specialist en",
		"missing-field accessibility-specialist en",
		"missing-key  en",
		"missing-key  fr",
		"missing-translation recruitment-coordinator fr",
		"missing-translation security-analyst fr",
		"structure-mismatch service-designer ",
		"wrong-language delivery-manager fr",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	clean := 0
	for _, g := range cat.Groups {
		if len(cat.GroupProblems(g)) == 0 {
			clean++
		}
	}
	if clean < 4 {
		t.Errorf("%d clean groups, want at least 4", clean)
	}
	if len(cat.Postings) != 24 || len(cat.Groups) != 12 {
		t.Errorf("%d postings, %d groups", len(cat.Postings), len(cat.Groups))
	}
}
