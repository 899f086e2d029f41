package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// appInTmux is startTerminal with more environment (NO_COLOR=1) and more
// arguments (--lang fr, --accessible).
func appInTmux(t *testing.T, bin, site string, w, h int, env []string, args ...string) *terminal {
	t.Helper()
	term := startTmux(t)
	home := filepath.Join(t.TempDir(), "home")
	os.MkdirAll(home, 0o755)
	shell := "env " + strings.Join(quoteAll(append(userEnv(home), env...)), " ") + " " + bin + " --repo " + site + " " +
		strings.Join(args, " ") + "; echo EXIT=$?; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	return term
}

// Issue 11, item 10, as a person meets it: with --accessible, the edit
// form is huh's accessible mode (one plain prompt per field, enter keeps
// the value in brackets), and the answer is written, as git sees.
func TestIssue11AccessibleFormInTmux(t *testing.T) {
	bin := binary(t)
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			site := demoSite(t, bin)
			term := appInTmux(t, bin, site, 80, 24, nil, "--accessible", "--lang", lang)
			term.waitFor("the list", "UX Designer")
			term.send("/")
			term.tmux("send-keys", "-t", "e2e", "-l", "ux designer")
			term.send("Enter", "e")
			intro := map[string]string{"en": "Answer each question", "fr": "Répondez à chaque question"}[lang]
			term.waitFor("the accessible prompts", intro, "[ux-designer]")
			for i := 0; i < 5; i++ { // key, archived, leverId, layout, type: kept
				term.send("Enter")
			}
			// huh's own words (its yes-or-no and its only choice) are in
			// the user's language too.
			own := map[string][]string{"en": {"[y/N]", "There is only one choice; enter 1"}, "fr": {"[o/N]", "Il n’y a qu’un choix ; entrez 1"}}[lang]
			term.waitFor("the English title's prompt", append(own, "[UX Designer]")...)
			term.tmux("send-keys", "-t", "e2e", "-l", "UX Lead")
			term.send("Enter", "Enter", "Enter", "Enter")
			saved := map[string]string{"en": "Saved 1 file (u to undo).", "fr": "1 fichier enregistré (u pour annuler)."}[lang]
			term.waitFor("the list again", saved)
			diff := gitserver.Git(t, site, "diff", "-U0")
			var changed []string
			for _, l := range strings.Split(diff, "\n") {
				if (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) && !strings.HasPrefix(l, "---") && !strings.HasPrefix(l, "+++") {
					changed = append(changed, strings.TrimSuffix(l, "\r")) // the demo file has CRLF line ends, kept
				}
			}
			if strings.Join(changed, "\n") != "-title: \"UX Designer\"\n+title: \"UX Lead\"" {
				t.Errorf("the edit written: %q\n%s", changed, diff)
			}
		})
	}
}

// Issue 11, items 10 and 11, as a person meets them: at 120, 80 and 60
// columns in both languages, with NO_COLOR, the footer keeps ? and q, the
// active view is bracketed, no problem code or count is cut in a word, and
// the yes/no field shows its choice.
func TestIssue11FooterAndNoColorInTmux(t *testing.T) {
	bin := binary(t)
	site := demoSite(t, bin)
	for _, tc := range []struct {
		lang             string
		w, h             int
		foot, all, yesNo string
	}{
		{"en", 120, 32, "? help • q quit", "[1 All]", "[No]"},
		{"fr", 120, 32, "? aide • q quitter", "[1 Toutes]", "[Non]"},
		{"en", 80, 24, "? help • q quit", "[1 All]", "[No]"},
		{"fr", 80, 24, "? aide • q quitter", "[1 Toutes]", "[Non]"},
		{"en", 60, 20, "? help • q quit", "[1 All]", "[No]"},
		{"fr", 60, 20, "? aide • q quitter", "[1 Toutes]", "[Non]"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			term := appInTmux(t, bin, site, tc.w, tc.h, []string{"NO_COLOR=1"}, "--lang", tc.lang)
			s := term.waitFor("the list", tc.foot, tc.all, "13/13")
			for _, l := range strings.Split(s, "\n") {
				f := strings.Fields(l)
				if len(f) > 0 && strings.ContainsAny(l, "✗⚠") && strings.HasSuffix(f[len(f)-1], "…") && !strings.HasSuffix(f[len(f)-1], "-…") {
					t.Errorf("a problem code is cut in a word: %q", l)
				}
			}
			term.send("/")
			term.tmux("send-keys", "-t", "e2e", "-l", "ux designer")
			term.send("Enter", "e")
			term.waitFor("the edit form, No chosen", tc.yesNo)
		})
	}
}

// User test, item 1, as a person meets it: in accessible mode, esc then
// enter at a prompt stored an ESC byte in the title, and ctrl+c showed ^C
// and the prompts went on. Both now cancel the form: the app comes back,
// says nothing changed, and git sees no change; ctrl+c does not end the
// app.
func TestAccessibleEscAndCtrlCCancelInTmux(t *testing.T) {
	bin := binary(t)
	for _, tc := range []struct {
		lang, nothing string
		keys          []string
	}{
		{"en", "Nothing changed.", []string{"Escape", "Enter"}},
		{"fr", "Rien n’a changé.", []string{"C-c"}},
		{"en", "Nothing changed.", []string{"C-c"}},
	} {
		t.Run(tc.lang+"_"+strings.Join(tc.keys, "_"), func(t *testing.T) {
			site := demoSite(t, bin)
			term := appInTmux(t, bin, site, 80, 24, nil, "--accessible", "--lang", tc.lang)
			term.waitFor("the list", "UX Designer")
			term.send("/")
			term.tmux("send-keys", "-t", "e2e", "-l", "ux designer")
			term.send("Enter", "e")
			term.waitFor("the accessible prompts", "[ux-designer]")
			for i := 0; i < 5; i++ { // key, archived, leverId, layout, type: kept
				term.send("Enter")
			}
			term.waitFor("the English title's prompt", "[UX Designer]")
			term.send(tc.keys...)
			term.waitFor("the list again", tc.nothing, "UX Designer")
			if diff := gitserver.Git(t, site, "status", "--porcelain"); diff != "" {
				t.Errorf("the cancelled form wrote:\n%s", diff)
			}
			term.send("e") // the app still answers
			term.waitFor("the prompts again", "[ux-designer]")
			if s := term.screen(); strings.Contains(s, "EXIT=") {
				t.Errorf("the app ended:\n%s", s)
			}
		})
	}
}
