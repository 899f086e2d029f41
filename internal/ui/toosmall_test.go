package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
)

// A user test: at 30x8 the app said only that the terminal is too small,
// yet a archived the posting no one could see (a commit), and the other
// keys acted as well. There, keys do nothing but quit; once the terminal
// is large enough again they act as before.
func TestTooSmallKeysDoNothingButQuit(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				head := gitOut(t, site.Root, "rev-parse", "HEAD")
				a := newTestApp(t, site, lang, 30, 8)
				tr := a.c.Tr
				press(a, "j", "j", "a", "y", "space", "a", "y", "d", "y", "o", "x", "y", "enter", "a", "y", "esc", "L", "/")
				typeText(a, "ux designer")
				press(a, "enter", "a", "y")
				if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head {
					t.Errorf("a commit was made on a screen too small to show it:\n%s", gitOut(t, site.Root, "log", "--oneline", "-3"))
				}
				if st := gitOut(t, site.Root, "status", "--porcelain"); st != "" || a.c.Tr.Lang != lang || a.bar.Asking() {
					t.Errorf("keys acted: status %q, language %s, question %q", st, a.c.Tr.Lang, a.bar.ask)
				}
				if s := screen(a); !strings.Contains(s, strings.SplitN(tr.UI.SmallTerminal, " ", 3)[1]) {
					t.Errorf("the screen does not say it is too small:\n%s", s)
				}
				// Large enough again: the same keys act.
				a.send(tea.WindowSizeMsg{Width: 80, Height: 24})
				press(a, "/")
				typeText(a, "ux designer")
				press(a, "enter", "a")
				if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got == head {
					t.Errorf("a does not archive at 80x24 (status %q, error %q)", a.bar.status, a.bar.err)
				}
				// Small again: q still quits.
				a.send(tea.WindowSizeMsg{Width: 30, Height: 8})
				press(a, "q")
				if !a.quit {
					t.Errorf("q does not quit on a screen too small")
				}
			})
		})
	}
}

// A user test: at 30 columns the message said "The terminal is too
// small: …", the size to reach cut off. It is wrapped between words, in
// both languages, at 30x8 and 20x6.
func TestTooSmallSaysTheSizeToReach(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, size := range [][2]int{{30, 8}, {20, 6}} {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, demoSite(t, false), lang, size[0], size[1])
				if s := screen(a); !strings.Contains(flat(s), a.c.Tr.UI.SmallTerminal) {
					t.Errorf("%s at %dx%d, the message is not whole:\n%s", lang, size[0], size[1], s)
				}
				checkSize(t, a, size[0], size[1])
			})
		}
	}
}
