package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// readSite reads a file of the site.
func readSite(t *testing.T, root, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

const (
	teamLeadCopy = "content/fr/careers/positions/chef-d’équipe-produit-copie.md"
	teamLead     = "content/fr/careers/positions/chef-d’équipe-produit.md"
)

// Issue 11, item 7: in a group with several files per language only the
// first could be edited, and the form wrote the same title to all of them
// while showing one. Now e asks which file, the form says it changes that
// file only, and only that file is written.
func TestIssue11EditPicksOneOfSeveralFiles(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, false)
				copyBefore := readSite(t, site.Root, teamLeadCopy)
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "team lead")
				press(a, "enter", "e")
				s := screen(a)
				if !strings.Contains(s, tr.Flow.ChooseEdit) || !strings.Contains(s, "1  ") || !strings.Contains(s, "3  ") ||
					!strings.Contains(s, "chef-d’équipe-produit-copie.md") {
					t.Fatalf("no choice of the three files:\n%s", s)
				}
				press(a, "3")
				s = screen(a)
				if !strings.Contains(s, strings.SplitN(tr.Flow.OnlyThisFile, "{", 2)[0]) || !strings.Contains(s, "chef-d’équipe-produit.md") {
					t.Fatalf("the form does not say it changes one file:\n%s", s)
				}
				press(a, "enter", "enter", "enter", "enter", "enter") // the shared fields
				press(a, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
				typeText(a, "Chef·fe")
				press(a, "enter", "enter")
				if a.forms.Active() || a.bar.status != i18n.WithUndoHint(tr, tr.N(tr.UI.Saved, 1)) {
					t.Fatalf("not saved: status %q, error %q\n%s", a.bar.status, a.bar.err, screen(a))
				}
				if got := readSite(t, site.Root, teamLead); !strings.Contains(got, "Chef d’équipe, Chef·fe") {
					t.Errorf("the picked file was not written:\n%s", got)
				}
				if got := readSite(t, site.Root, teamLeadCopy); got != copyBefore {
					t.Errorf("the other French file was written too:\n%s", got)
				}
			})
		})
	}
}

// Issue 11, item 7: only the first file could be previewed. In the
// preview, f chooses the next file of the language shown; it is marked,
// named in the header, and e and E take it.
func TestIssue11PreviewChoosesAmongSeveralFiles(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.EN, 80, 24)
		tr := a.c.Tr
		press(a, "/")
		typeText(a, "team lead")
		press(a, "enter", "enter", "tab")
		if s := screen(a); !strings.Contains(s, "f: file 1 of 2") || !strings.Contains(s, "▶ Chef d’équipe, produit (copie)") {
			t.Fatalf("the first French file is not the chosen one:\n%s", s)
		}
		press(a, "f")
		s := screen(a)
		if !strings.Contains(s, "f: file 2 of 2") || !strings.Contains(s, "▶ Chef d’équipe, produit\n") || !strings.Contains(s, "f "+tr.Flow.NextFile) {
			t.Fatalf("f did not choose and show the second file:\n%s", s)
		}
		press(a, "e")
		if s := screen(a); !strings.Contains(s, "Only this file is changed: "+teamLead) {
			t.Errorf("e in the preview does not edit the chosen file:\n%s", s)
		}
		press(a, "esc")
		press(a, "E") // the chosen file, without a question
		if a.forms.Active() {
			t.Errorf("E asked although the preview chose the file:\n%s", screen(a))
		}
	})
}

// Issue 11, item 7: the form says when a change applies to several files.
func TestIssue11FormSaysSharedFieldsGoToEveryFile(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 80, 24)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "e")
		if s := screen(a); !strings.Contains(s, "Écrit dans les 2 fichiers de cette offre : en/ux-designer.md, fr/designer-ux.md") {
			t.Errorf("the form does not say where the shared fields go:\n%s", s)
		}
	})
}

// Issue 11, item 9: E always opened the English file. Now it asks: e for
// English, f for French (the file then opens; what it changed is checked
// end to end in cmd/jobtui), esc cancels.
func TestIssue11EditorAsksWhichLanguage(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), lang, 60, 20)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "ux designer")
				press(a, "enter", "E")
				s := screen(a)
				en, fr := capitalize(i18n.LangName(tr, "en")), capitalize(i18n.LangName(tr, "fr"))
				if !strings.Contains(s, tr.Flow.ChooseEditor) || !strings.Contains(s, "e  "+en) || !strings.Contains(s, "f  "+fr) {
					t.Fatalf("E does not offer both languages:\n%s", s)
				}
				checkSize(t, a, 60, 20)
				press(a, "esc")
				if a.forms.Active() || a.bar.status != tr.UI.NoChange {
					t.Errorf("esc did not cancel: status %q", a.bar.status)
				}
			})
		})
	}
}

// Issue 11, item 5: "create the missing translation from this posting" was
// a model function no key reached. t makes it, from the list.
func TestIssue11CreateMissingTranslationKey(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, false)
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				press(a, "?")
				if s := screen(a); !strings.Contains(s, "t "+tr.Flow.Translate) && !strings.Contains(s, "t      "+tr.Flow.Translate) {
					t.Errorf("the help does not list t:\n%s", s)
				}
				press(a, "x", "/")
				typeText(a, "recruitment")
				press(a, "enter", "t")
				created := "content/fr/careers/positions/recruitment-coordinator.md"
				if !strings.Contains(a.bar.status, filepath.Base(created)) {
					t.Fatalf("status %q, error %q", a.bar.status, a.bar.err)
				}
				got := readSite(t, site.Root, created)
				if !strings.Contains(got, "translationKey: recruitment-coordinator") {
					t.Errorf("the copy does not keep the key:\n%s", got)
				}
				r := a.list.Selected()
				if r == nil || len(r.Left) != 1 || len(r.Right) != 1 {
					t.Fatalf("the pair is not selected whole: %+v", r)
				}
				press(a, "t")
				if a.bar.status != tr.Flow.NothingToTrans {
					t.Errorf("t on a whole pair: status %q", a.bar.status)
				}
			})
		})
	}
}

// A QA run at 60 columns in French: the header of a language with several
// files was cut in the count ("f : fichier 1 s…"). Where the whole line
// does not fit, the tab hint goes first.
func TestPreviewHeaderKeepsTheFileCount(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 60, 20)
		press(a, "/")
		typeText(a, "team lead")
		press(a, "enter", "enter", "tab")
		if s := screen(a); !strings.Contains(s, "Affichage : français · f : fichier 1 sur 2") {
			t.Errorf("the header at 60 columns:\n%s", s)
		}
	})
}
