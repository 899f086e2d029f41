package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// Issue 11, item 13: esc in a form threw typed edits away without asking.
// Now esc asks; n keeps the form and what was typed; y throws it away and
// writes nothing; esc on an untouched form closes it at once.
func TestIssue11EscAsksBeforeDiscardingEdits(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, false)
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "ux designer")
				press(a, "enter", "e", "esc")
				if a.forms.Active() || a.bar.Asking() {
					t.Fatalf("esc on an untouched form did not close it:\n%s", screen(a))
				}
				r := a.list.Selected()
				before, _ := os.ReadFile(r.Left[0].Abs)
				press(a, "e", "tab", "tab", "tab", "tab", "tab") // to the title of the first language
				typeText(a, " Senior")
				press(a, "esc")
				if !a.forms.Active() || !strings.Contains(screen(a), tr.Flow.DiscardEdits) {
					t.Fatalf("esc with typed edits did not ask:\n%s", screen(a))
				}
				press(a, "x") // not an answer
				press(a, "n")
				if !a.forms.Active() || !strings.Contains(screen(a), "UX Designer Senior") || a.bar.status != tr.Flow.KeepEditing {
					t.Fatalf("n did not keep the form and its edits (status %q):\n%s", a.bar.status, screen(a))
				}
				press(a, "esc", "y")
				if a.forms.Active() {
					t.Fatalf("y did not close the form:\n%s", screen(a))
				}
				if after, _ := os.ReadFile(r.Left[0].Abs); string(after) != string(before) {
					t.Errorf("the discarded edit was written:\n%s", after)
				}
			})
		})
	}
}

// Issue 11, item 13: a validation error appeared 18 lines below its field.
// Now it is on the line under the field's title.
func TestIssue11ValidationErrorAtItsField(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), lang, 80, 24)
				tr := a.c.Tr
				press(a, "n", "enter")
				lines := strings.Split(screen(a), "\n")
				title := -1
				for i, l := range lines {
					if strings.Contains(l, tr.Forms.Title+" (") {
						title = i
						break
					}
				}
				if title < 0 || title+1 >= len(lines) || !strings.Contains(lines[title+1], "✗ "+tr.Forms.ErrEmpty) {
					t.Fatalf("the error is not under its field:\n%s", screen(a))
				}
				if n := strings.Count(screen(a), tr.Forms.ErrEmpty); n != 1 {
					t.Errorf("the error is shown %d times:\n%s", n, screen(a))
				}
				typeText(a, "Analyst")
				press(a, "enter")
				if strings.Contains(screen(a), tr.Forms.ErrEmpty) {
					t.Errorf("the error stayed after a valid title:\n%s", screen(a))
				}
			})
		})
	}
}

// Issue 11, item 13: the suggested key in a new posting was grey
// placeholder text that typing replaced. Now it is the field's value, which
// the person edits; it follows the title until they change it.
func TestIssue11SuggestedKeyIsAValue(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 80, 24)
		press(a, "n")
		typeText(a, "Data Scientist")
		press(a, "enter", "tab")
		typeText(a, "Scientifique des données")
		press(a, "enter", "tab")
		f, ok := a.forms.form.(*newForm)
		if !ok {
			t.Fatalf("not the new posting form:\n%s", screen(a))
		}
		if f.key != "data-scientist" || !strings.Contains(screen(a), "> data-scientist") {
			t.Fatalf("key %q:\n%s", f.key, screen(a))
		}
		typeText(a, "-2")
		if f.key != "data-scientist-2" {
			t.Errorf("typing did not edit the suggestion: %q", f.key)
		}
		press(a, "esc")
		if !strings.Contains(screen(a), a.c.Tr.Flow.DiscardEdits) {
			t.Errorf("esc on a filled new posting form did not ask:\n%s", screen(a))
		}
	})
}
