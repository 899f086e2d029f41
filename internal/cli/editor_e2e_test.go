package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// startTerminalEnv runs the app on site as startTerminal does, with more
// environment (an editor) and arguments (--lang).
func startTerminalEnv(t *testing.T, bin, site string, w, h int, env []string, args ...string) *terminal {
	t.Helper()
	term := startTmux(t)
	home := filepath.Join(t.TempDir(), "home")
	os.MkdirAll(home, 0o755)
	shell := "env " + strings.Join(quoteAll(append(userEnv(home), env...)), " ") + " " + bin + " --repo " + site + " " +
		strings.Join(quoteAll(args), " ") + "; echo EXIT=$?; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	return term
}

// Issue 11, item 9: E from the list always opened the English file and
// said nothing afterwards. Now E asks (e English, f French), the editor
// opens the file chosen, and the status says what it changed; git sees
// that file alone changed.
func TestIssue11EditorChoosesLanguageAndReports(t *testing.T) {
	bin := binary(t)
	for _, c := range []struct {
		lang, ask, said string
		w, h            int
	}{
		{"en", "Open which file in the editor?", "designer-ux.md changed in the editor: title, body (2 lines) (u to undo).", 80, 24},
		{"fr", "Ouvrir quel fichier dans l’éditeur ?", "designer-ux.md modifié dans l’éditeur : title, corps (2 lignes) (u pour annuler).", 120, 32},
		{"en", "Open which file in the editor?", "designer-ux.md changed in the editor: title, body (2 lines) (u to undo).", 60, 20},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", c.lang, c.w, c.h), func(t *testing.T) {
			site := demoSite(t, bin)
			editor := filepath.Join(t.TempDir(), "editor.sh")
			script := "#!/bin/sh\nsed -i 's/^title: \"\\(.*\\)\"$/title: \"\\1 (edited)\"/' \"$1\"\nprintf '\\nA line added in the editor.\\n' >> \"$1\"\n"
			if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
				t.Fatal(err)
			}
			term := startTerminalEnv(t, bin, site, c.w, c.h, []string{"EDITOR=" + editor, "VISUAL="}, "--lang", c.lang)
			term.waitFor("the list", "UX")
			term.send("/")
			for _, r := range "ux des" {
				term.send(string(r))
			}
			term.send("Enter", "E")
			term.waitFor("the question", c.ask, "designer-ux.md")
			term.send("f")
			term.waitFlat("what the editor changed", c.said) // at 60 columns it takes two lines
			cmd := exec.Command("git", "-c", "core.quotepath=off", "status", "--porcelain")
			cmd.Dir = site
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != "M content/fr/careers/positions/designer-ux.md" {
				t.Errorf("git status: %v\n%s", err, out)
			}
		})
	}
}
