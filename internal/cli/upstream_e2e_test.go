package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobtui/jobtui/internal/gitserver"
	"github.com/jobtui/jobtui/internal/i18n"
)

// flat is text with every run of spaces and line breaks made one space,
// and a word broken at a hyphen joined again: a footer message wrapped
// over lines reads as one.
func flat(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "- ", "-")
}

// waitFlat waits until the screen, its lines joined, holds every part.
func (term *terminal) waitFlat(what string, parts ...string) string {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := flat(term.screen())
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(s, flat(p))
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("waiting for %s (%q); the screen is:\n%s", what, parts, term.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// gitCommands are the git command lines a person using the app must never
// be told to run (tester report, items 3 and 4), and git's own advice.
var gitCommands = []string{"git push", "git branch", "--set-upstream", "jobtui propose", "hint:", "Updates were rejected"}

func noGitCommands(t *testing.T, screen string) {
	t.Helper()
	for _, c := range gitCommands {
		if strings.Contains(screen, c) {
			t.Errorf("the app tells the user %q:\n%s", c, screen)
		}
	}
}

// upstreamOf is the branch's upstream as git names it, "" when none.
func upstreamOf(t *testing.T, dir, branch string) string {
	t.Helper()
	cmd := exec.Command("git", "rev-parse", "--abbrev-ref", branch+"@{upstream}")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

var uiSizes = []struct {
	lang string
	w, h int
}{{"en", 80, 24}, {"fr", 60, 20}}

// Tester report, item 3: on a branch the server does not have yet, p
// offers to push it (no git command to run); the push makes the server's
// branch the upstream, as git push -u does, so that a later P and p work:
// a commit is pushed, and someone else's commit is pulled.
func TestFirstPushThenPullInTheApp(t *testing.T) {
	bin := binary(t)
	for _, tc := range uiSizes {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			tr := i18n.For(i18n.Lang(tc.lang))
			home := t.TempDir()
			dir, bare := servedCorpus(t, home)
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			const branch, key = "jobs-update", "2022-aug-sr-app-sec-dev"
			git(dir, "checkout", "-q", "-b", branch)

			term := startTerminalWith(t, bin, home, tc.w, tc.h, "--repo", dir, "--lang", tc.lang)
			term.waitFor("the list", "1 ", branch)
			term.send("p")
			noGitCommands(t, term.waitFlat("the offer to push", i18n.F(tr.Publish.AskPushFirst, "branch", branch, "remote", "origin")))
			term.send(prWords[tc.lang]["yes"])
			term.waitFlat("the push", i18n.F(tr.Actions.Pushed, "branch", branch, "remote", "origin"), branch+" ↑0 ↓0")
			if got := upstreamOf(t, dir, branch); got != "origin/"+branch {
				t.Fatalf("after the first push %s tracks %q, want origin/%s\n%s", branch, got, branch, git(dir, "branch", "-vv"))
			}

			term.selectPosting(key, key)
			term.send("a")
			term.waitFor("the commit", branch+" ↑1 ↓0")
			term.send("P")
			term.waitFlat("the second push", i18n.F(tr.Actions.Pushed, "branch", branch, "remote", "origin"), branch+" ↑0 ↓0")
			if git(bare, "rev-parse", branch) != git(dir, "rev-parse", "HEAD") {
				t.Fatal("the server's branch is not the local one after P")
			}

			other := t.TempDir()
			git(other, "clone", "-q", "-b", branch, bare, ".")
			git(other, "commit", "-q", "--allow-empty", "-m", "a colleague's commit")
			git(other, "push", "-q", "origin", branch)
			term.send("p")
			term.waitFlat("the pull", prWords[tc.lang]["pulled"], branch+" ↑0 ↓0")
			noGitCommands(t, term.screen())
			if git(dir, "rev-parse", "HEAD") != git(bare, "rev-parse", branch) {
				t.Error("p did not bring the colleague's commit")
			}
			git(dir, "fsck", "--strict")
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}

// Tester report, item 4: when the branch and the server's have diverged,
// P's refusal shows none of git's English advice and offers to pull
// first; the pull says they diverged in the app's words and offers to
// propose the local commits (the app's own way, not a command line); yes
// proposes them and brings the branch back to the server's.
func TestDivergedInTheApp(t *testing.T) {
	bin := binary(t)
	for _, tc := range uiSizes {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			tr := i18n.For(i18n.Lang(tc.lang))
			home := t.TempDir()
			dir, bare := servedCorpus(t, home)
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			const key = "2022-aug-sr-app-sec-dev"
			// A colleague's commit reaches the server's main (merged there).
			other := t.TempDir()
			git(other, "clone", "-q", bare, ".")
			git(other, "commit", "-q", "--allow-empty", "-m", "a colleague's commit")
			git(bare, "fetch", "-q", other, "main:main")

			term := startTerminalWith(t, bin, home, tc.w, tc.h, "--repo", dir, "--lang", tc.lang)
			term.waitFor("the list", "1 ", "main ↑0 ↓")
			term.selectPosting(key, key)
			term.send("a")
			term.waitFor("the commit", "main ↑1 ↓")
			local := git(dir, "rev-parse", "HEAD")
			term.send("P")
			noGitCommands(t, term.waitFlat("the offer to pull first", i18n.F(tr.Publish.AskPullFirst, "remote", "origin")))
			term.send(prWords[tc.lang]["yes"])
			ask := term.waitFlat("the offer to propose", i18n.F(tr.Publish.DivergedAsk, "branches", "main / origin/main"), tr.Publish.ProposeInstead)
			noGitCommands(t, ask)
			if git(dir, "rev-parse", "HEAD") != local {
				t.Fatal("the refused pull moved the branch")
			}
			term.send(prWords[tc.lang]["yes"])
			term.waitFlat("the proposal", prWords[tc.lang]["proposed"], "main ↑0 ↓0")
			if git(dir, "rev-parse", "HEAD") != git(bare, "rev-parse", "main") {
				t.Error("the branch is not back at the server's main")
			}
			branches := strings.Fields(git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"))
			if len(branches) != 2 || git(bare, "rev-parse", branches[1]) != local {
				t.Fatalf("server branches: %v, want main and the proposal of %s", branches, local)
			}
			git(dir, "fsck", "--strict")
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}

// Tester report, item 13: a on a posting whose unarchive is already in
// review says so, naming the proposal's branch, and opens no second one.
func TestNoSecondProposalInTheApp(t *testing.T) {
	bin := binary(t)
	for _, tc := range uiSizes {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			tr := i18n.For(i18n.Lang(tc.lang))
			words := prWords[tc.lang]
			home := t.TempDir()
			dir, bare := servedCorpusWith(t, home, map[string]string{".jobtui.yaml": "publish: pull-request\nbase: main\n"})
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			const key = "2023-Jan-AdministrativeOfficer"
			term := startTerminalWith(t, bin, home, tc.w, tc.h, "--repo", dir, "--lang", tc.lang)
			term.waitFor("the list", words["loaded"])
			term.selectPosting(key, key)
			term.send("a")
			term.waitFor("the proposal", words["proposed"])
			term.waitFor("the posting in review", "⇄")
			server := git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/")
			local := git(dir, "for-each-ref")
			branches := strings.Fields(server)
			if len(branches) != 2 {
				t.Fatalf("server branches after one proposal: %v", branches)
			}
			term.send("a")
			term.waitFlat("the refusal", i18n.F(tr.Git.AlreadyProposed, "branch", branches[1]))
			if got := git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"); got != server {
				t.Errorf("a second a made a branch on the server:\n%s", got)
			}
			if got := git(dir, "for-each-ref"); got != local {
				t.Errorf("a second a changed the local refs:\n%s", got)
			}
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}

// Tester report, item 10: in the review view, E says what the editor
// changed, and c in pull-request mode says where the proposal went, as in
// the list (a refresh of the review wiped the status).
func TestReviewViewSaysWhatItDid(t *testing.T) {
	bin := binary(t)
	for _, tc := range uiSizes {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			tr := i18n.For(i18n.Lang(tc.lang))
			site := demoSite(t, bin)
			for _, v := range userEnv(t.TempDir()) {
				k, val, _ := strings.Cut(v, "=")
				t.Setenv(k, val)
			}
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			if err := os.WriteFile(filepath.Join(site, ".jobtui.yaml"), []byte("publish: pull-request\nbase: main\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			git(site, "add", ".jobtui.yaml")
			git(site, "commit", "-q", "-m", "settings")
			bare := filepath.Join(t.TempDir(), "site.git")
			git(site, "clone", "-q", "--bare", ".", bare)
			git(site, "remote", "add", "origin", bare)
			git(site, "fetch", "-q", "origin")
			git(site, "branch", "-q", "-u", "origin/main")
			editor := filepath.Join(t.TempDir(), "editor.sh")
			if err := os.WriteFile(editor, []byte("#!/bin/sh\nprintf '\\nA line added in the editor.\\n' >> \"$1\"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			term := startTerminalEnv(t, bin, site, tc.w, tc.h, []string{"EDITOR=" + editor, "VISUAL="}, "--lang", tc.lang)
			term.waitFor("the list", "main ↑0 ↓0")
			term.send("5")
			term.send("R")
			term.waitFor("the review", "product-manager")
			term.send("E")
			said := map[string]string{"en": "changed in the editor", "fr": "modifié dans l’éditeur"}[tc.lang]
			term.waitFlat("what the editor changed", said)
			changed := strings.TrimSpace(git(site, "status", "--porcelain"))
			if !strings.HasPrefix(changed, "M content/fr/") {
				t.Fatalf("git status after E: %q, want the French file edited", changed)
			}
			term.send("c")
			term.waitFor("the commit form", said)
			term.send("Enter")
			term.send("Enter")
			term.waitFlat("the proposal", strings.SplitN(tr.Publish.Proposed, " {", 2)[0]+" postings/update-")
			branches := strings.Fields(git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"))
			if len(branches) != 2 || !strings.HasPrefix(branches[1], "postings/update-") {
				t.Fatalf("server branches: %v", branches)
			}
			if st := git(site, "status", "--porcelain"); st != "" {
				t.Errorf("the edit did not move to the proposal branch: %q", st)
			}
			term.send("Escape")
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}

// Tester report, item 3, on the command line: jobtui pull on a branch
// without upstream pulls from the remote's branch of the same name (and
// tracks it); on a branch the remote lacks it says to run jobtui push, not
// git; jobtui push makes the remote's branch the upstream, so that pull
// works after it.
func TestPushAndPullWithoutUpstream(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	dir, bare := servedCorpus(t, home)
	git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
	elsewhere := t.TempDir()
	git(dir, "branch", "--unset-upstream", "main")
	other := t.TempDir()
	git(other, "clone", "-q", bare, ".")
	git(other, "commit", "-q", "--allow-empty", "-m", "a colleague's commit")
	git(bare, "fetch", "-q", other, "main:main")

	out, errOut, code := jobtuiIn(t, bin, elsewhere, "pull", "--repo", dir, "--lang", "en")
	if code != 0 || !strings.Contains(out, "main now pulls from origin/main.") || !strings.Contains(out, "fast-forwarded") {
		t.Fatalf("pull of main without upstream: exit %d\n%s%s", code, out, errOut)
	}
	if upstreamOf(t, dir, "main") != "origin/main" || git(dir, "rev-parse", "HEAD") != git(bare, "rev-parse", "main") {
		t.Fatalf("main after the pull:\n%s", git(dir, "branch", "-vv"))
	}

	git(dir, "checkout", "-q", "-b", "jobs-update")
	git(dir, "commit", "-q", "--allow-empty", "-m", "ours")
	for lang, want := range map[string]string{"en": "not on the remote yet", "fr": "pas encore sur le dépôt distant"} {
		out, errOut, code = jobtuiIn(t, bin, elsewhere, "pull", "--repo", dir, "--lang", lang)
		if code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "jobtui push") {
			t.Errorf("pull of a branch the remote lacks (%s): exit %d\n%s%s", lang, code, out, errOut)
		}
		for _, c := range []string{"git push", "--set-upstream", "git branch"} {
			if strings.Contains(errOut, c) {
				t.Errorf("the %s message tells the user %q:\n%s", lang, c, errOut)
			}
		}
	}
	if upstreamOf(t, dir, "jobs-update") != "" {
		t.Fatal("a refused pull set an upstream")
	}
	if out, errOut, code = jobtuiIn(t, bin, elsewhere, "push", "--repo", dir); code != 0 {
		t.Fatalf("push: exit %d\n%s%s", code, out, errOut)
	}
	if got := git(dir, "branch", "-vv", "--list", "jobs-update"); !strings.Contains(got, "[origin/jobs-update]") {
		t.Fatalf("after jobtui push, git branch -vv says:\n%s", got)
	}
	if git(bare, "rev-parse", "jobs-update") != git(dir, "rev-parse", "HEAD") {
		t.Fatal("the server's jobs-update is not the local one")
	}
	if out, errOut, code = jobtuiIn(t, bin, elsewhere, "pull", "--repo", dir, "--lang", "en"); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("pull after the push: exit %d\n%s%s", code, out, errOut)
	}
}

// Tester report, item 10, committing directly from the review view: the
// commit brings the translation up to date, the review closes, and the
// footer still says what the commit did (the "up to date" note replaced
// it).
func TestReviewCommitSaysWhatItDid(t *testing.T) {
	bin := binary(t)
	for _, tc := range uiSizes {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			tr := i18n.For(i18n.Lang(tc.lang))
			site := demoSite(t, bin)
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			editor := filepath.Join(t.TempDir(), "editor.sh")
			if err := os.WriteFile(editor, []byte("#!/bin/sh\nprintf '\\nA line added in the editor.\\n' >> \"$1\"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			before := git(site, "rev-parse", "HEAD")
			term := startTerminalEnv(t, bin, site, tc.w, tc.h, []string{"EDITOR=" + editor, "VISUAL="}, "--lang", tc.lang)
			term.waitFor("the list", "main")
			term.send("5")
			term.send("R")
			term.waitFor("the review", "product-manager")
			term.send("E")
			term.waitFlat("what the editor changed", map[string]string{"en": "changed in the editor", "fr": "modifié dans l’éditeur"}[tc.lang])
			term.send("c")
			term.waitFor("the commit form", "product")
			term.send("Enter")
			term.send("Enter")
			// The list again, with nothing left to review (not its key help:
			// a status said on two lines takes the key help's line until
			// the next key).
			term.waitFor("the list again", tr.Review.NothingToReview)
			deadline := time.Now().Add(10 * time.Second)
			for git(site, "rev-parse", "HEAD") == before && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
			}
			short := strings.TrimSpace(git(site, "rev-parse", "--short", "HEAD"))
			said := strings.SplitN(i18n.F(tr.UI.Committed, "hash", short, "subject", ""), ":", 2)[0]
			term.waitFlat("what the commit did", said)
			if st := git(site, "status", "--porcelain"); st != "" {
				t.Errorf("the work tree is not clean after the commit: %q", st)
			}
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}
