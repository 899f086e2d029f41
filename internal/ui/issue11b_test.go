package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// More tests that reproduce the reports of issue 11, one per item.

// foldedDescription is the start of a long folded description, as every
// posting of the real corpus has one.
const foldedDescription = "You would be joining a team that currently has 16 members. The role would be for the summer term. We are looking for a candidate with strong communication skills in either English or French."

// yamlPosting commits a posting whose description is one long folded
// line (description: >-), as in the corpus, and returns the site read
// again.
func yamlPosting(t *testing.T) *model.Site {
	t.Helper()
	gitIdentity(t)
	site := demoSite(t, true)
	rel := filepath.Join("content", "en", "careers", "positions", "communications-assistant.md")
	text := "---\nlayout: job-posting\ntype: section\ntitle: Communications Assistant\ndescription: >-\n  " + foldedDescription +
		"\narchived: true\ntranslationKey: communications-assistant\n---\nWe are hiring.\n"
	if err := os.WriteFile(filepath.Join(site.Root, rel), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, site.Root, "add", rel)
	gitOut(t, site.Root, "commit", "-q", "-m", "Add the communications assistant")
	site, err := model.OpenSite(site.Root, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// Item 8: the diff cut long lines, so an edited description showed two
// identical-looking lines, under raw diff --git and index headers. Now the
// file's name heads the diff, and the changed line is compared word by
// word ({+ +} without colour) and wrapped, at every width and in both
// languages.
func TestIssue11DiffShowsTheWordsOfAnEditedDescription(t *testing.T) {
	for _, tc := range []struct {
		lang i18n.Lang
		w, h int
		line string
	}{{i18n.EN, 120, 32, "line 3"}, {i18n.EN, 80, 24, "line 3"}, {i18n.FR, 80, 24, "ligne 3"}, {i18n.FR, 60, 20, "ligne 3"}} {
		t.Run(string(tc.lang)+"_"+itoa(tc.w)+"x"+itoa(tc.h), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := yamlPosting(t)
				desc := foldedDescription + " Extra words appended."
				if _, err := app.SaveGroupEdit(site, "communications-assistant", model.GroupEdit{Description: map[string]*string{"en": &desc}}); err != nil {
					t.Fatal(err)
				}
				a := newTestApp(t, site, tc.lang, tc.w, tc.h)
				press(a, "/")
				typeText(a, "communications")
				press(a, "enter", "d")
				s := screen(a)
				checkSize(t, a, tc.w, tc.h)
				flat := strings.Join(strings.Fields(strings.ReplaceAll(s, "\n~ ", " ")), " ")
				for _, want := range []string{"communications-assistant.md", tc.line, "description: >-", "{+Extra words appended.+}", i18n.For(tc.lang).Review.LegendPlain} {
					if !strings.Contains(flat, want) {
						t.Errorf("%q is not on the screen:\n%s", want, s)
					}
				}
				for _, not := range []string{"diff --git", "index ", "@@", "+++", "[-" + "You"} {
					if strings.Contains(s, not) {
						t.Errorf("%q is on the screen:\n%s", not, s)
					}
				}
				// The whole description is there, wrapped: no cut word.
				if !strings.Contains(s, "\n~   You would be joining") || !strings.Contains(flat, "English or French. {+Extra") {
					t.Errorf("the changed line is not whole:\n%s", s)
				}
				if _, body, _ := strings.Cut(s, "\n"); strings.Contains(body, "…") {
					t.Errorf("a line is cut:\n%s", s)
				}
				if tc.w == 60 {
					_, body, _ := strings.Cut(s, "\n") // the title holds the temporary path
					golden(t, "diff_fr_60x20", body)
				}
			})
		})
	}
}

