package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// Issue 11, item 1: space on a row, then / a filter that hides it, then a:
// the hidden row was archived and committed, the visible row under the
// cursor was not; at 60 columns nothing on screen said so; esc did not
// clear the marks. Now the action acts on what the list shows, says what it
// left out, the marks stay in sight at 60 columns, and esc unmarks.
func TestIssue11HiddenMarksAreNotActedOn(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		t.Run(string(lang), func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				gitIdentity(t)
				site := demoSite(t, true)
				head := strings.TrimSpace(gitOut(t, site.Root, "rev-parse", "HEAD"))
				a := newTestApp(t, site, lang, 60, 20)
				tr := a.c.Tr
				press(a, "/")
				typeText(a, "delivery")
				press(a, "enter", "space", "esc")
				marked := tr.N(tr.Flow.MarksLine, 1)
				if s := screen(a); !strings.Contains(s, marked) {
					t.Fatalf("the mark is not on screen at 60 columns:\n%s", s)
				}
				press(a, "/")
				typeText(a, "senior")
				press(a, "enter")
				hidden := marked + " (" + tr.N(tr.Flow.MarksHidden, 1) + ")"
				if s := screen(a); !strings.Contains(s, hidden) {
					t.Fatalf("the screen does not say the filter hides the mark:\n%s", s)
				}
				checkSize(t, a, 60, 20)
				press(a, "a")
				if !strings.HasPrefix(a.bar.status, tr.N(tr.Flow.MarksLeftOut, 1)) {
					t.Errorf("the status does not say first what was left out: %q (error %q)", a.bar.status, a.bar.err)
				}
				files := gitOut(t, site.Root, "show", "--name-only", "--format=", "HEAD")
				if strings.Contains(files, "delivery-manager") || !strings.Contains(files, "senior-developer") {
					t.Errorf("the commit touched the hidden row or missed the visible one:\n%s", files)
				}
				if n := strings.Count(gitOut(t, site.Root, "log", "--format=%H", head+"..HEAD"), "\n"); n != 1 {
					t.Errorf("%d commits, want 1", n)
				}
				// The hidden mark is still there; esc clears the filter, then
				// the marks, and says so.
				if s := screen(a); !strings.Contains(s, hidden) {
					t.Errorf("the hidden mark went without being acted on:\n%s", s)
				}
				press(a, "esc")
				if s := screen(a); !strings.Contains(s, marked) || strings.Contains(s, tr.N(tr.Flow.MarksHidden, 1)) {
					t.Errorf("after esc (filter cleared):\n%s", s)
				}
				press(a, "esc")
				if len(a.list.marked) != 0 || strings.Contains(screen(a), marked) || a.bar.status != tr.N(tr.Flow.Unmarked, 1) {
					t.Errorf("esc did not unmark: marks %v, status %q\n%s", a.list.marked, a.bar.status, screen(a))
				}
			})
		})
	}
}

// Issue 11, item 1: "unmark all" is in sight while there are marks.
func TestIssue11UnmarkAllIsShown(t *testing.T) {
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, demoSite(t, false), i18n.FR, 80, 24)
		if strings.Contains(screen(a), a.c.Tr.Flow.UnmarkAll) {
			t.Fatalf("unmark all offered without marks:\n%s", screen(a))
		}
		press(a, "down", "space")
		if s := screen(a); !strings.Contains(s, "esc "+a.c.Tr.Flow.UnmarkAll) {
			t.Errorf("no unmark all in sight:\n%s", s)
		}
		press(a, "?")
		if s := screen(a); !strings.Contains(s, a.c.Tr.Flow.UnmarkAll) {
			t.Errorf("the help does not list unmark all:\n%s", s)
		}
	})
}

// A mark counts only what the list holds: a marked posting removed (here
// on disk, then reloaded) leaves no mark behind to be counted or acted on.
func TestMarksOfRemovedPostingsGo(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		a := newTestApp(t, site, i18n.EN, 80, 24)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "space", "esc")
		if !strings.Contains(screen(a), "● 1 marked") {
			t.Fatalf("no mark:\n%s", screen(a))
		}
		for _, p := range []string{"content/en/careers/positions/ux-designer.md", "content/fr/careers/positions/designer-ux.md"} {
			if err := os.Remove(filepath.Join(site.Root, p)); err != nil {
				t.Fatal(err)
			}
		}
		press(a, "ctrl+r")
		if s := screen(a); strings.Contains(s, "marked") || len(a.list.marked) != 0 {
			t.Errorf("the mark of a removed posting stayed:\n%s", s)
		}
	})
}
