package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// hooks gives the site's repository a pre-commit and a post-commit hook
// that print on stdout and stderr, one of them an escape sequence.
func hooks(t *testing.T, site *model.Site) {
	t.Helper()
	dir := filepath.Join(site.Root, ".git", "hooks")
	os.MkdirAll(dir, 0o755)
	for name, body := range map[string]string{
		"pre-commit":  "echo 'pre out'\nprintf 'pre err \\033[31mred\\n' >&2\n",
		"post-commit": "echo 'post out'\necho 'post err' >&2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// User test (flow 2, item 1): what the hooks printed was never shown after
// a commit made in the app (a, c). It follows the status, made safe, and
// is the help's last message too.
func TestHookOutputFollowsTheCommit(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, keys := range [][]string{{"a"}, {"c", "enter", "enter"}} {
			t.Run(string(lang)+" "+keys[0], func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					gitIdentity(t)
					site := demoSite(t, true)
					hooks(t, site)
					if keys[0] == "c" {
						retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
					}
					a := newTestApp(t, site, lang, 80, 24)
					press(a, "/")
					typeText(a, "ux designer")
					press(a, "enter")
					press(a, keys...)
					tr := a.c.Tr
					said := strings.SplitN(tr.UI.HookOutput, "{", 2)[0]
					st := a.bar.status
					for _, want := range []string{said, "pre out", "pre err ␛[31mred", "post out", "post err"} {
						if !strings.Contains(st, want) {
							t.Errorf("status %q (error %q) lacks %q", st, a.bar.err, want)
						}
					}
					if strings.Contains(st, "\x1b") {
						t.Errorf("a raw escape sequence in the status: %q", st)
					}
					// Two sentences, not one run on ("…Designer UX What git…").
					if i := strings.Index(st, " "+said); i < 1 || !strings.ContainsAny(st[i-1:i], ".?!") {
						t.Errorf("the hooks' words run on from the status: %q", st)
					}
					if !strings.HasSuffix(st, "post err") {
						t.Errorf("the hooks' last words are not as git gave them: %q", st)
					}
					if strings.Index(st, said) < strings.Index(st, gitOut(t, site.Root, "log", "-1", "--format=%h")[:7]) {
						t.Errorf("the hooks' words come before the commit: %q", st)
					}
					press(a, "?")
					if s := flat(screen(a)); !strings.Contains(s, flat(tr.Picker.LastMessage)) || !strings.Contains(s, "post err") {
						t.Errorf("the help's last message lacks the hooks' words:\n%s", screen(a))
					}
				})
			})
		}
	}
}

// User test (flow 2, item 2): after a, an edit of the posting's file made
// outside, u asked whether to include it; n said "Nothing changed." and u
// then said "Nothing to undo.": the undo was forgotten. After n it stays
// on offer (and the redo after an undo likewise).
func TestNoKeepsTheUndoOnOffer(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				a := newTestApp(t, site, lang, 80, 24)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "ux designer")
				press(a, "enter", "a")
				head := gitOut(t, site.Root, "rev-parse", "HEAD")
				appendToPosting(t, site, "ux-designer.md")
				ask := strings.SplitN(tr.N(tr.UI.IncludeEdits, 1, "paths", "ux-designer.md"), "(", 2)[0]
				for i := range 2 {
					press(a, "u")
					if !strings.HasPrefix(a.bar.ask, ask) {
						t.Fatalf("u #%d: question %q, status %q, error %q", i+1, a.bar.ask, a.bar.status, a.bar.err)
					}
					press(a, "n")
					if a.bar.status != tr.UI.NoChange || gitOut(t, site.Root, "rev-parse", "HEAD") != head {
						t.Fatalf("n: status %q, error %q", a.bar.status, a.bar.err)
					}
				}
				press(a, "u", yesKey(lang))
				if !strings.Contains(a.bar.status, strings.SplitN(tr.UI.UndoneByCommit, " {", 2)[0]) {
					t.Fatalf("u, y: status %q, error %q", a.bar.status, a.bar.err)
				}
				// the redo asks too (the file is edited again), and n keeps it
				appendToPosting(t, site, "ux-designer.md")
				press(a, "u")
				if !strings.HasPrefix(a.bar.ask, ask) {
					t.Fatalf("redo: question %q, status %q, error %q", a.bar.ask, a.bar.status, a.bar.err)
				}
				press(a, "n", "u")
				if !strings.HasPrefix(a.bar.ask, ask) {
					t.Errorf("u after n to the redo: question %q, status %q", a.bar.ask, a.bar.status)
				}
			})
		})
	}
}

