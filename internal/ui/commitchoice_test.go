package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// retitle gives an English demo posting a new title.
func retitle(t *testing.T, site *model.Site, name, from, to string) {
	t.Helper()
	p := filepath.Join(site.Root, "content", "en", "careers", "positions", name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `title = "`+from+`"`, `title = "`+to+`"`, 1)
	s = strings.Replace(s, "title: "+from+"\n", "title: "+to+"\n", 1)
	if s == string(b) {
		t.Fatalf("%s has no title %q", name, from)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// User test (flow, item 1): the commit form's message was the one for the
// files chosen when it opened: unticking data-analyst committed
// product-manager alone under "Update 2 postings: data-analyst,
// product-manager", and ticking a file left it out of the message. The
// message is now built again from the files chosen, unless the person
// wrote in it.
func TestCommitMessageFollowsTheChoice(t *testing.T) {
	cases := []struct {
		name, want string
		files      int
		keys       []string
	}{
		{"untick", "Update posting product-manager: title (en)", 1, []string{"c", "x", "enter", "enter"}},
		{"untick and tick again", "Update 2 postings: data-analyst, product-manager", 2, []string{"c", "x", "x", "enter", "enter"}},
		{"own message kept", "Update 2 postings: data-analyst, product-manager", 1, []string{"c", "tab", "M", "i", "n", "e", "shift+tab", "x", "enter", "enter"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
				retitle(t, site, "product-manager.md", "Product Manager", "Product Person")
				a := newTestApp(t, site, i18n.EN, 80, 30)
				for _, k := range tc.keys {
					if k == "shift+tab" {
						a.send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
						continue
					}
					press(a, k)
				}
				got := gitOut(t, site.Root, "log", "-1", "--format=%B")
				if !strings.HasPrefix(got, tc.want) {
					t.Errorf("message:\n%s\nwant it to begin %q (footer %q %q)", got, tc.want, a.bar.status, a.bar.err)
				}
				if tc.name == "untick" && strings.Contains(got, "data-analyst") {
					t.Errorf("the message speaks of the file left out:\n%s", got)
				}
				files := gitOut(t, site.Root, "show", "--format=", "--name-only", "HEAD")
				if n := strings.Count(files, "\n"); n != tc.files {
					t.Errorf("committed %s", files)
				}
				if own := strings.HasSuffix(strings.TrimRight(got, "\n"), "Mine"); own != (tc.name == "own message kept") {
					t.Errorf("the message written by hand is lost, or there is one:\n%s", got)
				}
			})
		})
	}
	// Ticking a file held back puts it in the message.
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
		p := filepath.Join(site.Root, unreadableDemo)
		b, _ := os.ReadFile(p)
		if err := os.WriteFile(p, append(b, "\nMore.\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		a := newTestApp(t, site, i18n.EN, 80, 30)
		press(a, "c", "down", "x", "enter", "enter", "y")
		got := gitOut(t, site.Root, "log", "-1", "--format=%B")
		if !strings.HasPrefix(got, "Update 2 postings: ") {
			t.Errorf("the file ticked is not in the message:\n%s\n%s", got, gitOut(t, site.Root, "show", "--stat", "HEAD"))
		}
	})
}

// A QA run: with every file unticked, the commit form went on to the
// message and then failed ("nothing to commit"). It now stays on the
// files and says to tick one, in the user's language.
func TestCommitFormWantsAFile(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		bubble(t, func(t *testing.T) {
			gitIdentity(t)
			site := demoSite(t, true)
			head := gitOut(t, site.Root, "rev-parse", "HEAD")
			appendToPosting(t, site, "ux-designer.md")
			a := newTestApp(t, site, lang, 100, 30)
			press(a, "c", "x", "enter")
			if s := screen(a); !a.forms.Active() || !strings.Contains(s, i18n.For(lang).UI.CommitNoFile) {
				t.Fatalf("%s: every file unticked, enter:\n%s", lang, s)
			}
			press(a, "enter", "enter")
			if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head || a.bar.err != "" {
				t.Errorf("%s: a commit was tried: %s %q", lang, got, a.bar.err)
			}
		})
	}
}

// A QA run at 120 columns: the message field opened one row short,
// scrolled to its cursor (after the last line break), and the subject
// line was out of sight. Every line of the prefilled message shows.
func TestCommitMessageShowsItsSubject(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
		a := newTestApp(t, site, i18n.EN, 120, 32)
		press(a, "c", "enter")
		a.send(tea.KeyPressMsg{Code: tea.KeyRight}) // the field scrolls to its cursor on a key
		s := screen(a)
		lines := strings.Split(strings.TrimRight(a.forms.form.(*commitForm).message, "\n"), "\n")
		if len(lines) < 3 {
			t.Fatalf("the message is not on several lines: %q", lines)
		}
		for _, want := range lines {
			if !strings.Contains(s, want) {
				t.Errorf("%q is out of sight in the message field:\n%s", want, s)
			}
		}
	})
}

// A QA run: with the line under the title always there (for "tick at
// least one file"), the list had a row too few: one of two files, or the
// only one once the error showed, was out of sight.
func TestCommitFormShowsEveryFile(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		appendToPosting(t, site, "data-analyst.md")
		a := newTestApp(t, site, i18n.EN, 80, 24)
		press(a, "c")
		for _, step := range []string{"open", "x", "down", "x", "enter"} {
			if step != "open" {
				press(a, step)
			}
			s := screen(a)
			if !strings.Contains(s, "ux-designer.md") || !strings.Contains(s, "data-analyst.md") {
				t.Fatalf("after %s, a file is out of sight:\n%s", step, s)
			}
		}
	})
}
