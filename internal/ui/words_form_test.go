package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The edit form's note says which files its fields go to: each name whole
// on a line (huh broke "spécialiste-de-" / "l’accessibilité.md" at the
// hyphen), a name too wide shortened in the middle, laid out again on
// resize, and each with its language (user test: "devops-engineer.md,
// devops-engineer.md").
func TestEditNoteKeepsFileNamesWhole(t *testing.T) {
	long := "administrative-officer---internal-operations---878766da-0bed-4884-b61b-994597a90f0f.md"
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, false)
				dir := filepath.Join(site.Root, "content", "fr", "careers", "positions")
				if err := os.Rename(filepath.Join(dir, "designer-ux.md"), filepath.Join(dir, long)); err != nil {
					t.Fatal(err)
				}
				a := newTestApp(t, site, lang, 120, 32)
				editNote(t, a, "accessibility specialist", 120, "en/accessibility-specialist.md,", "fr/spécialiste-de-l’accessibilité.md")
				editNote(t, a, "devops engineer", 120, "en/devops-engineer.md, fr/devops-engineer.md")
				for _, w := range []int{80, 60} {
					a.send(tea.WindowSizeMsg{Width: w, Height: 24})
					editNote(t, a, "accessibility specialist", w, "en/accessibility-specialist.md,", "fr/spécialiste-de-l’accessibilité.md")
					editNote(t, a, "ux designer", w, "en/ux-designer.md,", "fr/administrative-officer-", "-994597a90f0f.md")
				}
			})
		})
	}
}

// editNote opens the edit form on the posting filter finds, and wants
// each of names at the start or the end of a line of the form's head, no
// line of which is wider than w.
func editNote(t *testing.T, a *testApp, filter string, w int, names ...string) {
	t.Helper()
	press(a, "/")
	typeText(a, filter)
	press(a, "enter", "e")
	defer press(a, "esc", "esc")
	scr := screen(a)
	head, _, _ := strings.Cut(scr, "┃")
	lines := strings.Split(head, "\n")
	for _, name := range names {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, name) || strings.HasSuffix(l, name) || strings.Contains(l, " "+name)
		}
		if !found {
			t.Errorf("at %d columns, %q is not whole on a line:\n%s", w, name, head)
		}
	}
	for _, l := range lines {
		if lipgloss.Width(l) > min(w, formWidth) {
			t.Errorf("at %d columns, a line of %d: %q", w, lipgloss.Width(l), l)
		}
	}
}

// In accessible mode a field's title and value, which huh writes as one
// line, are wrapped between words to the terminal's width (the terminal
// cut "…que tout le mon" / "de peut utiliser.]").
func TestAccessibleValueWrapsBetweenWords(t *testing.T) {
	c := &common.Common{Accessible: true, Width: 80}
	got := withValue(c, "Description (français)", "Aidez chaque équipe à créer des services que tout le monde peut utiliser.")
	want := "Description (français) [Aidez chaque équipe à créer des services que tout le\nmonde peut utiliser.]"
	if got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := common.WrapWords("a spécialiste-de-l’accessibilité.md b", 10); got != "a\nspécialiste-de-l’accessibilité.md\nb" {
		t.Errorf("WrapWords broke a name: %q", got)
	}
}
