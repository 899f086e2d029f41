package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// flat is a screen's text with its line breaks and borders as spaces, to
// find a message wrapped over several lines.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "┃", " ")), " ")
}

// The demo's unreadable file and why, in tr's language.
func unreadableWhy(tr *i18n.Tr) string {
	return i18n.F(tr.Check.InvalidFrontMatter, "line", "4", "reason", tr.Reason.UnclosedQuote)
}

// User test, items 12 and 5: on the row of a file whose front matter
// cannot be read, e, a and t did nothing and said nothing. Each now says
// why and how to fix it, whole at 60 columns (a status just said takes the
// key help's line for its second line until the next key; the list stays
// where it was), and the help (?) shows the last status whole.
func TestKeysOnUnreadableRowSayWhy(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, true), lang, 60, 20)
				tr := a.c.Tr
				if r := a.list.Selected(); r == nil || r.Broken == nil {
					t.Fatalf("the first row is not the unreadable file")
				}
				want := flat(i18n.F(tr.Picker.ActionUnreadable, "reason", unreadableWhy(tr)))
				top := strings.SplitN(screen(a), "\n", 5)[:4]
				for _, k := range []string{"e", "a", "t"} {
					press(a, k)
					s := screen(a)
					if !strings.Contains(flat(s), want) {
						t.Errorf("%s: the footer does not say why, whole:\n%s", k, s)
					}
					if got := strings.SplitN(s, "\n", 5)[:4]; strings.Join(got, "\n") != strings.Join(top, "\n") {
						t.Errorf("%s: the list moved:\n%s", k, s)
					}
					if a.forms.Active() {
						t.Errorf("%s opened a form", k)
					}
				}
				press(a, "j") // the next key shortens it to its line again
				if lines := strings.Split(strings.TrimRight(screen(a), "\n"), "\n"); len(lines) != 20 || !strings.HasSuffix(lines[18], "…") {
					t.Errorf("after a key the status is not one line:\n%s", screen(a))
				}
				press(a, "?") // the help shows it whole
				if s := screen(a); !strings.Contains(flat(s), flat(tr.Picker.LastMessage+" "+want)) {
					t.Errorf("the help does not show the last message:\n%s", s)
				}
				press(a, "esc")
				press(a, "k", "enter") // the preview's problem lines wrap too
				if s := screen(a); !strings.Contains(flat(s), unreadableWhy(tr)) {
					t.Errorf("the preview cuts the problem:\n%s", s)
				}
			})
		})
	}
}

// User test, item 12: after E on a file that was already unreadable, the
// app said it "can no longer be read", as if the editor had broken it.
// It now says it is still unreadable, and why; or that it reads again.
func TestEditorOnUnreadableFileSaysWhatBecameOfIt(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				site := demoSite(t, true)
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				abs := filepath.Join(site.Root, unreadableDemo)
				before, err := os.ReadFile(abs)
				if err != nil {
					t.Fatal(err)
				}
				edit := func(after string) string {
					if err := os.WriteFile(abs, []byte(after), 0o644); err != nil {
						t.Fatal(err)
					}
					a.send(editorDoneMsg{path: abs, rel: unreadableDemo, before: before})
					return a.bar.status
				}
				want := i18n.WithUndoHint(tr, i18n.F(tr.Picker.EditorStillUnreadable, "path", "analyste-de-la-sécurité.md", "reason", unreadableWhy(tr)))
				if got := edit(string(before) + "\nOne more line.\n"); got != want {
					t.Errorf("still broken: %q, want %q", got, want)
				}
				fixed := "---\ntitle: Analyste\ndescription: d\n---\n\nTexte.\n"
				if got := edit(fixed); !strings.HasPrefix(got, strings.SplitN(i18n.F(tr.Picker.EditorNowReadable, "path", "analyste-de-la-sécurité.md"), "(", 2)[0]) {
					t.Errorf("fixed: %q", got)
				}
			})
		})
	}
}
