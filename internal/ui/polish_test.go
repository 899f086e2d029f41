package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
)

// User test: the list's sort was shown at 120 columns only; at 80 and 60
// a person who pressed s could not see which sort was on. The views give
// way to their numbers first, so the sort stays on the tabs line at every
// width people use, in both languages, for each of the four sorts and
// with the review view (the widest name) active.
func TestSortShownAtEveryWidth(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, size := range [][2]int{{120, 32}, {80, 24}, {60, 20}} {
			t.Run(string(lang)+"_"+itoa(size[0]), func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					a := newTestApp(t, demoSite(t, true), lang, size[0], size[1])
					u := &a.c.Tr.UI
					orders := []string{u.SortTitleEN, u.SortTitleFR, u.SortState, u.SortChanged}
					for _, view := range []string{"1", "5"} {
						press(a, view)
						for i, order := range orders {
							tabs := strings.Split(screen(a), "\n")[1]
							if want := i18n.F(u.SortedBy, "by", order); !strings.Contains(tabs, want) {
								t.Errorf("view %s, sort %d: the tabs line does not say %q: %q", view, i, want, tabs)
							}
							if !strings.HasSuffix(tabs, "/13") || strings.Contains(tabs, "…") {
								t.Errorf("view %s, sort %d: the tabs line: %q", view, i, tabs)
							}
							press(a, "s")
						}
					}
					checkSize(t, a, size[0], size[1])
				})
			})
		}
	}
}
