package ui

import (
	"strconv"
	"testing"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// scrollKey is a key or a turn of the mouse wheel, as the terminal sends it.
func scrollKey(k string) tea.Msg {
	switch k {
	case "wheeldown":
		return tea.MouseWheelMsg{Button: tea.MouseWheelDown}
	case "wheelup":
		return tea.MouseWheelMsg{Button: tea.MouseWheelUp}
	}
	return keyMsg(k)
}

// The views that scroll (the help, the translation review, the diff, the
// preview) move their viewports by the same keys, and stop at the ends:
// 100 lines in 10, a step a row, the line at the top of the view after it.
// The differences are on purpose: space turns the page in the review (and
// closes the help, as any key that does not scroll it).
func TestScrollKeysInEveryView(t *testing.T) {
	c := common.New(i18n.For(i18n.EN), false, true)
	lines := make([]string, 100)
	for i := range lines {
		lines[i] = "line " + strconv.Itoa(i)
	}
	fill := func(vp *viewport.Model) {
		vp.SetWidth(60)
		vp.SetHeight(10)
		vp.SetContentLines(lines)
	}
	help := newHelpScreen(c)
	help.SetSize(60, 12)
	fill(&help.vp)
	review := newReviewPane(c, nil, nil)
	fill(&review.vp)
	diff := newDiffPane(c)
	fill(&diff.vp)
	preview := newPreviewPane(c)
	preview.SetSize(60, 11) // one column; the bodies are 10 lines high
	for i := range preview.cols {
		fill(&preview.cols[i])
	}
	views := []struct {
		name   string
		update func(tea.Msg) tea.Cmd
		top    func() int
	}{
		{"help", help.Update, help.vp.YOffset},
		{"review", review.Update, review.vp.YOffset},
		{"diff", diff.Update, diff.vp.YOffset},
		{"preview", preview.Update, preview.cols[0].YOffset},
	}
	const closes = -1 // the help closes (backMsg); the view stays where it was
	steps := []struct {
		key  string
		tops [4]int // help, review, diff, preview
	}{
		{"up", [4]int{0, 0, 0, 0}},
		{"down", [4]int{1, 1, 1, 1}},
		{"j", [4]int{2, 2, 2, 2}},
		{"k", [4]int{1, 1, 1, 1}},
		{"pgdown", [4]int{11, 11, 11, 11}},
		{"ctrl+f", [4]int{21, 21, 21, 21}},
		{"space", [4]int{closes, 31, 21, 21}},
		{"pgup", [4]int{11, 21, 11, 11}},
		{"ctrl+b", [4]int{1, 11, 1, 1}},
		{"G", [4]int{90, 90, 90, 90}},
		{"down", [4]int{90, 90, 90, 90}},
		{"pgdown", [4]int{90, 90, 90, 90}},
		{"g", [4]int{0, 0, 0, 0}},
		{"end", [4]int{90, 90, 90, 90}},
		{"home", [4]int{0, 0, 0, 0}},
		{"wheeldown", [4]int{3, 3, 3, 3}},
		{"wheelup", [4]int{0, 0, 0, 0}},
		{"x", [4]int{closes, 0, 0, 0}},
	}
	last := [4]int{}
	for _, st := range steps {
		for i, v := range views {
			cmd := v.update(scrollKey(st.key))
			want := st.tops[i]
			if want == closes {
				if cmd == nil {
					t.Fatalf("%s: %s did not close it", v.name, st.key)
				}
				if _, ok := cmd().(backMsg); !ok {
					t.Fatalf("%s: %s did not close it", v.name, st.key)
				}
				want = last[i]
			} else if cmd != nil && v.name == "help" {
				t.Fatalf("%s: %s closed it", v.name, st.key)
			}
			if got := v.top(); got != want {
				t.Fatalf("%s: after %s the view starts at line %d, want %d", v.name, st.key, got, want)
			}
			last[i] = want
		}
	}
}
