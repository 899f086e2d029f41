package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// When the history cannot be read (HEAD's commit object is gone), the app
// lists the postings with their other problems and says in the footer, in
// the user's language, that the stale translations were not checked.
func TestAppSaysWhenTheHistoryCannotBeRead(t *testing.T) {
	site := demoSite(t, true)
	head, err := exec.Command("git", "-C", site.Root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("git: %v", err)
	}
	h := strings.TrimSpace(string(head))
	if err := os.Remove(filepath.Join(site.Root, ".git", "objects", h[:2], h[2:])); err != nil {
		t.Fatal(err)
	}
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, site, i18n.FR, 140, 30)
		s := screen(a)
		if !strings.Contains(s, "traductions en retard non vérifiées") || !strings.Contains(s, "Data Analyst") {
			t.Errorf("the footer does not say the history could not be read, or the list is missing:\n%s", s)
		}
		if strings.Contains(s, "stale-") {
			t.Errorf("a stale translation is shown:\n%s", s)
		}
	})
}