// User test (flow 2, item 5): in the commit form, n to "Commit 1 file
// whose front matter cannot be read…?" closed the whole form, the
// message typed lost. No brings the form back, that file unticked and the
// message kept.
func TestNoToUnreadableBringsTheFormBack(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, own := range []bool{false, true} {
			t.Run(string(lang)+map[bool]string{false: " prefilled", true: " own message"}[own], func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					gitIdentity(t)
					site := demoSite(t, true)
					retitle(t, site, "data-analyst.md", "Data Analyst", "Data Person")
					p := filepath.Join(site.Root, unreadableDemo)
					b, _ := os.ReadFile(p)
					if err := os.WriteFile(p, append(b, "\nMore.\n"...), 0o644); err != nil {
						t.Fatal(err)
					}
					head := gitOut(t, site.Root, "rev-parse", "HEAD")
					a := newTestApp(t, site, lang, 80, 30)
					tr := a.c.Tr
					press(a, "c", "down", "x", "enter")
					if own {
						typeText(a, "Mine")
					}
					press(a, "enter", "n")
					if !a.forms.Active() || gitOut(t, site.Root, "rev-parse", "HEAD") != head {
						t.Fatalf("after n the form is gone: status %q, error %q\n%s", a.bar.status, a.bar.err, screen(a))
					}
					if want := tr.N(tr.Picker.UnreadableUnticked, 1, "names", "analyste-de-la-sécurité.md"); a.bar.status != want {
						t.Errorf("status %q, want %q", a.bar.status, want)
					}
					f, ok := a.forms.form.(*commitForm)
					if !ok {
						t.Fatalf("the form is a %T", a.forms.form)
					}
					if len(f.chosen) != 1 || !strings.HasSuffix(f.chosen[0], "data-analyst.md") {
						t.Errorf("chosen %v, want data-analyst.md alone", f.chosen)
					}
					press(a, "enter", "enter")
					msg := gitOut(t, site.Root, "log", "-1", "--format=%B")
					files := gitOut(t, site.Root, "show", "--format=", "--name-only", "HEAD")
					if strings.Count(files, "\n") != 1 || !strings.Contains(files, "data-analyst.md") {
						t.Errorf("committed %q (status %q, error %q)", files, a.bar.status, a.bar.err)
					}
					if own && !strings.HasSuffix(strings.TrimSpace(msg), "Mine") || !own && (strings.Contains(msg, "analyste-de-la") || !strings.HasPrefix(msg, "Update posting data-analyst")) {
						t.Errorf("message %q", msg)
					}
				})
			})
		}
	}
}

// A user test: after a commit at 80 columns, the footer kept two lines and
// cut what the hooks said after a few words ("…said: pre-commit:
// checking…"). Just said, it is wrapped whole between words (up to half
// the screen, as an error), at 120x32, 80x24 and 60x20, in both languages;
// the next key brings the key help back.
func TestHookOutputReadsWhole(t *testing.T) {
	said := []string{"pre-commit: checking front matter of the staged postings with the team's linter, version 2.3.1",
		"All 2 files passed the accessibility-specialist lint rules; no warnings.",
		"post-commit: notified the recruitment channel about the change"}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, size := range [][2]int{{120, 32}, {80, 24}, {60, 20}} {
			t.Run(fmt.Sprintf("%s %dx%d", lang, size[0], size[1]), func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					gitIdentity(t)
					site := demoSite(t, true)
					dir := filepath.Join(site.Root, ".git", "hooks")
					os.MkdirAll(dir, 0o755)
					hook := "#!/bin/sh\necho \"" + said[0] + "\"\necho \"" + said[1] + "\" >&2\n"
					os.WriteFile(filepath.Join(dir, "pre-commit"), []byte(hook), 0o755)
					os.WriteFile(filepath.Join(dir, "post-commit"), []byte("#!/bin/sh\necho \""+said[2]+"\"\n"), 0o755)
					a := newTestApp(t, site, lang, size[0], size[1])
					press(a, "/")
					typeText(a, "ux designer")
					press(a, "enter", "a")
					s := screen(a)
					if want := strings.Join(said, " · "); !strings.Contains(flat(s), want) {
						t.Errorf("the hooks' words are not read whole:\n%s", s)
					}
					checkSize(t, a, size[0], size[1])
					press(a, "j")
					help := ansi.Strip(a.help.Short(a.shortHelp(), size[0]))
					if s := screen(a); !strings.HasSuffix(strings.TrimRight(s, "\n"), help) {
						t.Errorf("the key help is not back after a key:\n%s", s)
					}
					checkSize(t, a, size[0], size[1])
				})
			})
		}
	}
}
