package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitserver"
)

// A posting file nobody may write is refused before anything is written:
// jobtui archive (and delete) says which file, in the user's language, exits 1, and
// neither file of the pair, nor the branch, changes (root may write any
// file, and a rename in a writable folder replaces a read-only one: the
// archive replaced it before).
func TestArchiveRefusesAReadOnlyFile(t *testing.T) {
	dir := demoRepo(t)
	git := func(args ...string) string { t.Helper(); return gitserver.Git(t, dir, args...) }
	files := strings.Fields(git("grep", "-l", "translationKey: ux-designer", "--", "content"))
	if len(files) != 2 {
		t.Fatalf("the pair's files: %q", files)
	}
	frFile := files[1]
	if !strings.HasPrefix(frFile, "content/fr/") {
		frFile = files[0]
	}
	if err := os.Chmod(filepath.Join(dir, frFile), 0o444); err != nil {
		t.Fatal(err)
	}
	head := git("rev-parse", "HEAD")
	// A removal too: it was allowed, and an undo brought the file back
	// writable (git keeps no write bit).
	for _, command := range []string{"archive", "delete"} {
		_, errOut, code := runCLI(t, command, "ux-designer", "--repo", dir, "--lang", "fr")
		if code != 1 || !strings.Contains(errOut, "lecture seule") || !strings.Contains(errOut, frFile) {
			t.Fatalf("%s with a read-only file: exit %d\n%s", command, code, errOut)
		}
		if st := git("status", "--porcelain"); st != "" {
			t.Errorf("%s: files changed: %s", command, st)
		}
		if git("rev-parse", "HEAD") != head {
			t.Errorf("%s: a commit was made", command)
		}
	}
}