// Item 12: in the wide preview, tab and y changed hidden state with no
// visible sign; space marks and moves down, which no help text said.
func TestIssue11PreviewShowsWhatTabAndYChange(t *testing.T) {
	for _, tc := range []struct {
		lang                        i18n.Lang
		en, fr, together, alone, sp string
	}{
		{i18n.EN, "English", "French", "scrolled together (y)", "scrolls alone (y)", "space   mark, move down"},
		{i18n.FR, "Anglais", "Français", "défilement lié (y)", "défile seule (y)", "space   marquer, descendre"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), tc.lang, 120, 32)
				press(a, "/")
				typeText(a, "senior developer")
				press(a, "enter", "enter")
				header := func() (string, string) {
					l := strings.Split(screen(a), "\n")[1]
					left, right, _ := strings.Cut(l, "│")
					return strings.TrimSpace(left), strings.TrimSpace(right)
				}
				if l, r := header(); l != "▶ "+tc.en+" (tab) · "+tc.together || r != tc.fr {
					t.Errorf("column headers before tab: %q | %q\n%s", l, r, screen(a))
				}
				press(a, "tab")
				if l, r := header(); l != tc.en || r != "▶ "+tc.fr+" (tab) · "+tc.together {
					t.Errorf("column headers after tab: %q | %q", l, r)
				}
				press(a, "y")
				if _, r := header(); r != "▶ "+tc.fr+" (tab) · "+tc.alone {
					t.Errorf("column header after y: %q", r)
				}
				checkSize(t, a, 120, 32)
				press(a, "esc", "?")
				if s := screen(a); !strings.Contains(s, tc.sp) {
					t.Errorf("the help does not say that space moves down:\n%s", s)
				}
			})
		})
	}
}

// Item 10: with NO_COLOR the Archived yes/no field showed no selection at
// all (a background colour only), and the active view tab was marked by
// colour only.
func TestIssue11NoColorShowsTheChoiceAndTheView(t *testing.T) {
	for _, tc := range []struct {
		lang            i18n.Lang
		yes, no, all, o string
	}{{i18n.EN, "Yes", "No", "1 All", "2 Open"}, {i18n.FR, "Oui", "Non", "1 Toutes", "2 Ouvertes"}} {
		t.Run(string(tc.lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), tc.lang, 80, 24)
				if !a.c.NoColor {
					t.Fatal("the test app is not colourless")
				}
				tabs := strings.Split(screen(a), "\n")[1]
				if !strings.Contains(tabs, "["+tc.all+"]") || strings.Contains(tabs, "["+tc.o+"]") {
					t.Errorf("the active view is not marked: %q", tabs)
				}
				press(a, "2")
				if tabs := strings.Split(screen(a), "\n")[1]; !strings.Contains(tabs, "["+tc.o+"]") || strings.Contains(tabs, "["+tc.all+"]") {
					t.Errorf("after 2, the active view is not marked: %q", tabs)
				}
				press(a, "1", "down", "e") // an open posting: archived is No
				s := screen(a)
				if !strings.Contains(s, "["+tc.no+"]") || strings.Contains(s, "["+tc.yes+"]") {
					t.Errorf("the archived field does not show No chosen:\n%s", s)
				}
				press(a, "tab", "left") // to the yes/no field, then Yes
				if s := screen(a); !strings.Contains(s, "["+tc.yes+"]") || strings.Contains(s, "["+tc.no+"]") {
					t.Errorf("the archived field does not show Yes chosen:\n%s", s)
				}
			})
		})
	}
}

// Item 10: --accessible gave the colour-only form instead of huh's
// accessible mode. The form now runs as huh's line-by-line prompts (the
// app lets go of the terminal, tea.Exec); enter keeps the value shown in
// brackets. The binary's run is TestIssue11AccessibleFormInTmux.
func TestIssue11AccessibleFormIsHuhsAccessibleMode(t *testing.T) {
	site := demoSite(t, false)
	cat, err := app.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		c := common.New(i18n.For(lang), true, false)
		gs := cat.Find("ux-designer")
		if len(gs) != 1 {
			t.Fatal("no ux-designer posting in the demo")
		}
		g := gs[0]
		f := newEditForm(c, cat, g, nil)
		var out strings.Builder
		run := &accessibleRun{form: f.Huh(), tr: c.Tr, signals: c.Signals}
		// key, archived, leverId, layout, type: kept; the English title
		// changed; the rest kept.
		run.SetStdin(&lineReader{lines: strings.SplitAfter("\n\n\n\n\nUX Lead\n\n\n\n", "\n")})
		run.SetStdout(&out)
		if err := run.Run(); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		for _, want := range []string{c.Tr.Views.AccessibleIntro, c.Tr.Forms.TranslationKey + " [ux-designer]", c.Tr.Forms.Archived, c.Tr.Prompts.No, c.Tr.Prompts.OnlyOne} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q is not in the prompts:\n%s", lang, want, text)
			}
		}
		e := f.Result()
		if e.Title["en"] == nil || *e.Title["en"] != "UX Lead" || e.TranslationKey != nil || e.Archived != nil || e.Title["fr"] != nil {
			t.Errorf("%s: the edit is %+v", lang, e)
		}
	}
}

