package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// Two file names of the real corpus that differ only near their end.
var lookAlikes = []string{
	"développeur-de-l’ifs-sre-de-plateformes--b732c1c5-2ba7-431b-b4cb-b05ae9e4d1fb.md",
	"développeur-de-l’ifs-sre-d’alerte-covid--9d96ac9e-2dce-4be3-9f31-279f5f26e19a.md",
}

// addLookAlikes writes two new French postings with those names.
func addLookAlikes(t *testing.T, site *model.Site) {
	t.Helper()
	for i, name := range lookAlikes {
		body := "---\ntitle: Développeur " + itoa(i) + "\ndescription: d\ntranslationKey: sre-" + itoa(i) + "\narchived: true\n---\n\nTexte.\n"
		if err := os.WriteFile(filepath.Join(site.Root, "content", "fr", "careers", "positions", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pickerRows are the screen's lines that show one of the look-alike files.
func pickerRows(s string) []string {
	var rows []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "[•]") || strings.Contains(l, "[ ]") {
			rows = append(rows, l)
		}
	}
	return rows
}

// checkRows: one row per file, each whole on its line (the state tag
// closes it), no two alike, none wider than the screen.
func checkRows(t *testing.T, s string, w int, tag string) {
	t.Helper()
	rows := pickerRows(s)
	if len(rows) != len(lookAlikes) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(lookAlikes), s)
	}
	if rows[0] == rows[1] || strings.TrimLeft(rows[0], "┃ >") == strings.TrimLeft(rows[1], "┃ >") {
		t.Errorf("the two files look alike:\n%s", s)
	}
	for _, r := range rows {
		if !strings.HasSuffix(r, "("+tag+")") || !strings.Contains(r, "fr  ") || ansi.StringWidth(r) > w {
			t.Errorf("row not whole at %d columns: %q", w, r)
		}
	}
}

// User test, item 6: the commit picker cut file names so that two files
// looked the same, cut the state tag ("(mo"), and kept its layout after a
// resize. Each row now tells its file apart at every width, the tag
// whole, and is laid out again at once on resize.
func TestCommitPickerTellsFilesApartAtEveryWidth(t *testing.T) {
	sizes := [][2]int{{60, 20}, {80, 24}, {120, 32}}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, sz := range sizes {
			t.Run(string(lang)+"_"+itoa(sz[0]), func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					site := demoSite(t, true)
					addLookAlikes(t, site)
					a := newTestApp(t, site, lang, sz[0], sz[1])
					press(a, "c")
					checkRows(t, screen(a), sz[0], a.c.Tr.UI.New)
					other := map[int][2]int{60: sizes[2], 80: sizes[0], 120: sizes[1]}[sz[0]]
					a.send(tea.WindowSizeMsg{Width: other[0], Height: other[1]})
					checkRows(t, screen(a), other[0], a.c.Tr.UI.New)
				})
			})
		}
	}
}

const unreadableDemo = "content/fr/careers/positions/analyste-de-la-sécurité.md"

// User test, item 7: a file whose front matter cannot be read was offered
// like any other, chosen, with a message and no warning. The picker now
// says why it cannot be read, leaves it out of the default choice and the
// message, and committing it anyway asks first.
func TestCommitPickerHoldsBackUnreadableFile(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				for _, rel := range []string{unreadableDemo, "content/en/careers/positions/data-analyst.md"} {
					f, err := os.OpenFile(filepath.Join(site.Root, rel), os.O_APPEND|os.O_WRONLY, 0)
					if err != nil {
						t.Fatal(err)
					}
					f.WriteString("\nMore.\n")
					f.Close()
				}
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				press(a, "c")
				s := screen(a)
				flat := strings.Join(strings.Fields(strings.ReplaceAll(s, "┃", "")), " ")
				reason := i18n.F(tr.Check.InvalidFrontMatter, "line", "4", "reason", tr.Reason.UnclosedQuote)
				note := strings.Join(strings.Fields(i18n.F(tr.Picker.UnreadableNote, "name", "analyste-de-la-sécurité.md", "reason", reason)), " ")
				if !strings.Contains(flat, note) || !strings.Contains(s, "[ ] fr  analyste-de-la-sécurité.md  ("+tr.UI.Modified+", "+tr.Picker.Unreadable+")") {
					t.Fatalf("the unreadable file is not marked, or chosen:\n%s", s)
				}
				if strings.Contains(s, "security") || strings.Contains(s, "(fr)") {
					t.Errorf("the message speaks of the unreadable file:\n%s", s)
				}
				press(a, "enter", "enter")
				if st := gitOut(t, site.Root, "status", "--porcelain"); st != " M "+unreadableDemo+"\n" {
					t.Fatalf("status after the commit:\n%s(footer %q %q)", st, a.bar.status, a.bar.err)
				}
				press(a, "c", "x", "enter", "enter") // chosen on purpose: asked
				if !a.bar.Asking() || !strings.Contains(a.bar.ask, "analyste-de-la-sécurité.md") {
					t.Fatalf("no question before committing it: %q\n%s", a.bar.ask, screen(a))
				}
				press(a, "n")
				if st := gitOut(t, site.Root, "status", "--porcelain"); st != " M "+unreadableDemo+"\n" {
					t.Fatalf("committed after no:\n%s", st)
				}
			})
		})
	}
}

// User test, item 14: the commit form's message field was one line, so
// a message of several lines was committed squashed ("Add posting k  -
// en: … - fr: …"). It now keeps its lines.
func TestCommitMessageKeepsItsLines(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		addLookAlikes(t, site)
		a := newTestApp(t, site, i18n.EN, 80, 24)
		press(a, "c", "enter", "enter")
		got := gitOut(t, site.Root, "log", "-1", "--format=%B")
		want := "Add 2 postings: sre-0, sre-1\n\n- sre-0 (new): Développeur 0\n- sre-1 (new): Développeur 1\n"
		if strings.TrimRight(got, "\n") != strings.TrimRight(want, "\n") {
			t.Errorf("message:\n%q\nwant\n%q", got, want)
		}
	})
}
