package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// A user test: `jobtui list` on a terminal printed rows of about 400
// columns, which the terminal broke in the middle of words. On a terminal
// the table now fits its width (60, 80, 120): titles are cut between words
// keeping their [archived] mark, paths and keys in the middle keeping
// their ends; to a pipe (width 0) it is printed whole, as before.
func TestListFitsTheTerminal(t *testing.T) {
	site, err := model.OpenSite(corpus(t), model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := app.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	rows := app.Rows(cat, nil)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		tr := i18n.For(lang)
		var whole bytes.Buffer
		printList(&whole, tr, site.Langs, rows, 0)
		longest := 0
		for _, l := range strings.Split(whole.String(), "\n") {
			longest = max(longest, utf8.RuneCountInString(l))
			if strings.HasSuffix(l, " ") { // a QA run: lines of 430, most of it spaces
				t.Fatalf("%s: a line ends in spaces: %q", lang, l)
			}
		}
		if longest <= 200 {
			t.Fatalf("%s: the whole table's longest line is %d: the case shows nothing", lang, longest)
		}
		for _, width := range []int{60, 80, 120} {
			var b bytes.Buffer
			printList(&b, tr, site.Langs, rows, width)
			out := b.String()
			for _, l := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(l); n > width || strings.HasSuffix(l, " ") {
					t.Errorf("%s at %d: a line of %d: %q", lang, width, n, l)
					break
				}
			}
			if strings.Count(out, "\n") != strings.Count(whole.String(), "\n") {
				t.Errorf("%s at %d: %d lines, whole %d", lang, width, strings.Count(out, "\n"), strings.Count(whole.String(), "\n"))
			}
			if mark := " [" + tr.Check.Archived + "]"; strings.Count(out, mark) != strings.Count(whole.String(), mark) {
				t.Errorf("%s at %d: %d %q marks, whole %d", lang, width, strings.Count(out, mark), mark, strings.Count(whole.String(), mark))
			}
		}
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		s      string
		n      int
		middle bool
		want   string
	}{
		{"short", 10, false, "short"},
		{"Senior Application Security Developer", 20, false, "Senior Application…"},
		{"Senior Application Security Developer [archived]", 30, false, "Senior Application… [archived]"},
		{"  team-lead---gc-notify--9eaabc74.md", 20, true, "  team-le…eaabc74.md"},
	} {
		if got := shorten(c.s, c.n, c.middle); got != c.want || utf8.RuneCountInString(got) > max(c.n, utf8.RuneCountInString(c.s)) {
			t.Errorf("shorten(%q, %d, %v) = %q, want %q", c.s, c.n, c.middle, got, c.want)
		}
	}
}
