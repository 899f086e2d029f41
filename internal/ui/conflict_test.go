package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// Issue 13, case 4: a save overwrote a change made on disk to the same
// field while the form was open. Here the French title changes on disk
// while the form is open; the save shows both values and waits for the
// choice, in both languages; the form starts from the files as they are
// when it opens.
func TestEditFormConflictShowsBothValuesAndAsks(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		mine bool
	}{{i18n.EN, true}, {i18n.FR, false}} {
		t.Run(string(c.lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, false)
				fr := site.Abs("content/fr/careers/positions/designer-ux.md")
				orig, err := os.ReadFile(fr)
				if err != nil {
					t.Fatal(err)
				}
				setTitle := func(title string) string {
					data := strings.Replace(string(orig), `title: "Designer UX"`, `title: "`+title+`"`, 1)
					if err := os.WriteFile(fr, []byte(data), 0o644); err != nil {
						t.Fatal(err)
					}
					return data
				}
				a := newTestApp(t, site, c.lang, 80, 24)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "ux")
				press(a, "enter")
				// Changed after the list was read, before the form opens.
				setTitle("Designer UX avant")
				press(a, "e", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
				if s := screen(a); !strings.Contains(s, "> Designer UX avant") {
					t.Fatalf("the form does not start from the file as it is:\n%s", s)
				}
				// Changed while the form is open.
				onDisk := setTitle("Designer UX (disque)")
				for range "avant" {
					press(a, "backspace")
				}
				typeText(a, "formulaire")
				press(a, "enter", "enter")
				s := screen(a)
				for _, want := range []string{i18n.F(tr.Forms.Quoted, "value", "Designer UX (disque)"), i18n.F(tr.Forms.Quoted, "value", "Designer UX formulaire"), tr.Forms.KeepMine, tr.Forms.TakeTheirs,
					i18n.F(tr.Forms.ConflictField, "field", "title", "lang", i18n.LangName(tr, "fr"), "path", "")} {
					if !strings.Contains(s, want) {
						t.Errorf("the conflict lacks %q:\n%s", want, s)
					}
				}
				// The title line holds the temporary folder, cut to the width.
				_, form, _ := strings.Cut(s, "\n")
				golden(t, "conflict_"+string(c.lang)+"_80x24", form)
				if got, _ := os.ReadFile(fr); string(got) != onDisk {
					t.Fatalf("written before the choice:\n%s", got)
				}
				want := onDisk
				if c.mine {
					press(a, "down")
					want = strings.Replace(onDisk, "(disque)", "formulaire", 1)
				}
				press(a, "enter")
				if a.forms.Active() {
					t.Fatalf("the conflict form is still open:\n%s", screen(a))
				}
				if got, _ := os.ReadFile(fr); string(got) != want {
					t.Errorf("the French file is\n%s\nwant\n%s", got, want)
				}
				n := 0
				if c.mine {
					n = 1
				}
				want = tr.N(tr.UI.Saved, n)
				if n > 0 {
					want = i18n.WithUndoHint(tr, want)
				}
				if s := screen(a); !strings.Contains(s, want) {
					t.Errorf("no %q:\n%s", want, s)
				}
			})
		})
	}
}
