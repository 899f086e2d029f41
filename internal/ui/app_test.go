package ui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
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

// run executes a command and feeds its messages back, as Bubble Tea would,
// leaving out the timers (spinner, file watcher).
func run(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if timerCmd(cmd) {
		return // a timer (cursor blink, spinner, watcher): never fired in tests
	}
	msg := cmd()
	switch m := msg.(type) {
	case tea.BatchMsg:
		for _, c := range m {
			run(a, c)
		}
	case nil:
	default:
		if cmds, ok := sequence(msg); ok {
			for _, c := range cmds {
				run(a, c)
			}
			return
		}
		if isTimer(msg) {
			return
		}
		_, next := a.Update(msg)
		run(a, next)
	}
}

func isTimer(msg tea.Msg) bool {
	switch msg.(type) {
	case watchMsg:
		return true
	}
	name := strings.ToLower(typeName(msg))
	return strings.Contains(name, "tick") || strings.Contains(name, "blink")
}

func typeName(v any) string {
	return strings.TrimPrefix(strings.TrimPrefix(fmtType(v), "*"), "spinner.")
}

// newTestApp opens the app on site at a size, loaded.
func newTestApp(t testing.TB, site *model.Site, lang i18n.Lang, w, h int) *App {
	t.Helper()
	a := New(Options{Site: site, Lang: lang, NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(a, a.loadCmd(""))
	if !a.loaded {
		t.Fatalf("not loaded: %s", a.errText)
	}
	return a
}

func press(a *App, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		default:
			r := []rune(k)
			msg = tea.KeyPressMsg{Code: r[0], Text: k}
		}
		_, cmd := a.Update(msg)
		run(a, cmd)
	}
}

func typeText(a *App, s string) {
	for _, r := range s {
		press(a, string(r))
	}
}

// screen is the view as a person reads it: no escape codes, the site's
// temporary path replaced, trailing spaces dropped.
func screen(a *App) string {
	out := ansi.Strip(a.View().Content)
	out = strings.ReplaceAll(out, a.opt.Site.Root, "SITE")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
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

func checkSize(t *testing.T, a *App, w, h int) {
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
			a := newTestApp(t, site, i18n.EN, w, h)
			checkSize(t, a, w, h)
			golden(t, "list_en"+suffix, screen(a))
			press(a, "L")
			golden(t, "list_fr"+suffix, screen(a))
		})
		t.Run("filter"+suffix, func(t *testing.T) {
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
		t.Run("preview"+suffix, func(t *testing.T) {
			a := newTestApp(t, site, i18n.EN, w, h)
			press(a, "/")
			typeText(a, "senior developer")
			press(a, "enter", "enter")
			checkSize(t, a, w, h)
			golden(t, "preview"+suffix, screen(a))
		})
		t.Run("edit"+suffix, func(t *testing.T) {
			a := newTestApp(t, site, i18n.FR, w, h)
			press(a, "/")
			typeText(a, "ux")
			press(a, "enter", "e")
			golden(t, "edit_fr"+suffix, screen(a))
			press(a, "esc")
			if a.mode != modeList {
				t.Error("esc did not close the form")
			}
		})
		t.Run("help"+suffix, func(t *testing.T) {
			a := newTestApp(t, site, i18n.EN, w, h)
			press(a, "?")
			golden(t, "help"+suffix, screen(a))
		})
	}
}

func TestErrorInFooter(t *testing.T) {
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
}

func TestNarrowTerminalsStayClean(t *testing.T) {
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
}

// Text from files never reaches the terminal raw.
func TestControlCharactersAreShownAsPlaceholders(t *testing.T) {
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
}

func TestArchiveAndUndoFromTheList(t *testing.T) {
	site := demoSite(t, true)
	t.Setenv("GIT_AUTHOR_NAME", "T")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "T")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")
	a := newTestApp(t, site, i18n.EN, 100, 30)
	press(a, "/")
	typeText(a, "ux designer")
	press(a, "enter", "a")
	if !strings.Contains(a.status, "Archived and committed") {
		t.Fatalf("status %q, error %q", a.status, a.errText)
	}
	if r := a.list.selected(); r == nil || r.state != 1 {
		t.Errorf("row not archived after reload: %+v", r)
	}
	press(a, "u")
	if !strings.Contains(a.status, "Unarchived and committed") {
		t.Fatalf("undo: status %q, error %q", a.status, a.errText)
	}
}

// On the real corpus many postings have several files per language: the
// sub-rows must never push the selected row off the screen.
func TestCursorStaysVisibleWithSubRows(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Skipf("real corpus not found beside the checkout: %v", err)
	}
	a := newTestApp(t, site, i18n.EN, 80, 24)
	for i := 0; i < len(a.list.visible)+3; i++ {
		r := a.list.selected()
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
		if len(r.left) > 0 {
			want = []rune(sanitizeLine(r.left[0].Title))
		}
		if line == "" || !strings.Contains(line, string(want[:min(10, len(want))])) {
			t.Fatalf("step %d: row %s is not on screen as the selected row:\n%s", i, r.id, s)
		}
		checkSize(t, a, 80, 24)
		press(a, "down")
	}
}

func TestNewPostingForm(t *testing.T) {
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
		press(a, "esc")
		if a.mode != modeList {
			t.Error("esc did not close the form")
		}
	}
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
	site := demoSite(t, true)
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	_, next := a.Update(a.loadCmd("")())
	if !a.loaded || a.states != nil {
		t.Fatalf("first phase: loaded %v, states %v", a.loaded, a.states)
	}
	stale := func() string {
		for _, p := range a.cat.Problems {
			if p.Code == model.CodeStaleTranslation {
				return i18n.ProblemText(a.c.Tr, p)
			}
		}
		return ""
	}
	if stale() != "" {
		t.Error("history problems before git was asked")
	}
	run(a, next)
	if a.states == nil || a.print == "" {
		t.Fatal("no git details")
	}
	en := stale()
	if en == "" {
		t.Fatal("no stale-translation problem on the demo site")
	}
	checked := a.cat
	press(a, "L")
	if fr := stale(); fr == "" || fr == en {
		t.Errorf("after L: %q (English was %q)", fr, en)
	}
	if a.cat != checked {
		t.Error("a change of language checked again: it must only re-render")
	}
}
