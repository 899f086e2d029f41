package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// French typography where the interface puts words together: a space
// before the colon after a problem's code ("invalid-leverid: le…"), a
// value in guillemets with their spaces ("«Développeur…»"), and the
// forms' headings beginning with a capital, as the preview's ("Anglais",
// where the form said "anglais").
func TestFrenchTypographyInTheViews(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 80, 24)
		press(a, "/")
		typeText(a, "accessibility specialist")
		press(a, "enter", "enter")
		if s := screen(a); !strings.Contains(s, "invalid-leverid\u00a0: le leverId") {
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