// lineReader gives one line per read, as a terminal does: huh's
// accessible prompts each read with a scanner of their own.
type lineReader struct{ lines []string }

func (r *lineReader) Read(p []byte) (int, error) {
	if len(r.lines) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.lines[0])
	r.lines[0] = r.lines[0][n:]
	if r.lines[0] == "" {
		r.lines = r.lines[1:]
	}
	return n, nil
}

// Item 11: at 80 columns in French the footer dropped "? aide" and
// "q quitter"; at 60 columns problem codes, counters and the status were
// cut in the middle of a word. Now ? and q stay at every width, and the
// rest degrades in the planned order (helpScreen.Short, tabsLine,
// problemCell): whole words or an ellipsis at a word's boundary.
func TestIssue11FooterKeepsHelpAndQuitAndCutsNoWord(t *testing.T) {
	long := "Archived 2 postings in 1a2b3c4: Archive postings accessibility-specialist and delivery-manager, both languages"
	for _, tc := range []struct {
		lang                 i18n.Lang
		w, h                 int
		help, quit, back, nb string
	}{
		{i18n.EN, 120, 32, "? help", "q quit", "esc back", "24 postings"},
		{i18n.EN, 80, 24, "? help", "q quit", "esc back", "24 postings"},
		{i18n.EN, 60, 20, "? help", "q quit", "esc back", "24 postings"},
		{i18n.FR, 120, 32, "? aide", "q quitter", "esc retour", "24 offres"},
		{i18n.FR, 80, 24, "? aide", "q quitter", "esc retour", "24 offres"},
		{i18n.FR, 60, 20, "? aide", "q quitter", "esc retour", "24 offres"},
	} {
		t.Run(string(tc.lang)+"_"+itoa(tc.w), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, true), tc.lang, tc.w, tc.h)
				lines := func() []string { return strings.Split(strings.TrimSuffix(screen(a), "\n"), "\n") }
				l := lines()
				if foot := l[len(l)-1]; !strings.HasSuffix(foot, tc.help+" • "+tc.quit) || strings.Contains(foot, "…") {
					t.Errorf("the list's footer: %q", foot)
				}
				if !strings.Contains(l[0], " "+tc.nb) {
					t.Errorf("the title lost the count: %q", l[0])
				}
				if tabs := l[1]; !strings.HasSuffix(tabs, " 13/13") || strings.Contains(tabs, "…") {
					t.Errorf("the tabs line: %q", tabs)
				}
				if strings.Contains(l[2], "…") {
					t.Errorf("the column titles are cut: %q", l[2])
				}
				for _, row := range l[3 : len(l)-3] {
					if problemColumnCut(row) {
						t.Errorf("a problem code is cut in a word: %q", row)
					}
				}
				a.bar.status = long
				l = lines()
				status := l[len(l)-2]
				if len(status) < len(long) {
					if !strings.HasSuffix(status, "…") || !strings.HasPrefix(long, strings.TrimSuffix(status, "…")+" ") {
						t.Errorf("the status is cut in a word: %q", status)
					}
				}
				a.bar.status = ""
				press(a, "enter")
				if foot := lines()[len(lines())-1]; !strings.HasPrefix(foot, tc.back) || !strings.HasSuffix(foot, tc.help) {
					t.Errorf("the preview's footer: %q", foot)
				}
				checkSize(t, a, tc.w, tc.h)
			})
		})
	}
}

// problemColumnCut tells a list row whose last cell (the problems) ends
// with a word cut short: a letter right before the ellipsis, not a hyphen.
func problemColumnCut(row string) bool {
	f := strings.Fields(row)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	return strings.HasSuffix(last, "…") && !strings.HasSuffix(last, "-…") && strings.ContainsAny(last, "✗⚠")
}
