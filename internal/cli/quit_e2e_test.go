package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// appTypedAhead runs the app with keys typed as it opens (before it
// reads the postings and their git states).
func appTypedAhead(t *testing.T, bin, site string, w, h int, env []string, keys ...string) *terminal {
	t.Helper()
	term := startTmux(t)
	home := filepath.Join(t.TempDir(), "home")
	os.MkdirAll(home, 0o755)
	// The keys wait in the terminal until the app reads them: the
	// shell's pause only makes sure they are there before it starts.
	shell := "sleep 0.5; env " + strings.Join(quoteAll(append(userEnv(home), env...)), " ") + " " + bin + " --repo " + site + "; echo EXIT=$?; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	for _, k := range keys {
		term.tmux("send-keys", "-t", "e2e", k)
	}
	return term
}

// q right after the start quit silently, the git states not read yet,
// although a posting had uncommitted edits (made here with sed, as by
// hand). It asks; n stays in the app, then yes quits, and the edit is
// still there for git. Without edits, q quits without a question.
func TestQuitRightAfterStartAsksInTmux(t *testing.T) {
	bin := binary(t)
	for _, tc := range []struct {
		lang, ask, yes, foot string
		env                  []string
		w, h                 int
	}{
		{"en", "1 posting file has uncommitted edits. Quit anyway? (y/n)", "y", "? help • q quit", []string{"LANG=C.UTF-8"}, 60, 20},
		{"fr", "1 fichier d’offre a des modifications non validées. Quitter quand même ? (o/n)", "o", "? aide • q quitter", []string{"LANG=fr_CA.UTF-8"}, 80, 24},
		{"fr", "1 fichier d’offre a des modifications non validées. Quitter quand même ? (o/n)", "o", "? aide • q quitter", []string{"LC_ALL=fr_CA.UTF-8"}, 120, 32},
	} {
		site := demoSite(t, bin)
		t.Run(fmt.Sprintf("%s_%dx%d_clean", tc.lang, tc.w, tc.h), func(t *testing.T) {
			term := appTypedAhead(t, bin, site, tc.w, tc.h, tc.env, "q")
			term.waitFor("EXIT", "EXIT=0") // no edits: q quits at once
		})
		t.Run(fmt.Sprintf("%s_%dx%d_edited", tc.lang, tc.w, tc.h), func(t *testing.T) {
			rel := "content/en/careers/positions/ux-designer.md"
			sed := exec.Command("sed", "-i", `s/^title: .*/title: "UX Designer (edited by hand)"/`, rel)
			sed.Dir = site
			if out, err := sed.CombinedOutput(); err != nil {
				t.Fatalf("sed: %v\n%s", err, out)
			}
			term := appTypedAhead(t, bin, site, tc.w, tc.h, tc.env, "q")
			term.waitFor("the question", fit("", tc.ask, tc.w))
			term.send("n")
			s := term.waitFor("the list", tc.foot)
			if strings.Contains(s, "EXIT=") {
				t.Fatalf("n quit:\n%s", s)
			}
			term.send("q")
			term.waitFor("the question again", fit("", tc.ask, tc.w))
			term.send(tc.yes)
			term.waitFor("EXIT", "EXIT=0")
			if st := gitserver.Git(t, site, "status", "--porcelain"); strings.TrimSpace(st) != "M "+rel {
				t.Errorf("git status after quitting: %q", st)
			}
		})
	}
}
