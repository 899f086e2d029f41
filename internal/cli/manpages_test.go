package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/cli/manpages"
)

// The tests run the commands in-process as jobtui-app does: with the
// manual pages' generator (in jobtui, `man` is handed over).
func init() { ManPage = manpages.Page }

// jobtui hands `man` over to jobtui-app beside it, which writes the pages;
// without jobtui-app it says so, in the user's language, exit code 2, and
// writes nothing.
func TestJobtuiHandsTheManualPagesOver(t *testing.T) {
	bin := binary(t)
	dir := filepath.Join(t.TempDir(), "man")
	cmd := exec.Command(bin, "man", dir, "--lang", "fr")
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "pages de manuel écrites") {
		t.Fatalf("jobtui man: %v\n%s", err, out)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "jobtui-archive.1")); err != nil || !strings.Contains(string(data), "Archiver (ou désarchiver)") {
		t.Errorf("jobtui-archive.1: %v\n%.300s", err, data)
	}
	lone := filepath.Join(t.TempDir(), "jobtui")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(t.TempDir(), "man")
	cmd = exec.Command(lone, "man", dir)
	cmd.Dir = t.TempDir() // outside the source: no go run of jobtui-app either
	cmd.Env = append(os.Environ(), "LANG=fr_CA.UTF-8", "PATH="+t.TempDir())
	out, err = cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(string(out), "les pages de manuel sont écrites par le programme jobtui-app") {
		t.Errorf("jobtui man without jobtui-app: exit %d (%v)\n%s", code, err, out)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("%s was created", dir)
	}
}
