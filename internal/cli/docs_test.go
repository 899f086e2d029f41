package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

func TestCompletionScripts(t *testing.T) {
	for shell, mark := range map[string]string{"bash": "__start_jobtui", "zsh": "#compdef jobtui", "fish": "complete -c jobtui"} {
		out, errOut, code := runCLI(t, "completion", shell)
		if code != 0 || !strings.Contains(out, mark) {
			t.Errorf("%s: exit %d, %s\n%.300s", shell, code, errOut, out)
		}
	}
	if _, _, code := runCLI(t, "completion", "tcsh"); code != 2 {
		t.Errorf("an unknown shell exits %d, want 2", code)
	}
}

// The scripts call `jobtui __complete`: posting keys for archive (with
// their title), edited files for commit.
func TestCompletePostings(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	if _, errOut, code := runCLI(t, "demo", dir); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	out, _, code := runCLI(t, "__complete", "--repo", dir, "archive", "ux")
	if code != 0 || !strings.HasPrefix(out, "ux-designer\tUX Designer\n:4\n") {
		t.Errorf("archive keys: exit %d\n%s", code, out)
	}
	out, _, _ = runCLI(t, "__complete", "--repo", dir, "archive", "")
	if n := strings.Count(out, "\n"); n < 12 {
		t.Errorf("%d lines for every key:\n%s", n, out)
	}
	// Nothing edited: no file to offer; then one edited file.
	t.Chdir(dir)
	if out, _, _ := runCLI(t, "__complete", "commit", ""); strings.Contains(out, ".md") {
		t.Errorf("clean repository offers %q", out)
	}
	p := filepath.Join("content", "en", "careers", "positions", "ux-designer.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, "\nMore.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := runCLI(t, "__complete", "commit", ""); !strings.HasPrefix(out, p+"\n") {
		t.Errorf("edited file not offered:\n%s", out)
	}
}

// The manual pages come from the commands: one per command, in the
// interface language.
func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man")
	t.Setenv("SOURCE_DATE_EPOCH", "1771156800") // 15 February 2026: the pages' date
	out, errOut, code := runCLI(t, "man", dir, "--lang", "fr")
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	// A page for jobtui and one for each command but help.
	pages, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	cmds := 0
	for _, c := range (&cli{tr: i18n.For(i18n.FR)}).rootCommand().Commands() {
		if c.IsAvailableCommand() {
			cmds++
		}
	}
	if want := fmt.Sprintf("%d pages de manuel écrites", cmds+1); len(pages) != cmds+1 || !strings.Contains(out, want) {
		t.Errorf("%d pages for %d commands, said %q", len(pages), cmds, out)
	}
	for _, name := range []string{"jobtui", "jobtui-archive", "jobtui-check", "jobtui-commit", "jobtui-completion", "jobtui-demo",
		"jobtui-list", "jobtui-man", "jobtui-push", "jobtui-version"} {
		data, err := os.ReadFile(filepath.Join(dir, name+".1"))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasPrefix(string(data), ".nh\n.TH \"JOBTUI\" \"1\"") || !strings.Contains(string(data), "manuel de jobtui") {
			t.Errorf("%s.1:\n%.300s", name, data)
		}
	}
	archive, _ := os.ReadFile(filepath.Join(dir, "jobtui-archive.1"))
	if !strings.Contains(string(archive), "with-changes") || !strings.Contains(string(archive), "Archiver (ou désarchiver)") {
		t.Errorf("archive page:\n%s", archive)
	}
	// cobra's English headings, date and [flags] are in French too.
	for _, want := range []string{"\n.SH NOM\n", "\n.SH VOIR AUSSI\n", "\n.SH OPTIONS DE TOUTES LES COMMANDES\n", `\fBjobtui archive CLÉ|FICHIER... [options]\fP`, `"février 2026"`} {
		if !strings.Contains(string(archive), want) {
			t.Errorf("the French archive page lacks %q:\n%s", want, archive)
		}
	}
	for _, english := range []string{"NAME", "SEE ALSO", "INHERITED", "[flags]"} {
		if strings.Contains(string(archive), english) {
			t.Errorf("the French archive page says %q:\n%s", english, archive)
		}
	}
}

// A SOURCE_DATE_EPOCH that is not a number of seconds is refused, in the
// user's language, before any page is written (it was ignored: the pages
// were dated today); an empty one is unset, as for cobra.
func TestManRefusesABadSourceDate(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", `SOURCE_DATE_EPOCH is "2026-02-15", which is not a number of seconds since 1970`},
		{"fr", `SOURCE_DATE_EPOCH vaut "2026-02-15", qui n’est pas un nombre de secondes depuis 1970`},
	} {
		dir := filepath.Join(t.TempDir(), "man")
		t.Setenv("SOURCE_DATE_EPOCH", "2026-02-15")
		out, errOut, code := runCLI(t, "man", dir, "--lang", c.lang)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, %q %q, want 2 and %q", c.lang, code, out, errOut, c.want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s: %s was made (%v)", c.lang, dir, err)
		}
	}
	dir := filepath.Join(t.TempDir(), "man")
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if out, errOut, code := runCLI(t, "man", dir); code != 0 {
		t.Errorf("empty SOURCE_DATE_EPOCH: exit %d, %s %s", code, out, errOut)
	}
}
