package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
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
