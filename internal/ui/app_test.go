package ui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// demoSite writes the demo site (a git repository) into a temporary folder;
// without git, the .git folder is removed.
func demoSite(t testing.TB, withGit bool) *model.Site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(dir); err != nil {
		t.Fatal(err)
	}
	if !withGit {
		os.RemoveAll(filepath.Join(dir, ".git"))
	}
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/ui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func checkSize(t *testing.T, a *testApp, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(screen(a), "\n"), "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d wide (max %d): %q", i, n, w, l)
		}
	}
}

func TestGoldenViews(t *testing.T) {
	site := demoSite(t, true)
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		w, h := size[0], size[1]
		suffix := "_" + itoa(w) + "x" + itoa(h)
		t.Run("list"+suffix, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, site, i18n.EN, w, h)
				checkSize(t, a, w, h)
				golden(t, "list_en"+suffix, screen(a))
				press(a, "L")
				golden(t, "list_fr"+suffix, screen(a))
			})
		})
		t.Run("filter"+suffix, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, site, i18n.EN, w, h)
				press(a, "/")
				typeText(a, "developpeur")
				s := screen(a)
				if !strings.Contains(s, "Développeur principal") || strings.Contains(s, "UX Designer") {
					t.Errorf("accent-insensitive filter failed:\n%s", s)
				}
				golden(t, "filter"+suffix, s)
				press(a, "esc")
				if !strings.Contains(screen(a), "UX Designer") {
					t.Error("esc did not clear the filter")
				}
			})
		})
		t.Run("preview"+suffix, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, site, i18n.EN, w, h)
				press(a, "/")
				typeText(a, "senior developer")
				press(a, "enter", "enter")
				checkSize(t, a, w, h)
				golden(t, "preview"+suffix, screen(a))
			})
		})
		t.Run("edit"+suffix, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, site, i18n.FR, w, h)
				press(a, "/")
				typeText(a, "ux")
				press(a, "enter", "e")
				golden(t, "edit_fr"+suffix, screen(a))
				press(a, "esc")
				if a.forms.Active() {
					t.Error("esc did not close the form")
				}
			})
		})
		t.Run("help"+suffix, func(t *testing.T) {
			bubble(t, func(t *testing.T) {
				a := newTestApp(t, site, i18n.EN, w, h)
				press(a, "?")
				golden(t, "help"+suffix, screen(a))
			})
		})
	}
}

func TestErrorInFooter(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		a := newTestApp(t, site, i18n.EN, 80, 24)
		press(a, "down", "a")
		s := screen(a)
		if !strings.Contains(s, "Error: this needs a git repository") {
			t.Errorf("no error in the footer:\n%s", s)
		}
		golden(t, "error_80x24", s)
		press(a, "up")
		if strings.Contains(screen(a), "Error:") {
			t.Error("the error outlived the next key")
		}
	})
}

func TestNarrowTerminalsStayClean(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		for _, w := range []int{60, 50} {
			a := newTestApp(t, site, i18n.FR, w, 20)
			checkSize(t, a, w, 20)
			press(a, "enter")
			checkSize(t, a, w, 20)
		}
		a := newTestApp(t, site, i18n.EN, 30, 8)
		if !strings.Contains(screen(a), "too small") {
			t.Errorf("tiny terminal: %q", screen(a))
		}
	})
}

// Text from files never reaches the terminal raw.
func TestControlCharactersAreShownAsPlaceholders(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		p := filepath.Join(site.Root, "content", "en", "careers", "positions", "evil.md")
		os.WriteFile(p, []byte("---\ntitle: \"Evil \\e[31mred\\e]0;pwned\\a\"\ntranslationKey: evil\n---\nBody \x1b[2J cleared?\n"), 0o644)
		a := newTestApp(t, site, i18n.EN, 140, 40)
		press(a, "/")
		typeText(a, "evil")
		press(a, "enter", "enter")
		raw := a.View().Content
		if strings.Contains(raw, "\x1b[31mred") || strings.Contains(raw, "\x1b]0;pwned") || strings.Contains(raw, "\x1b[2J") {
			t.Errorf("raw escape sequences reached the view")
		}
		if s := screen(a); !strings.Contains(s, "␛[31mred") || !strings.Contains(s, "␛[2J") {
			t.Errorf("placeholders missing:\n%s", s)
		}
	})
}

