package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// User test, items 15 and 14: a new posting was created archived without
// a word about it, the form suggested a key already taken and said so
// only after enter, and the pair's message was committed on one line. The
// form and the result now say it is archived until a unarchives it, the
// suggestion is a free key, a taken key is said as it is typed, and the
// message keeps its subject, blank line and a line per language.
func TestNewPostingSaysArchivedAndSuggestsAFreeKey(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				a := newTestApp(t, site, lang, 60, 20)
				tr := a.c.Tr
				press(a, "n")
				if s := screen(a); !strings.Contains(flat(s), tr.Picker.NewArchived) {
					t.Errorf("the form does not say the posting is created archived:\n%s", s)
				}
				typeText(a, "UX Designer: Research and Accessibility Practice")
				press(a, "enter", "enter")
				typeText(a, "Designer UX : recherche et pratique de l’accessibilité")
				press(a, "enter", "enter")
				if s := screen(a); !strings.Contains(s, "> ux-designer-research-and-accessibility-practice") || strings.Contains(s, "✗") {
					t.Fatalf("not the suggested key:\n%s", s)
				}
				press(a, "esc", "y") // again, with the title of a posting there is
				if lang == i18n.FR {
					press(a, "o")
				}
				press(a, "n")
				typeText(a, "UX Designer")
				press(a, "enter", "enter")
				typeText(a, "Designer UX")
				press(a, "enter", "enter")
				if s := screen(a); !strings.Contains(s, "> ux-designer-2") || strings.Contains(s, "✗") {
					t.Fatalf("the suggested key is not a free one:\n%s", s)
				}
				press(a, "backspace", "backspace")
				inUse := validationText(tr, &model.ValidationError{Field: model.KeyTranslationKey, Reason: model.ReasonKeyInUse}).Error()
				if s := screen(a); !strings.Contains(s, "✗ "+inUse) {
					t.Fatalf("a taken key is not said as it is typed:\n%s", s)
				}
				typeText(a, "-2")
				press(a, "enter", "enter")
				want := i18n.F(tr.Picker.CreatedArchived, "paths", "ux-designer-2.md")
				if a.bar.status != want {
					t.Fatalf("status %q (error %q), want %q", a.bar.status, a.bar.err, want)
				}
				if s := screen(a); !strings.Contains(flat(s), flat(want)) {
					t.Errorf("the result is not read whole at 60 columns:\n%s", s)
				}
			})
		})
	}
}
