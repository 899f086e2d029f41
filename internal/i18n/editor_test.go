package i18n

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// What the system says when an editor fails becomes a sentence in each
// language, naming the editor as the person wrote it.
func TestEditorErrorText(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	exit3 := exec.Command("sh", "-c", "exit 3").Run()
	missing := exec.Command("/nonexistent/editor").Run()
	_, notOnPath := exec.LookPath("no-such-editor-anywhere")
	notExec := filepath.Join(t.TempDir(), "editor")
	os.WriteFile(notExec, []byte("#!/bin/sh\n"), 0o644)
	denied := exec.Command(notExec).Run()
	for _, c := range []struct {
		editor string
		err    error
		en, fr string
	}{
		{"vim", exit3, "the editor vim exited with code 3", "l’éditeur vim s’est terminé avec le code 3"},
		{"/nonexistent/editor", missing, "the editor /nonexistent/editor could not be started: there is no such program (set EDITOR or VISUAL)", "l’éditeur /nonexistent/editor n’a pas pu être lancé : ce programme est introuvable (réglez EDITOR ou VISUAL)"},
		{"no-such-editor-anywhere", notOnPath, "the editor no-such-editor-anywhere could not be started: there is no such program", "l’éditeur no-such-editor-anywhere n’a pas pu être lancé : ce programme est introuvable"},
		{notExec, denied, "the editor " + notExec + " could not be started: permission denied", "l’éditeur " + notExec + " n’a pas pu être lancé\u00a0: permission refusée"},
	} {
		en, fr := EditorErrorText(For(EN), c.editor, c.err), EditorErrorText(For(FR), c.editor, c.err)
		if en != c.en && !strings.HasPrefix(en, c.en) {
			t.Errorf("English for %v: %q, want %q", c.err, en, c.en)
		}
		if fr != c.fr && !strings.HasPrefix(fr, c.fr) {
			t.Errorf("French for %v: %q, want %q", c.err, fr, c.fr)
		}
		for _, raw := range []string{"exit status", "fork/exec", "no such file", "executable file not found"} {
			if strings.Contains(fr, raw) {
				t.Errorf("French for %v holds the system's %q: %q", c.err, raw, fr)
			}
		}
	}
}
