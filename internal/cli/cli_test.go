package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

func corpus(t *testing.T) string {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real corpus not found at %s (it lives in ../shared beside the checkout)", dir)
	}
	return dir
}

func TestCheckJSONOnTheCorpus(t *testing.T) {
	dir := corpus(t)
	out, _, code := runCLI(t, "check", "--json", "--repo", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (the corpus has errors)", code)
	}
	var rep struct {
		Root      string   `json:"root"`
		Section   string   `json:"section"`
		Languages []string `json:"languages"`
		Postings  int      `json:"postings"`
		Groups    int      `json:"groups"`
		Problems  []struct {
			Code, Severity, Key, Lang, Message string
			Paths                              []string
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Root != dir || rep.Section != "careers/positions" || strings.Join(rep.Languages, ",") != "en,fr" || rep.Postings != 248 || rep.Groups != 96 {
		t.Errorf("report header: %+v", rep)
	}
	if len(rep.Problems) != 98 {
		t.Errorf("%d problems, want 98 (64 errors, 34 warnings)", len(rep.Problems))
	}
}

func TestCheckTextInFrench(t *testing.T) {
	dir := corpus(t)
	out, _, code := runCLI(t, "check", "--repo", dir, "--lang", "fr")
	if code != 1 || !strings.Contains(out, "aucune traduction en anglais") || !strings.Contains(out, "248 offres, 96 groupes : 64 erreurs, 34 avertissements") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestListJSON(t *testing.T) {
	dir := corpus(t)
	out, _, code := runCLI(t, "list", "--json", "--repo", dir)
	var rows []struct {
		Key string `json:"key"`
		EN  []struct {
			Path, Title string
			Archived    bool
			LeverID     string `json:"leverId"`
		} `json:"en"`
		FR       []struct{ Path, Title string } `json:"fr"`
		Problems []string                       `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	if len(rows) != 96 {
		t.Errorf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.Key == "administrative-officer" && (len(r.EN) != 3 || len(r.FR) != 2 || !strings.Contains(strings.Join(r.Problems, ","), "duplicate-key")) {
			t.Errorf("administrative-officer row: %+v", r)
		}
	}
}

func TestExitCodes(t *testing.T) {
	if _, errOut, code := runCLI(t, "check", "--repo", t.TempDir()); code != 2 || !strings.Contains(errOut, "no Hugo site") {
		t.Errorf("no site: %d %q", code, errOut)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "hugo.toml"), []byte("languages = [\n"), 0o644)
	if _, errOut, code := runCLI(t, "check", "--repo", bad); code != 2 || !strings.Contains(errOut, "hugo.toml") {
		t.Errorf("bad config: %d %q", code, errOut)
	}
	// The app checks --publish before it opens (it said nothing until an
	// action); here without a terminal, where the list is printed.
	site := filepath.Join(t.TempDir(), "site")
	if _, errOut, code := runCLI(t, "demo", site); code != 0 {
		t.Fatalf("demo: %d %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "--publish", "sometimes", "--repo", site); code != 2 || !strings.Contains(errOut, "sometimes") || !strings.Contains(errOut, "pull-request") {
		t.Errorf("bad --publish: %d %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "check", "--lang", "de"); code != 2 || !strings.Contains(errOut, "unknown interface language") {
		t.Errorf("bad lang: %d %q", code, errOut)
	}
	// A site with warnings only exits 0.
	ok := t.TempDir()
	os.WriteFile(filepath.Join(ok, "hugo.yaml"), []byte("languages:\n  en: {}\n  fr: {}\n"), 0o644)
	for _, l := range []string{"en", "fr"} {
		p := filepath.Join(ok, "content", l, "careers", "positions", "x.md")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("---\ntitle: X\ndescription: d\narchived: false\n---\n"), 0o644)
	}
	// Without a contentDir per language, Hugo reads content/en/careers as
	// an English section "en/careers": the section is not there, and
	// saying so beats "No problems.".
	if _, errOut, code := runCLI(t, "check", "--repo", ok); code != 2 || !strings.Contains(errOut, "try --section en/careers/positions") {
		t.Errorf("no section: %d\n%s", code, errOut)
	}
	os.WriteFile(filepath.Join(ok, "hugo.yaml"), []byte("languages:\n  en: {contentDir: content/en}\n  fr: {contentDir: content/fr}\n"), 0o644)
	if out, _, code := runCLI(t, "check", "--repo", ok); code != 0 || !strings.Contains(out, "missing-key") {
		t.Errorf("warnings only: %d\n%s", code, out)
	}
}

func TestDemoArchiveCommandLine(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	if _, errOut, code := runCLI(t, "demo", dir); code != 2 || !strings.Contains(errOut, "not empty") {
		t.Errorf("second demo: %d %s", code, errOut)
	}
	t.Setenv("GIT_AUTHOR_NAME", "T")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "T")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")
	out, errOut, code := runCLI(t, "archive", "ux-designer", "--repo", dir)
	if code != 0 || !strings.Contains(out, "Archive posting ux-designer: UX Designer / Designer UX") {
		t.Fatalf("archive: %d %s %s", code, out, errOut)
	}
	if out, _, code := runCLI(t, "archive", "ux-designer", "--repo", dir); code != 0 || !strings.Contains(out, "already archived") {
		t.Errorf("again: %d %s", code, out)
	}
	if _, errOut, code := runCLI(t, "archive", "ux-desiner", "--repo", dir); code != 1 || !strings.Contains(errOut, "did you mean: ux-designer") {
		t.Errorf("typo: %d %s", code, errOut)
	}
	cmd := exec.Command("git", "status", "--porcelain")
	cmd.Dir = dir
	if st, _ := cmd.Output(); len(st) != 0 {
		t.Errorf("status: %s", st)
	}
	// The stale translation of the demo's history shows in check.
	out, _, _ = runCLI(t, "check", "--repo", dir)
	if !strings.Contains(out, "stale-translation") || !strings.Contains(out, "English changed 3 lines since the French was last updated on 2026-09-14") {
		t.Errorf("no stale translation:\n%s", out)
	}
}

// check --json: a stale translation says since which commit (as git log
// says) and how its source changed since (as git diff says).
func TestCheckJSONStaleSinceAndDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	gitOut := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	en := "content/en/careers/positions/product-manager.md"
	fr := "content/fr/careers/positions/gestionnaire-de-produit.md"
	// An uncommitted edit of the source is in the diff.
	data, _ := os.ReadFile(filepath.Join(dir, en))
	os.WriteFile(filepath.Join(dir, en), append(data, "\nOne more line.\n"...), 0o644)
	out, _, _ := runCLI(t, "check", "--json", "--repo", dir)
	var rep struct {
		Problems []struct {
			Code, Key, Lang, Message string
			Since                    *struct{ Hash, Date string }
			SourceDiff               *string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range rep.Problems {
		if p.Code != "stale-translation" {
			if p.Since != nil || p.SourceDiff != nil {
				t.Errorf("%s has since or sourceDiff", p.Code)
			}
			continue
		}
		n++
		since := strings.TrimSpace(gitOut("log", "-1", "--format=%H", "--", fr))
		if p.Key != "product-manager" || p.Lang != "fr" || p.Since == nil || p.Since.Hash != since || p.Since.Date != "2026-09-14T10:00:00Z" {
			t.Errorf("stale problem: %+v", p)
		}
		if want := gitOut("diff", since, "--", en); p.SourceDiff == nil || *p.SourceDiff != want || !strings.Contains(want, "+One more line.") {
			t.Errorf("sourceDiff differs from git diff:\n%v\n%s", p.SourceDiff, want)
		}
		if p.Message != "English changed 5 lines since the French was last updated on 2026-09-14" {
			t.Errorf("message %q", p.Message)
		}
	}
	if n != 1 {
		t.Errorf("%d stale problems, want 1", n)
	}
}

// review: the list, one pair's changes, then marked reviewed, which a
// fresh clone sees; refusals change nothing.
func TestReviewCommandLine(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	t.Setenv("GIT_AUTHOR_NAME", "T")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "T")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")
	gitOut := func(dir string, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	out, _, code := runCLI(t, "review", "--repo", dir)
	if code != 0 || !strings.Contains(out, "product-manager") || !strings.Contains(out, "English, 3 lines") || !strings.Contains(out, "WAITING") {
		t.Fatalf("list: %d\n%s", code, out)
	}
	if out, _, _ := runCLI(t, "review", "--repo", dir, "--lang", "fr"); !strings.Contains(out, "anglais, 3 lignes") || !strings.Contains(out, "français") {
		t.Errorf("list in French:\n%s", out)
	}
	out, _, code = runCLI(t, "review", "product-manager", "--repo", dir)
	since := strings.TrimSpace(gitOut(dir, "log", "-1", "--format=%H", "--", "content/fr/careers/positions/gestionnaire-de-produit.md"))
	if code != 0 || !strings.Contains(out, "English changed 3 lines since the French was last updated on 2026-09-14 (commit "+since[:7]+")") ||
		!strings.Contains(out, gitOut(dir, "diff", since, "--", "content/en/careers/positions/product-manager.md")) {
		t.Errorf("one pair: %d\n%s", code, out)
	}
	head := gitOut(dir, "rev-parse", "HEAD")
	if _, errOut, code := runCLI(t, "review", "--mark", "product-manger", "--repo", dir); code != 1 || !strings.Contains(errOut, "did you mean: product-manager") {
		t.Errorf("typo: %d %s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "review", "--mark", "ux-designer", "--repo", dir); code != 1 || !strings.Contains(errOut, "not behind its source") {
		t.Errorf("not stale: %d %s", code, errOut)
	}
	if gitOut(dir, "rev-parse", "HEAD") != head {
		t.Fatal("a refused mark moved HEAD")
	}
	out, errOut, code := runCLI(t, "review", "--mark", "product-manager", "--repo", dir)
	if code != 0 || !strings.Contains(out, "Translation reviewed: product-manager (fr)") {
		t.Fatalf("mark: %d %s %s", code, out, errOut)
	}
	if msg := gitOut(dir, "log", "-1", "--format=%B"); msg != "Translation reviewed: product-manager (fr)\n\nTranslation-Reviewed: product-manager\n\n" {
		t.Errorf("commit message %q", msg)
	}
	if files := gitOut(dir, "show", "--format=", "--name-only", "HEAD"); files != "" {
		t.Errorf("the mark commit changed files: %q", files)
	}
	if out, _, _ := runCLI(t, "review", "--repo", dir); !strings.Contains(out, "No translation to review.") {
		t.Errorf("after the mark:\n%s", out)
	}
	if _, errOut, code := runCLI(t, "review", "--mark", "product-manager", "--repo", dir); code != 1 || !strings.Contains(errOut, "not behind") {
		t.Errorf("marked twice: %d %s", code, errOut)
	}
	// A fresh clone: no stale translation.
	clone := filepath.Join(t.TempDir(), "clone")
	gitOut(dir, "clone", "-q", dir, clone)
	if out, _, _ := runCLI(t, "check", "--repo", clone); strings.Contains(out, "stale-translation") {
		t.Errorf("the fresh clone still warns:\n%s", out)
	}
}

// When the history cannot be read (here HEAD's commit object is gone),
// check says, in the user's language, that the stale translations were
// not checked, and still prints the other problems with their exit code.
func TestCheckSaysWhenTheHistoryCannotBeRead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	out, errOut, code := runCLI(t, "check", "--repo", dir)
	if !strings.Contains(out, "stale-translation") || errOut != "" {
		t.Fatalf("before: the demo's stale translation is not found (%q, %q)", out, errOut)
	}
	head, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	h := strings.TrimSpace(string(head))
	if err := os.Remove(filepath.Join(dir, ".git", "objects", h[:2], h[2:])); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, ".git", "jobtui"))
	out, errOut, code2 := runCLI(t, "check", "--repo", dir, "--lang", "fr")
	if !strings.Contains(errOut, "traductions en retard non vérifiées") {
		t.Errorf("no word of the history: stderr %q", errOut)
	}
	if code2 != code || !strings.Contains(out, "clé-en-double") || strings.Contains(out, "traduction-en-retard") {
		t.Errorf("exit %d (want %d), the other problems must stand:\n%s", code2, code, out)
	}
	out, errOut, code = runCLI(t, "list", "--repo", dir, "--lang", "en")
	if code != 0 || !strings.Contains(out, "Data Analyst") || !strings.Contains(errOut, "stale translations not checked") {
		t.Errorf("list: exit %d, stderr %q:\n%s", code, errOut, out)
	}
}

// TestListCountsEveryRow: the demo's list shows 12 groups and the French
// posting whose front matter cannot be read, on a row of its own; the
// last line counts it too, in both languages, so that the count matches
// the rows.
func TestListCountsEveryRow(t *testing.T) {
	site := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", site); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	for lang, want := range map[string]string{"en": "12 groups, 1 unreadable posting\n", "fr": "12 groupes, 1 offre illisible\n"} {
		out, errOut, code := runCLI(t, "list", "--repo", site, "--lang", lang)
		if code != 0 || !strings.HasSuffix(out, want) {
			t.Errorf("list --lang %s exits %d, ends %q, want %q\n%s", lang, code, out[max(0, len(out)-60):], want, errOut)
		}
	}
}

// writeCounter counts the writes made to it (each a system call on a
// terminal, a pipe or a file).
type writeCounter struct {
	bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// The reports of check and list are written at once, not a line or a cell
// at a time (400 and 9,500 writes on the corpus), and the same.
func TestReportsAreWrittenAtOnce(t *testing.T) {
	dir := corpus(t)
	for _, args := range [][]string{{"check"}, {"list"}, {"check", "--json"}, {"list", "--json"}} {
		args = append(args, "--repo", dir)
		want, _, wantCode := runCLI(t, args...)
		var out writeCounter
		code := run(args, strings.NewReader(""), &out, &bytes.Buffer{})
		if most := len(want)/(64<<10) + 1; out.writes > most || out.String() != want || code != wantCode {
			t.Errorf("%v: %d writes (at most %d), exit %d (want %d), same output: %v", args, out.writes, most, code, wantCode, out.String() == want)
		}
	}
}
