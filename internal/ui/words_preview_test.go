package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// The preview shortens a file's path in the middle: two files of one
// language whose names differ only at the end stay apart (user test:
// "content/en/careers/positions/administrative-officer---int…" twice).
func TestPreviewPathsKeepTheirEnd(t *testing.T) {
	for _, size := range [][2]int{{120, 32}, {80, 24}, {60, 20}} {
		bubble(t, func(t *testing.T) {
			site := demoSite(t, false)
			dir := filepath.Join(site.Root, "content", "fr", "careers", "positions")
			for from, to := range map[string]string{
				"chef-d’équipe-produit.md":       "chef-d’équipe-produit---opérations-internes---878766da-0bed-4884-b61b-994597a90f0f.md",
				"chef-d’équipe-produit-copie.md": "chef-d’équipe-produit---opérations-internes---eaa64e85-a48e-4974-a110-c01571ca3f3d.md",
			} {
				if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
					t.Fatal(err)
				}
			}
			a := newTestApp(t, site, i18n.FR, size[0], size[1])
			press(a, "/")
			typeText(a, "product team lead")
			press(a, "enter", "enter")
			press(a, "tab") // the French: its column (wide) or the only one (narrow)
			seen := map[string]bool{}
			for range 2 { // each file, f going to the next
				for _, end := range []string{"-994597a90f0f.md", "-c01571ca3f3d.md"} {
					seen[end] = seen[end] || strings.Contains(screen(a), end)
				}
				press(a, "f")
			}
			if !seen["-994597a90f0f.md"] || !seen["-c01571ca3f3d.md"] {
				t.Errorf("at %dx%d the preview does not tell the two files apart (%v):\n%s", size[0], size[1], seen, screen(a))
			}
		})
	}
}
