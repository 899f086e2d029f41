package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// An empty quick view says what it lacks; "No posting matches" is for a
// filter typed (user test, item 9).
func TestEmptyListSaysWhy(t *testing.T) {
	for _, c := range []struct {
		lang   i18n.Lang
		view   quickView
		filter string
		want   string
	}{
		{i18n.EN, viewReview, "", "No translation to review."},
		{i18n.FR, viewReview, "", "Aucune traduction à réviser."},
		{i18n.EN, viewArchived, "", "No archived posting."},
		{i18n.FR, viewProblems, "", "Aucune offre n’a de problème."},
		{i18n.EN, viewAll, "", "No posting in this section."},
		{i18n.EN, viewReview, "zzz", "No posting matches."},
		{i18n.FR, viewAll, "zzz", "Aucune offre ne correspond."},
	} {
		l := newListView(common.New(i18n.For(c.lang), false, true))
		l.SetSize(80, 20)
		l.view = c.view
		l.filter.SetValue(c.filter)
		if got := l.View(); !strings.Contains(got, c.want) {
			t.Errorf("%s view %d filter %q:\n%s\nwant %q", c.lang, c.view, c.filter, got, c.want)
		}
	}
}
