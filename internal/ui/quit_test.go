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

// startingApp is the app just started, its git states not read yet:
// with loaded, the postings read and shown (the git details that follow
// are not run); without, not even those.
func startingApp(t *testing.T, site *model.Site, lang i18n.Lang, loaded bool) *testApp {
	t.Helper()
	a := &testApp{App: New(Options{Site: site, Lang: lang, NoColor: true}), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
	t.Cleanup(a.stop)
	a.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if loaded {
		a.Update(a.store.Load("")()) // its command, the git details, is dropped
		if !a.store.loaded || a.store.StatesKnown() {
			t.Fatalf("loaded %v, states known %v", a.store.loaded, a.store.StatesKnown())
		}
	}
	return a
}

// q right after the start, before the git states were read, quit at once
// (they counted no edit) although a posting had uncommitted edits. It
// asks, in both languages, whether the list shows yet or not; n stays.
func TestQuitBeforeGitStatesAsksAboutEdits(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, loaded := range []bool{false, true} {
			t.Run(string(lang)+map[bool]string{false: "_reading", true: "_shown"}[loaded], func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					site := demoSite(t, true)
					appendToPosting(t, site, "ux-designer.md")
					a := startingApp(t, site, lang, loaded)
					press(a, "q")
					want := a.c.Tr.N(a.c.Tr.UI.QuitUnsaved, 1)
					if a.quit || a.bar.ask != want {
						t.Fatalf("quit %v, question %q, want %q:\n%s", a.quit, a.bar.ask, want, screen(a))
					}
					press(a, "n")
					if a.quit || a.bar.Asking() {
						t.Fatalf("n: quit %v, question %q", a.quit, a.bar.ask)
					}
					press(a, "q", yesKey(lang))
					if !a.quit {
						t.Error("yes did not quit")
					}
				})
			})
		}
	}
}

func yesKey(lang i18n.Lang) string {
	if lang == i18n.FR {
		return "o"
	}
	return "y"
}

// Without edits, q before the git states quits without a question.
func TestQuitBeforeGitStatesWithoutEditsQuits(t *testing.T) {
	for _, loaded := range []bool{false, true} {
		bubble(t, func(t *testing.T) {
			a := startingApp(t, demoSite(t, true), i18n.EN, loaded)
			press(a, "q")
			if !a.quit || a.bar.Asking() {
				t.Errorf("loaded %v: quit %v, question %q", loaded, a.quit, a.bar.ask)
			}
		})
	}
}

// A key after q, before the files were looked at, is the person going on
// with the app: the answer that comes after it neither quits nor asks,
// and "Looking for uncommitted edits…" is gone.
func TestQuitGivenUpByTheNextKey(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := startingApp(t, demoSite(t, true), i18n.EN, true)
		a.dispatch(keyMsg("q"))
		a.dispatch(keyMsg("down")) // before the look at the files answers
		a.settle()
		if a.quit || a.bar.Asking() {
			t.Errorf("quit %v, question %q", a.quit, a.bar.ask)
		}
		if s := screen(a); strings.Contains(s, a.c.Tr.UI.QuitChecking) {
			t.Errorf("the look at the files is still said:\n%s", s)
		}
	})
}

// When git cannot tell the states (an index it cannot read), q does not
// take that for "no edits": it says so and asks.
func TestQuitAsksWhenGitCannotTell(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		bubble(t, func(t *testing.T) {
			site := demoSite(t, true)
			if err := os.WriteFile(filepath.Join(site.Root, ".git", "index"), []byte("not an index"), 0o644); err != nil {
				t.Fatal(err)
			}
			a := newTestApp(t, site, lang, 80, 24)
			press(a, "q")
			prefix, _, _ := strings.Cut(a.c.Tr.UI.QuitUnknown, "{err}")
			if a.quit || !strings.HasPrefix(a.bar.ask, prefix) {
				t.Fatalf("%s: quit %v, question %q", lang, a.quit, a.bar.ask)
			}
			press(a, yesKey(lang))
			if !a.quit {
				t.Errorf("%s: yes did not quit", lang)
			}
		})
	}
}

// Review, 2 Dec: q before the states were read, while a task ran (a
// write), took the footer from it, and the next key ended the task's
// "busy" (its spinner, and its hold on the watcher) although it still
// ran. The task keeps the footer.
func TestQuitCheckLeavesARunningTaskBusy(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := startingApp(t, demoSite(t, true), i18n.EN, true)
		a.bar.Update(taskMsg{status: a.c.Tr.UI.Working, run: func() tea.Msg { return nil }})
		a.dispatch(keyMsg("q"))
		a.dispatch(keyMsg("down")) // the person goes on
		if !a.bar.Busy() || a.bar.status != a.c.Tr.UI.Working {
			t.Errorf("the task's footer: busy %v, status %q", a.bar.Busy(), a.bar.status)
		}
	})
}
