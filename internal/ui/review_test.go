package ui

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
)

// reviewDay is the test's today: the demo's English changed on 2026-09-23.
var reviewDay = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// The needs-review view and the review of the demo's stale pair, at 80
// and 120 columns, in English and French.
func TestReviewView(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	site := demoSite(t, true)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
			suffix := "_" + string(lang) + "_" + itoa(w) + "x" + itoa(h)
			t.Run(suffix[1:], func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					a := newTestApp(t, site, lang, w, h)
					a.c.Clock = func() time.Time { return reviewDay }
					press(a, "5")
					s := screen(a)
					checkSize(t, a, w, h)
					if !strings.Contains(s, "Product Manager") || strings.Contains(s, "UX Designer") {
						t.Errorf("the needs-review view:\n%s", s)
					}
					golden(t, "review_list"+suffix, s)
					press(a, "enter")
					s = screen(a)
					checkSize(t, a, w, h)
					text := reviewText(a)
					for _, want := range []string{"{+ The service now reaches two million people a year", "online{+, from research to launch+}.", "no{+, kindly,+} and", "Vous dirigerez", "## Ce que vous apportez"} {
						if !strings.Contains(text, want) {
							t.Errorf("review: no %q in\n%s", want, text)
						}
					}
					golden(t, "review"+suffix, s)
					press(a, "esc")
					if a.focus != focusList {
						t.Error("esc did not go back to the list")
					}
				})
			})
		}
	}
}

// reviewText is the whole review (not only the screen's part), its
// lines joined: wrapping only turned spaces into line breaks.
func reviewText(a *testApp) string {
	var b strings.Builder
	for _, f := range a.review.review.Fields {
		b.WriteString(a.review.words(f.Changes) + " " + f.Translation + " ")
	}
	for _, s := range a.review.review.Sections {
		b.WriteString(a.review.words(s.Changes) + " " + s.Translation + " ")
	}
	return strings.Join(strings.Fields(ansi.Strip(b.String())), " ")
}

// m in the review records it in git (an empty commit with the trailer),
// then the list has nothing left to review.
func TestReviewMark(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	site := demoSite(t, true)
	t.Setenv("GIT_AUTHOR_NAME", "T")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "T")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.org")
	bubble(t, func(t *testing.T) {
		a := newTestApp(t, site, i18n.EN, 100, 30)
		a.c.Clock = func() time.Time { return reviewDay }
		press(a, "5", "enter", "m")
		s := screen(a)
		if a.focus != focusList || !strings.Contains(s, "Marked reviewed:") || strings.Contains(s, "Product Manager") {
			t.Errorf("after the mark:\n%s", s)
		}
	})
	cmd := exec.Command("git", "log", "-1", "--format=%B")
	cmd.Dir = site.Root
	out, err := cmd.Output()
	if err != nil || string(out) != "Translation reviewed: product-manager (fr)\n\nTranslation-Reviewed: product-manager\n\n" {
		t.Errorf("commit: %v %q", err, out)
	}
}