func TestArchiveAndUndoFromTheList(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		t.Setenv("GIT_AUTHOR_NAME", "T")
		t.Setenv("GIT_AUTHOR_EMAIL", "t@example.org")
		t.Setenv("GIT_COMMITTER_NAME", "T")
		t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")
		a := newTestApp(t, site, i18n.EN, 100, 30)
		press(a, "/")
		typeText(a, "ux designer")
		press(a, "enter", "a")
		if !strings.Contains(a.bar.status, "Archived and committed") {
			t.Fatalf("status %q, error %q", a.bar.status, a.bar.err)
		}
		if r := a.list.Selected(); r == nil || r.State != app.RowArchived {
			t.Errorf("row not archived after reload: %+v", r)
		}
		press(a, "u")
		if !strings.HasPrefix(a.bar.status, "Undone") {
			t.Fatalf("undo: status %q, error %q", a.bar.status, a.bar.err)
		}
	})
}

// On the real corpus many postings have several files per language: the
// sub-rows must never push the selected row off the screen.
func TestCursorStaysVisibleWithSubRows(t *testing.T) {
	bubble(t, func(t *testing.T) {
		dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
		site, err := model.OpenSite(dir, model.SiteOptions{})
		if err != nil {
			t.Skipf("real corpus not found beside the checkout: %v", err)
		}
		a := newTestApp(t, site, i18n.EN, 80, 24)
		for i := 0; i < len(a.list.visible)+3; i++ {
			r := a.list.Selected()
			s := screen(a)
			if r == nil {
				t.Fatalf("step %d: nothing selected", i)
			}
			var line string
			for _, l := range strings.Split(s, "\n") {
				if strings.HasPrefix(l, "›") {
					line = l
				}
			}
			want := []rune(a.c.Tr.UI.Missing)
			if len(r.Left) > 0 {
				want = []rune(common.SafeLine(r.Left[0].Title))
			}
			if line == "" || !strings.Contains(line, string(want[:min(10, len(want))])) {
				t.Fatalf("step %d: row %s is not on screen as the selected row:\n%s", i, r.ID, s)
			}
			checkSize(t, a, 80, 24)
			press(a, "down")
		}
	})
}

func TestNewPostingForm(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, false)
		for _, size := range [][2]int{{80, 24}, {140, 40}} {
			a := newTestApp(t, site, i18n.EN, size[0], size[1])
			press(a, "n")
			golden(t, "new_"+itoa(size[0])+"x"+itoa(size[1]), screen(a))
			typeText(a, "Data Engineer")
			press(a, "enter", "enter")
			typeText(a, "Ingénieur de données")
			press(a, "enter", "enter", "enter")
			typeText(a, "not-a-uuid")
			press(a, "enter")
			if s := screen(a); !strings.Contains(s, "must be empty or a UUID") {
				t.Errorf("no validation message:\n%s", s)
			}
			press(a, "esc", "y") // esc asks first: there are typed edits
			if a.forms.Active() {
				t.Error("esc, y did not close the form")
			}
		}
	})
}

func TestFoldMatchesUnicodeFolding(t *testing.T) {
	for _, s := range []string{"Développeur", "ÉLÈVE Œuvre", "Chef d’équipe", "naïve façade", "Straße", "Ångström", "日本", "ǅ", "ABC xyz", ""} {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x250; r++ {
		if got, want := fold(string(r)), foldSlow(string(r)); got != want {
			t.Errorf("fold(%U) = %q, want %q", r, got, want)
		}
	}
}

// The list shows before git is asked; the git states and the history
// problems follow, and survive a change of language.
func TestGitDetailsFollowTheList(t *testing.T) {
	bubble(t, func(t *testing.T) {
		site := demoSite(t, true)
		a := &testApp{App: New(Options{Site: site, Lang: i18n.EN, NoColor: true}), msgs: make(chan tea.Msg, 64), done: make(chan struct{})}
		defer a.stop()
		a.send(tea.WindowSizeMsg{Width: 140, Height: 40})
		_, next := a.Update(a.store.Load("")())
		if !a.store.loaded || a.store.states != nil {
			t.Fatalf("first phase: loaded %v, states %v", a.store.loaded, a.store.states)
		}
		stale := func() string {
			for _, p := range a.store.cat.Problems {
				if p.Code == model.CodeStaleTranslation {
					return i18n.ProblemText(a.c.Tr, p)
				}
			}
			return ""
		}
		if stale() != "" {
			t.Error("history problems before git was asked")
		}
		a.run(next)
		a.settle()
		if a.store.states == nil || a.store.print == "" {
			t.Fatal("no git details")
		}
		en := stale()
		if en == "" {
			t.Fatal("no stale-translation problem on the demo site")
		}
		checked := a.store.cat
		press(a, "L")
		if fr := stale(); fr == "" || fr == en {
			t.Errorf("after L: %q (English was %q)", fr, en)
		}
		if a.store.cat != checked {
			t.Error("a change of language checked again: it must only re-render")
		}
	})
}
