package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// View renders the tabs, the column header, the visible rows and the filter
// line: only the rows on screen, so that 10,000 postings stay smooth.
func (l *listView) View() string {
	s, t := l.c.Styles, &l.c.Tr.UI
	w := max(20, l.width)
	var b strings.Builder
	b.WriteString(l.tabsLine(w) + "\n")
	// Columns: cursor+mark+git (4), state (2), two titles, problems.
	probW := max(14, w/5)
	if w < 80 {
		probW = 8
	}
	if l.view == viewReview { // the wait whole: cut, "⌛ 70 d…" says nothing
		probW = max(probW, min(l.widestWait(), w/3))
	}
	titleW := max(8, (w-4-2-probW-2)/2)
	hdr := "      " + common.Pad(strings.ToUpper(i18n.LangName(l.c.Tr, l.lang(0))), titleW) + " " +
		common.Pad(strings.ToUpper(i18n.LangName(l.c.Tr, l.lang(1))), titleW) + " " + problemsHeader(t.Problems, w-6-2*titleW-2)
	b.WriteString(s.Header.Render(common.FitLine(hdr, w)) + "\n")
	rows := l.bodyHeight()
	if len(l.visible) == 0 {
		b.WriteString(s.Dim.Render(l.emptyText()) + "\n")
		rows--
	}
	used := 0
	for i := l.offset; i < len(l.visible) && used < rows; i++ {
		r := &l.all[l.visible[i]]
		b.WriteString(l.renderRow(r, i == l.cursor, titleW, probW, w) + "\n")
		used++
		// The other files of a language with several: sub-rows.
		for k := 1; k < max(len(r.Left), len(r.Right)) && used < rows; k++ {
			b.WriteString(s.Dim.Render(common.FitLine("      "+subCell(r.Left, k, titleW)+" "+subCell(r.Right, k, titleW), w)) + "\n")
			used++
		}
	}
	for ; used < rows; used++ {
		b.WriteString("\n")
	}
	b.WriteString(l.filterLine())
	return b.String()
}

// subCell is the k-th file of a language in a sub-row.
func subCell(ps []*model.Posting, k, w int) string {
	if k >= len(ps) {
		return common.Pad("", w)
	}
	return common.Pad("└ "+common.SafeLine(ps[k].Title), w)
}

// tabsLine shows the quick views, the sort and the count. It degrades in
// a planned order as the width shrinks, the count always whole:
//  1. every view named, the sort, the count;
//  2. the other views by their numbers only (their keys), the active one
//     named, the sort, the count: the sort is the one thing nothing else
//     on screen shows, so it goes after the views' names;
//  3. the sort dropped;
//  4. the active view and the count alone.
func (l *listView) tabsLine(w int) string {
	s, t := l.c.Styles, &l.c.Tr.UI
	names := []string{t.ViewAll, t.ViewOpen, t.ViewArchived, t.ViewProblems, l.c.Tr.Review.ViewReview}
	tabs := func(short bool) string {
		var parts []string
		for i, name := range names {
			label := fmt.Sprintf("%d %s", i+1, name)
			// The active view is bracketed, not only coloured: NO_COLOR,
			// screen readers and copied text see it too.
			switch {
			case quickView(i) == l.view:
				parts = append(parts, s.TabActive.Render("["+label+"]"))
			case short:
				parts = append(parts, s.Tab.Render(fmt.Sprint(i+1)))
			default:
				parts = append(parts, s.Tab.Render(" "+label+" "))
			}
		}
		return strings.Join(parts, " ")
	}
	orders := []string{t.SortTitleEN, t.SortTitleFR, t.SortState, t.SortChanged}
	count := fmt.Sprintf("%d/%d", len(l.visible), len(l.all))
	sorted := i18n.F(t.SortedBy, "by", orders[l.order])
	active := s.TabActive.Render(fmt.Sprintf("[%d %s]", int(l.view)+1, names[l.view]))
	for _, line := range []string{
		tabs(false) + "  " + s.Dim.Render(sorted+" · "+count),
		tabs(true) + "  " + s.Dim.Render(sorted+" · "+count),
		tabs(true) + "  " + s.Dim.Render(count),
	} {
		if lipgloss.Width(line) <= w {
			return line
		}
	}
	return common.FitLine(active+"  "+s.Dim.Render(count), w)
}

// filterLine is the filter being typed (the textinput, with its cursor),
// or the marks and the filter applied: the marks first, so that they stay
// on screen at any width, with how many the filter hides and how to drop
// them.
func (l *listView) filterLine() string {
	s, prompt, f := l.c.Styles, l.c.Tr.UI.FilterPrompt, &l.c.Tr.Flow
	if l.filter.Focused() {
		return s.Title.Render(prompt) + l.filter.View()
	}
	var parts []string
	if n := len(l.marked); n > 0 {
		marks := l.c.Tr.N(f.MarksLine, n)
		if h := l.hiddenMarks(); h > 0 {
			marks += " (" + l.c.Tr.N(f.MarksHidden, h) + ")"
		}
		parts = append(parts, s.Marked.Render(marks)+s.Dim.Render(" · esc "+f.UnmarkAll))
	}
	if l.filter.Value() != "" {
		parts = append(parts, s.Dim.Render(prompt+common.SafeLine(l.filter.Value())))
	}
	return common.FitLine(strings.Join(parts, s.Dim.Render(" · ")), max(20, l.width))
}

