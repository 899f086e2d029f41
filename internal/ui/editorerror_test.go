package ui

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The footer says in the person's language that the editor exited with a
// code or could not be started, naming it (user test, item 8).
func TestEditorFailureInTheFooter(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	exit3 := exec.Command("sh", "-c", "exit 3").Run()
	missing := exec.Command("/nonexistent/editor").Run()
	for _, c := range []struct {
		lang   i18n.Lang
		editor string
		err    error
		want   string
	}{
		{i18n.FR, "vim", exit3, "l’éditeur vim s’est terminé avec le code 3"},
		{i18n.EN, "vim", exit3, "the editor vim exited with code 3"},
		{i18n.FR, "/nonexistent/editor", missing, "l’éditeur /nonexistent/editor n’a pas pu être lancé : ce programme est introuvable"},
	} {
		f := newFooterBar(common.New(i18n.For(c.lang), false, true), "")
		f.Update(editorDoneMsg{rel: "content/en/a.md", editor: c.editor, err: c.err})
		got := strings.Join(f.Lines(200), "\n")
		if !strings.Contains(got, c.want) || strings.Contains(got, "exit status") || strings.Contains(got, "fork/exec") {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
