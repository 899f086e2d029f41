package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// startTerminalWith runs the app with args in a w×h tmux window, in the
// environment of servedCorpus (its HOME and git identity).
func startTerminalWith(t *testing.T, bin, home string, w, h int, args ...string) *terminal {
	t.Helper()
	term := startTmux(t)
	shell := "env " + strings.Join(quoteAll(append(userEnv(home), "BROWSER=true")), " ") + " " + bin + " " +
		strings.Join(quoteAll(args), " ") + "; echo EXIT=$?; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	return term
}

// startTmux is a tmux server of the test's own, killed at its end.
func startTmux(t *testing.T) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end tests need it (.ci/run installs it)")
	}
	term := &terminal{t: t, socket: fmt.Sprintf("jobtui-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))}
	t.Cleanup(func() { term.tmux("kill-server") })
	return term
}

// words of the app in each language, as the tests wait for them.
var prWords = map[string]map[string]string{
	"en": {"proposed": "Proposed on", "inReview": "unarchive in review", "pulled": "fast-forwarded",
		"merged": "1 proposal was merged", "yes": "y", "cleaned": "Deleted the merged branch: ", "loaded": "1 All", "filter": "Filter: "},
	"fr": {"proposed": "Proposé sur", "inReview": "désarchivage en révision", "pulled": "avancée",
		"merged": "1 proposition a été fusionnée", "yes": "o", "cleaned": "Branche fusionnée supprimée", "loaded": "1 Toutes", "filter": "Filtre : "},
}

// TestPullRequestsInTheApp is issue 9's flow in the app, as a user runs
// it: a proposal from the list, the posting marked in review, the
// proposal's diff, the squash-merge on the server, p to pull, the merged
// branch deleted; in English at 120x32 and in French at 80x24.
func TestPullRequestsInTheApp(t *testing.T) {
	bin := binary(t)
	for _, tc := range []struct {
		lang string
		w, h int
	}{{"en", 120, 32}, {"fr", 80, 24}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			words := prWords[tc.lang]
			home := t.TempDir()
			dir, bare := servedCorpusWith(t, home, map[string]string{".jobtui.yaml": "publish: pull-request\nbase: main\n"})
			git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
			const key = "2023-Jan-AdministrativeOfficer"
			head := git(dir, "rev-parse", "HEAD")

			term := startTerminalWith(t, bin, home, tc.w, tc.h, "--repo", dir, "--lang", tc.lang)
			term.waitFor("the list and the branch", words["loaded"], "main ↑0 ↓0")
			term.selectPosting(key, words["filter"]+key)
			term.send("a")
			term.waitFor("the proposal", words["proposed"], "postings/unarchive-")
			if st := git(dir, "status", "--porcelain"); st != "" || git(dir, "rev-parse", "HEAD") != head {
				t.Fatalf("the checkout changed: %q", st)
			}
			branches := strings.Fields(git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"))
			if len(branches) != 2 || !strings.HasPrefix(branches[1], "postings/unarchive-") {
				t.Fatalf("server branches: %v", branches)
			}
			prop := branches[1]
			if names := git(bare, "diff", "--name-only", "main", prop); strings.Count(names, "\n") != 2 {
				t.Errorf("the proposal changes:\n%s", names)
			}
			term.waitFor("the posting in review", "⇄ "+words["inReview"][:12])
			// o opens the pull request ($BROWSER=true here); d shows the
			// proposal against the base.
			term.send("d")
			term.waitFor("the proposal's diff", "administrative-officer", "archived: ")
			term.send("Escape")

			gitserver.SquashMerge(t, bare, prop, "Unarchive "+key+" (#4999)")
			term.send("p")
			term.waitFor("the pull and the merged proposal", words["merged"])
			term.send(words["yes"])
			term.waitFor("the branch deleted", words["cleaned"])
			if s := term.screen(); strings.Contains(s, "⇄") {
				t.Errorf("still marked in review after the merge:\n%s", s)
			}
			if git(dir, "rev-parse", "HEAD") != git(bare, "rev-parse", "main") {
				t.Error("p did not bring the local main to the server's")
			}
			if n := len(strings.Fields(git(bare, "for-each-ref", "--format=%(refname)", "refs/heads/"))); n != 1 {
				t.Errorf("server branches after deleting the merged one: %d", n)
			}
			if st := git(dir, "status", "--porcelain"); st != "" {
				t.Errorf("the work tree is not clean: %q", st)
			}
			git(dir, "fsck", "--strict")
			git(bare, "fsck", "--strict")
			term.send("q")
			term.waitFor("the exit", "EXIT=0")
		})
	}
}

