package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// filterList keeps the rows that match text in the list.
func filterList(a *testApp, text string) {
	press(a, "/")
	typeText(a, text)
	press(a, "enter")
}

// burst types keys in one breath: each reaches Update before what the one
// before it started has come back.
func burst(a *testApp, keys ...string) {
	for _, k := range keys {
		a.dispatch(keyMsg(k))
	}
	a.settle()
}

// A QA run in tmux: keys typed in the same breath as e went to the list
// behind the form, which opens a message or two later: "ea" archived and
// committed the posting, and the form then said "Nothing changed."; e
// then ctrl+c quit the app. They now wait for the form, and reach it.
func TestKeysTypedBeforeTheFormReachIt(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		head := gitOut(t, site.Root, "rev-parse", "HEAD")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		filterList(a, "ux designer")
		burst(a, "e", "a")
		if !a.forms.Active() {
			t.Fatalf("no form after e:\n%s", screen(a))
		}
		if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head {
			t.Fatalf("the a typed after e archived:\n%s", gitOut(t, site.Root, "log", "-1", "--stat"))
		}
		if s := screen(a); !strings.Contains(s, "ux-designera") {
			t.Errorf("the a typed after e is not in the form's first field:\n%s", s)
		}
		press(a, "esc") // the form asks before throwing the typed a away
		press(a, "y")

		burst(a, "e", "ctrl+c")
		if a.quit || a.forms.Active() {
			t.Fatalf("e then ctrl+c: quit %v, form open %v\n%s", a.quit, a.forms.Active(), screen(a))
		}
		if a.bar.status != "Nothing changed." {
			t.Errorf("e then ctrl+c: status %q", a.bar.status)
		}
		if st := gitOut(t, site.Root, "status", "--porcelain"); st != "" {
			t.Errorf("files changed: %s", st)
		}
	})
}

// The keys after an action's question answer it, as if typed once it was
// asked: "xy" removes the posting.
func TestKeysTypedBeforeTheQuestionAnswerIt(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		a := newTestApp(t, site, i18n.EN, 100, 30)
		filterList(a, "ux designer")
		burst(a, "x", "y")
		if log := gitOut(t, site.Root, "log", "-1", "--format=%s"); !strings.HasPrefix(log, "Remove posting ux-designer") {
			t.Errorf("x then y: the last commit is %q\n%s", log, screen(a))
		}
	})
}

// x says how many files go, not only how many postings: a QA run was
// asked about 1 posting, and its 3 files went (two French ones).
func TestRemoveQuestionCountsTheFiles(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		a := newTestApp(t, site, i18n.FR, 120, 30)
		filterList(a, "ux designer")
		press(a, "x")
		if want := "Supprimer 1 offre dans toutes les langues (ux-designer), 2 fichiers ? (o/n)"; !strings.Contains(strings.Join(strings.Fields(screen(a)), " "), want) {
			t.Errorf("the question is not %q:\n%s", want, screen(a))
		}
	})
}

// Keys typed before the editor opens cannot reach it (it reads the
// terminal): they are dropped, never given to the list behind it ("Efa"
// would have archived the posting).
func TestKeysTypedBeforeTheEditorAreDropped(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		head := gitOut(t, site.Root, "rev-parse", "HEAD")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		filterList(a, "ux designer")
		a.dispatch(keyMsg("E"))
		a.dispatch(keyMsg("f")) // the picker's French file
		a.dispatch(keyMsg("a"))
		a.settle()
		if got := gitOut(t, site.Root, "rev-parse", "HEAD"); got != head || a.typed.on || len(a.typed.keys) > 0 {
			t.Errorf("a typed before the editor: HEAD %s (was %s), holding %v %v", got, head, a.typed.on, a.typed.keys)
		}
	})
}

// "aa" in one breath does what a then a does: archive, then unarchive
// (two commits); the second a waited for the list read again.
func TestArchiveTwiceInOneBreath(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		head := strings.TrimSpace(gitOut(t, site.Root, "rev-parse", "HEAD"))
		a := newTestApp(t, site, i18n.EN, 100, 30)
		filterList(a, "ux designer")
		burst(a, "a", "a")
		if n := strings.Count(gitOut(t, site.Root, "log", "--format=%s", head+"..HEAD"), "\n"); n != 2 || a.bar.err != "" {
			t.Errorf("aa made %d commits (error %q):\n%s", n, a.bar.err, gitOut(t, site.Root, "log", "--format=%s", head+"..HEAD"))
		}
	})
}

// x refuses before its question what the removal would refuse after it
// (a QA run: asked, "y", then refused): uncommitted edits, an unreadable
// file.
func TestRemoveRefusesBeforeAsking(t *testing.T) {
	bubble(t, func(t *testing.T) {
		gitIdentity(t)
		site := demoSite(t, true)
		appendToPosting(t, site, "ux-designer.md")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		for _, name := range []string{"ux designer", "security analyst"} {
			filterList(a, name)
			press(a, "x")
			if a.bar.Asking() || a.bar.err == "" {
				t.Errorf("%s: x asked (%v) or said no error (%q):\n%s", name, a.bar.Asking(), a.bar.err, screen(a))
			}
			press(a, "esc")
		}
	})
}