func (l *listView) lang(i int) string {
	if i < len(l.langs) {
		return l.langs[i]
	}
	return ""
}

func (l *listView) renderRow(r *row, selected bool, titleW, probW, w int) string {
	s := l.c.Styles
	mark := " "
	if l.marked[r.ID] {
		mark = "●"
	}
	gm := string(r.Git)
	if gm == "" {
		gm = " "
	}
	state := " "
	switch {
	case r.Broken != nil:
		state = "!"
	case r.State == app.RowArchived:
		state = "A"
	case r.State == app.RowMixed:
		state = "±"
	}
	probs := problemCell(l.c.Tr, r, probW)
	if l.view == viewReview {
		probs = l.waitingCell(r)
	}
	if p, ok := l.review[r.ID]; ok {
		probs = "⇄ " + i18n.ProposalActionText(l.c.Tr, p.Name) + " " + probs
	}
	left, right := l.titleCell(r.Left, titleW), l.titleCell(r.Right, titleW)
	// The cursor is a character too, not only a colour: it survives
	// NO_COLOR, screen readers and copied text.
	if selected {
		line := common.FitLine("›"+mark+gm+" "+state+" "+left+" "+right+" "+common.Pad(probs, probW), w)
		return s.Selected.Render(common.Pad(line, w))
	}
	// Colour the parts when not selected (a selected row is one block).
	stateStyled := state
	switch state {
	case "A":
		stateStyled = s.Archived.Render(state)
	case "!", "±":
		stateStyled = s.Error.Render(state)
	}
	leftS, rightS := l.styleTitle(r, r.Left, left), l.styleTitle(r, r.Right, right)
	probS := common.Pad(probs, probW)
	if r.Errors > 0 {
		probS = s.Error.Render(probS)
	} else if r.Warnings > 0 {
		probS = s.Warning.Render(probS)
	}
	if mark != " " {
		mark = s.Marked.Render(mark)
	}
	return common.FitLine(" "+mark+gm+" "+stateStyled+" "+leftS+" "+rightS+" "+probS, w)
}

// titleCell is a language's cell: its first file's title, and how many
// files there are when more than one.
func (l *listView) titleCell(ps []*model.Posting, w int) string {
	t := &l.c.Tr.UI
	if len(ps) == 0 {
		return common.Pad(t.Missing, w)
	}
	p := ps[0]
	title := common.SafeLine(p.Title)
	if !p.Readable() {
		title = t.Broken + " " + common.SafeLine(p.Rel)
	}
	if len(ps) > 1 {
		title = fmt.Sprintf("(%d) %s", len(ps), title)
	}
	return common.Pad(title, w)
}

func (l *listView) styleTitle(r *row, ps []*model.Posting, cell string) string {
	switch {
	case len(ps) == 0:
		return l.c.Styles.Missing.Render(cell)
	case r.State == app.RowArchived:
		return l.c.Styles.Archived.Render(cell)
	}
	return cell
}

// waitingCell says how long a stale translation has waited, and which.
func (l *listView) waitingCell(r *row) string {
	changed, lang := r.staleSince()
	t, err := time.Parse(time.RFC3339, changed)
	if err != nil {
		return ""
	}
	days := int(l.c.Now().Sub(t).Hours() / 24)
	return "⌛ " + i18n.F(l.c.Tr.Review.WaitingCell, "age", i18n.Age(l.c.Tr, days), "lang", lang)
}

// widestWait is the width of the widest wait among the rows on screen.
func (l *listView) widestWait() int {
	n := 0
	for i := l.offset; i < len(l.visible) && i < l.offset+l.bodyHeight(); i++ {
		n = max(n, lipgloss.Width(l.waitingCell(&l.all[l.visible[i]])))
	}
	return n
}

// problemsHeader is the problems column's title, or its signs where the
// word does not fit whole.
func problemsHeader(title string, w int) string {
	if lipgloss.Width(title) <= w {
		return title
	}
	return "✗ ⚠"
}

// problemCell counts errors and warnings and names the worst problem, in
// w cells: the counts always, the problem's name (i18n.ProblemName) whole,
// or shortened at a hyphen ("missing-…"), or left out; never cut in the
// middle of a word.
func problemCell(tr *i18n.Tr, r *row, w int) string {
	probs := ""
	if r.Errors > 0 {
		probs = fmt.Sprintf("✗%d ", r.Errors)
	}
	if r.Warnings > 0 {
		probs += fmt.Sprintf("⚠%d ", r.Warnings)
	}
	room := w - lipgloss.Width(probs)
	if r.Worst == "" || room < 3 {
		return strings.TrimRight(probs, " ")
	}
	if code := common.FitAt(i18n.ProblemName(tr, r.Worst), room, "-"); !strings.HasSuffix(code, "…") || strings.Contains(code, "-") {
		return probs + code
	}
	return strings.TrimRight(probs, " ")
}

// emptyText says why no row shows: nothing matches the filter typed, or the
// quick view has nothing (no translation to review, no archived posting…).
func (l *listView) emptyText() string {
	t := &l.c.Tr.Views
	switch {
	case l.filter.Value() != "":
		return l.c.Tr.UI.NoMatch
	case l.view == viewReview:
		return l.c.Tr.Review.NothingToReview
	case l.view == viewOpen:
		return t.EmptyOpen
	case l.view == viewArchived:
		return t.EmptyArchived
	case l.view == viewProblems:
		return t.EmptyProblems
	}
	return t.EmptySection
}
