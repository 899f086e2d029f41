package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// French typography where the interface puts words together: a space
// before the colon after a problem's name ("leverid-invalide : le…"), a
// value in guillemets with their spaces ("«Développeur…»"), and the
// forms' headings beginning with a capital, as the preview's ("Anglais",
// where the form said "anglais").
func TestFrenchTypographyInTheViews(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 80, 24)
		press(a, "/")
		typeText(a, "accessibility specialist")
		press(a, "enter", "enter")
		if s := screen(a); !strings.Contains(s, "leverid-invalide\u00a0: le leverId") {
			t.Errorf("the preview's problem line lacks the space before the colon:\n%s", s)
		}
		press(a, "esc", "n")
		if s := screen(a); !strings.Contains(s, "\nNouvelle offre · anglais\n") {
			t.Errorf("the new posting form's heading:\n%s", s)
		}
		press(a, "esc", "e", "enter", "enter", "enter", "enter", "enter")
		if s := screen(a); !strings.Contains(s, "\nAnglais\n") {
			t.Errorf("the edit form's language heading:\n%s", s)
		}
	})
	if got := conflictValue(i18n.For(i18n.FR), "Développeur principal (disque)"); got != "« Développeur principal (disque) »" {
		t.Errorf("French conflict value: %q", got)
	}
	if got := conflictValue(i18n.For(i18n.EN), "Senior developer"); got != "“Senior developer”" {
		t.Errorf("English conflict value: %q", got)
	}
}

// In French, the list's problems column and the preview's problem lines
// name the problems in French ("clé-en-double"), not by their codes
// ("duplicate-key"); the demo site has nearly every problem.
func TestProblemNamesInFrench(t *testing.T) {
	codes := []string{model.CodeMissingTranslation, model.CodeDuplicateKey, model.CodeArchivedMismatch,
		model.CodeMissingKey, model.CodeInvalidFrontMatter, model.CodeUnsupportedFrontMatter, model.CodeMissingField,
		model.CodeLeverIDMismatch, model.CodeInvalidLeverID, model.CodeStructureMismatch, model.CodeWrongLanguage,
		model.CodeStaleTranslation}
	codeIn := func(s string) string {
		for _, c := range codes {
			if strings.Contains(s, c) {
				return c
			}
		}
		return ""
	}
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 160, 48)
		press(a, "4")
		list := screen(a)
		if c := codeIn(list); c != "" || !strings.Contains(list, "clé-en-double") {
			t.Errorf("the list shows the code %q:\n%s", c, list)
		}
		previews := 0
		for range strings.Count(list, "✗") + strings.Count(list, "⚠") {
			press(a, "enter")
			if s := screen(a); codeIn(s) != "" {
				t.Errorf("the preview shows the code %q:\n%s", codeIn(s), s)
			} else if strings.Contains(s, "Problèmes") {
				previews++
			}
			press(a, "esc", "down")
		}
		if previews < 5 {
			t.Errorf("only %d previews with problems seen", previews)
		}
	})
}