// TestRefusedPushInTheApp: in direct mode, P is refused by the protected
// main; the server's reason shows whole, the commit is kept, and yes to the
// offer proposes it instead; W withdraws that proposal. At 60x20.
func TestRefusedPushInTheApp(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	dir, bare := servedCorpus(t, home)
	git := func(in string, args ...string) string { t.Helper(); return gitserver.Git(t, in, args...) }
	const key = "2022-aug-sr-app-sec-dev"
	term := startTerminalWith(t, bin, home, 60, 20, "--repo", dir)
	term.waitFor("the list", "1 All", "main ↑0 ↓0")
	term.selectPosting(key, "Filter: "+key)
	term.send("a")
	term.waitFor("the commit", "main ↑1 ↓0")
	local := git(dir, "rev-parse", "HEAD")
	term.send("P")
	noGitCommands(t, term.waitFor("the refusal and the offer", "Protected branch update failed", "Propose your commits"))
	if git(dir, "rev-parse", "HEAD") != local {
		t.Fatal("the refused push lost the local commit")
	}
	term.send("y")
	term.waitFor("the proposal", "Proposed on", "main ↑0 ↓0")
	if git(dir, "rev-parse", "HEAD") != git(dir, "rev-parse", "origin/main") {
		t.Error("the branch is not back at its upstream")
	}
	branches := strings.Fields(git(bare, "for-each-ref", "--format=%(refname:short)", "refs/heads/"))
	if len(branches) != 2 || git(bare, "rev-parse", branches[1]) != local {
		t.Fatalf("server branches: %v", branches)
	}
	term.waitFor("the posting in review", "⇄")
	term.send("W")
	term.waitFor("the question", "Withdraw the proposal")
	term.send("y")
	term.waitFor("the withdrawal", "Withdrew")
	if n := len(strings.Fields(git(bare, "for-each-ref", "--format=%(refname)", "refs/heads/"))); n != 1 {
		t.Errorf("server branches after withdrawing: %d", n)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "refs", "heads", branches[1])); err == nil {
		t.Error("the local proposal branch is still here")
	}
	git(dir, "fsck", "--strict")
	term.send("q")
	term.waitFor("the exit", "EXIT=0")
}

// TestRemoveArchivedInTheApp: in the Archived view with nothing marked, x
// asks, then removes every archived posting shown, both languages, in one
// commit; u takes the commit back and the files return byte for byte. In
// French at 120x32.
func TestRemoveArchivedInTheApp(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	dir, _ := servedCorpus(t, home)
	git := func(args ...string) string { t.Helper(); return gitserver.Git(t, dir, args...) }
	head := git("rev-parse", "HEAD")
	term := startTerminalWith(t, bin, home, 120, 32, "--repo", dir, "--lang", "fr")
	term.waitFor("the list", "1 Toutes", "main ↑0 ↓0")
	term.send("3")
	term.waitFor("the Archived view", "3 Archivées")
	term.send("x")
	q := term.waitFor("the question", "Supprimer les", "offres archivées dans toutes les langues,", "fichiers ? (o/n)")
	files := regexp.MustCompile(`langues, (\d+) fichiers \?`).FindStringSubmatch(q)
	if git("status", "--porcelain") != "" || git("rev-parse", "HEAD") != head {
		t.Fatal("files changed before the answer")
	}
	term.send("o")
	term.waitFor("the removal", "supprimé", "main ↑1 ↓0")
	removed := strings.Fields(git("diff", "--name-only", "--diff-filter=D", "HEAD~1", "HEAD"))
	if all := git("diff", "--name-only", "HEAD~1", "HEAD"); len(removed) < 2 || strings.Count(all, "\n") != len(removed) {
		t.Fatalf("the commit removes %d files and changes others:\n%s", len(removed), all)
	}
	if files == nil || files[1] != strconv.Itoa(len(removed)) {
		t.Errorf("the question counted %v files, the commit removes %d", files, len(removed))
	}
	for _, p := range removed {
		if !strings.Contains(git("show", "HEAD~1:"+p), "archived: true") {
			t.Errorf("%s was not archived", p)
		}
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("the work tree is not clean after the removal: %q", st)
	}
	term.send("u")
	term.waitFor("the undo", "Annulé", "main ↑0 ↓0")
	if git("rev-parse", "HEAD") != head || git("status", "--porcelain") != "" {
		t.Errorf("u did not take the removal back: %s", git("status", "--porcelain"))
	}
	git("fsck", "--strict")
	term.send("q")
	term.waitFor("the exit", "EXIT=0")
}
