package ui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// TestAccessiblePromptsInFrench: huh's accessible mode, run on its real
// fields through huhPrompts, asks in the user's language (huh writes its
// prompts for a number or a yes or no, and its refusals, in English) and
// reads a French yes (oui) as yes; a wrong answer is asked again, in the
// same language. In English, the words are huh's, but for the
// multi-select, which says how to end it.
func TestAccessiblePromptsInFrench(t *testing.T) {
	english := []string{"Enter a number", "only one option", "Invalid", "invalid input", "Select up to", "Confirm selection", "[y/N]"}
	for _, c := range []struct {
		lang    i18n.Lang
		yes     string
		english []string // huh's words that must not be there
	}{
		{i18n.FR, "oui", english},
		{i18n.EN, "yes", english[1:6]},
	} {
		t.Run(string(c.lang), func(t *testing.T) {
			tr := i18n.For(c.lang)
			var archived bool
			var layout, kind string
			var files []string
			form := huh.NewForm(huh.NewGroup(
				huh.NewConfirm().Title("Archived?").Value(&archived),
				huh.NewSelect[string]().Title("Layout").Options(huh.NewOptions("job-posting", "page", "list")...).Value(&layout),
				huh.NewSelect[string]().Title("Type").Options(huh.NewOptions("section")...).Value(&kind),
				huh.NewMultiSelect[string]().Title("Files").Options(huh.NewOptions("en.md", "fr.md", "other.md")...).Value(&files),
			))
			var out writes
			// A wrong yes-or-no, then yes; a number out of range, then 2;
			// 1 for the only choice; two files ticked, then 0.
			// At 50 columns, our sentences are wrapped between words (a QA
			// run at 60: "un cho" / "ix").
			terminal := newHuhPrompts(tr, strings.NewReader("peut-être\n"+c.yes+"\n7\n2\n1\n1\n3\n0\n"), &out, 50)
			if err := form.WithAccessible(true).WithInput(terminal).WithOutput(terminal).Run(); err != nil {
				t.Fatal(err)
			}
			for _, w := range out.each { // the answers typed are not echoed here
				for _, l := range strings.Split(w, "\n") {
					if n := ansi.StringWidth(l); n > 50 {
						t.Errorf("a line of %d columns: %q", n, l)
					}
				}
			}
			text := strings.Join(strings.Fields(out.String()), " ") // as read, the line breaks aside
			if !archived || layout != "page" || kind != "section" || !slices.Equal(files, []string{"en.md", "other.md"}) {
				t.Errorf("answers read as archived %v, layout %q, type %q, files %v", archived, layout, kind, files)
			}
			p := &tr.Prompts
			for _, want := range []string{"Archived? " + p.No, p.Retry, i18n.F(p.Number, "low", "1", "high", "3"), i18n.F(p.Between, "low", "1", "high", "3"),
				p.OnlyOne, i18n.F(p.UpTo, "n", "3"), i18n.F(p.Tick, "high", "3"), "0. " + p.Done} {
				if want = strings.Join(strings.Fields(want), " "); !strings.Contains(text, want) {
					t.Errorf("%q is not asked:\n%s", want, text)
				}
			}
			for _, word := range c.english {
				if strings.Contains(text, word) {
					t.Errorf("huh's English %q is left:\n%s", word, text)
				}
			}
			if strings.Contains(text, "\x1b[") {
				t.Errorf("the prompts hold escape sequences:\n%q", text)
			}
		})
	}
}

// TestAccessibleIntroWrapsBetweenWords: the line before the prompts is
// wrapped to the terminal between words (at 80 columns the French one was
// cut in 'vale' / 'ur'; user test, item 20).
func TestAccessibleIntroWrapsBetweenWords(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		tr := i18n.For(lang)
		var ok bool
		var out strings.Builder
		run := &accessibleRun{form: huh.NewForm(huh.NewGroup(huh.NewConfirm().Title("OK?").Value(&ok))), tr: tr, width: 60, signals: &common.Signals{}}
		run.SetStdin(strings.NewReader("\n"))
		run.SetStdout(&out)
		if err := run.Run(); err != nil {
			t.Fatal(err)
		}
		intro, _, _ := strings.Cut(out.String(), "\n\n")
		for _, l := range strings.Split(intro, "\n") {
			if len([]rune(l)) > 60 {
				t.Errorf("%s: a line of %d columns: %q", lang, len([]rune(l)), l)
			}
		}
		if got := strings.Join(strings.Fields(intro), " "); got != tr.Views.AccessibleIntro || !strings.Contains(intro, "\n") {
			t.Errorf("%s: the intro is %q, want %q wrapped between words", lang, intro, tr.Views.AccessibleIntro)
		}
	}
}

// A QA run at 80 columns: a prompt huh wraps (a long description in
// brackets) had its lines padded with spaces to the form's width and one
// column more, which the terminal broke again: a blank line inside the
// prompt. No line is wider than the terminal now, nor ends in spaces but
// the one before the cursor.
func TestAccessiblePromptLinesFitTheTerminal(t *testing.T) {
	cat, err := app.Load(demoSite(t, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, width := range []int{60, 80} {
			c := common.New(i18n.For(lang), true, false)
			c.Width = width
			f := newEditForm(c, cat, cat.Find("ux-designer")[0], nil)
			run := &accessibleRun{form: f.Huh(), tr: c.Tr, width: width, signals: c.Signals}
			var out strings.Builder
			run.SetStdout(&out)
			run.SetStdin(strings.NewReader(strings.Repeat("\n", 12)))
			if err := run.Run(); err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(out.String(), "\n") {
				if n := ansi.StringWidth(l); n > width || strings.HasSuffix(l, "  ") {
					t.Errorf("%s at %d: a line of %d columns: %q", lang, width, n, l)
				}
			}
		}
	}
}

// writes keeps each write apart.
type writes struct{ each []string }

func (w *writes) Write(p []byte) (int, error) {
	w.each = append(w.each, string(p))
	return len(p), nil
}

func (w *writes) String() string { return strings.Join(w.each, "") }

// A QA run: "Tick up to 1 choices." (huh says "Select up to 1 options.").
func TestOneChoiceIsSingular(t *testing.T) {
	for lang, want := range map[i18n.Lang]string{i18n.EN: "Tick up to 1 choice.\n", i18n.FR: "Cochez jusqu’à 1 choix.\n"} {
		p := newHuhPrompts(i18n.For(lang), strings.NewReader(""), &strings.Builder{}, 0)
		if got := p.words("Select up to 1 options.\n"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
