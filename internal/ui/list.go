package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// quickView is one of the list's quick filters.
type quickView int

const (
	viewAll quickView = iota
	viewOpen
	viewArchived
	viewProblems
)

type sortOrder int

const (
	sortTitleEN sortOrder = iota
	sortTitleFR
	sortState
	sortChanged
)

// row is one line of the list: a group, or a file that belongs to none
// because its front matter cannot be read.
type row struct {
	id       string
	group    *model.Group
	broken   *model.Posting
	left     []*model.Posting // first content language
	right    []*model.Posting // second content language
	search   string           // folded text the filter matches against
	errors   int
	warnings int
	worst    string
	state    int // 0 open, 1 archived, 2 mixed
	gitMark  string
	changed  time.Time
	titleL   string // folded, for sorting
	titleR   string
}

// fold lowers case and removes accents: "Développeur" -> "developpeur".
// ASCII and the Latin letters of French go through a table; other text
// through Unicode decomposition.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r >= latinFoldFirst && int(r-latinFoldFirst) < len(latinFold):
			b.WriteString(latinFold[r-latinFoldFirst])
		default:
			return foldSlow(s)
		}
	}
	return b.String()
}

// latinFold is foldSlow of every letter from U+00C0 to U+017F.
const latinFoldFirst = 0xC0

var latinFold = func() []string {
	t := make([]string, 0x180-latinFoldFirst)
	for i := range t {
		t[i] = foldSlow(string(rune(latinFoldFirst + i)))
	}
	return t
}()

func foldSlow(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// buildRows turns a catalog into list rows, computing once what filtering
// and sorting need.
func buildRows(cat *model.Catalog, states map[string]gitops.FileState) []row {
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	rows := make([]row, 0, len(cat.Groups)+len(cat.Unreadable))
	fill := func(r *row, probs []model.Problem) {
		var words []string
		words = append(words, r.id)
		for _, p := range append(append([]*model.Posting{}, r.left...), r.right...) {
			words = append(words, p.Title, p.Rel)
			if p.ModTime.After(r.changed) {
				r.changed = p.ModTime
			}
			switch states[p.Path] {
			case gitops.StateUntracked:
				r.gitMark = "N"
			case gitops.StateModified, gitops.StateStaged, gitops.StateDeleted:
				if r.gitMark == "" {
					r.gitMark = "M"
				}
			}
		}
		r.search = fold(strings.Join(words, "\x00"))
		for _, pr := range probs {
			if pr.Severity == model.SeverityError {
				r.errors++
				if r.worst == "" || r.errors == 1 {
					r.worst = pr.Code
				}
			} else {
				r.warnings++
				if r.errors == 0 && r.worst == "" {
					r.worst = pr.Code
				}
			}
		}
		arch, open := false, false
		for _, p := range append(append([]*model.Posting{}, r.left...), r.right...) {
			if !p.Readable() {
				continue
			}
			if p.Archived {
				arch = true
			} else {
				open = true
			}
		}
		switch {
		case arch && open:
			r.state = 2
		case arch:
			r.state = 1
		}
		if len(r.left) > 0 {
			r.titleL = fold(r.left[0].Title)
		}
		if len(r.right) > 0 {
			r.titleR = fold(r.right[0].Title)
		}
	}
	for _, g := range cat.Groups {
		r := row{id: g.ID(), group: g, left: g.Files[l0], right: g.Files[l1]}
		fill(&r, cat.GroupProblems(g))
		rows = append(rows, r)
	}
	for _, p := range cat.Unreadable {
		r := row{id: p.Rel, broken: p}
		if p.Lang == l0 {
			r.left = []*model.Posting{p}
		} else {
			r.right = []*model.Posting{p}
		}
		fill(&r, cat.PathProblems(p.Path))
		rows = append(rows, r)
	}
	return rows
}

// listView shows the groups, both languages side by side.
type listView struct {
	c        *Common
	all      []row
	visible  []int // indexes into all, filtered and sorted
	cursor   int
	offset   int
	view     quickView
	order    sortOrder
	filter   string
	filterOn bool // typing into the filter
	marked   map[string]bool
	width    int
	height   int
	langs    []string
}

func newListView(c *Common) *listView {
	return &listView{c: c, marked: map[string]bool{}}
}

func (l *listView) SetSize(w, h int) {
	l.width, l.height = w, h
	l.clamp()
}

// setRows replaces the rows, keeping the selection on the same group.
func (l *listView) setRows(rows []row, langs []string) {
	keep := l.selectedID()
	l.all, l.langs = rows, langs
	l.refresh()
	if keep != "" {
		for i, idx := range l.visible {
			if l.all[idx].id == keep {
				l.cursor = i
				break
			}
		}
	}
	l.clamp()
}

func (l *listView) selectedID() string {
	if r := l.selected(); r != nil {
		return r.id
	}
	return ""
}

func (l *listView) selected() *row {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return nil
	}
	return &l.all[l.visible[l.cursor]]
}

// selectID moves the cursor to the row of id, if shown.
func (l *listView) selectID(id string) {
	for i, idx := range l.visible {
		if l.all[idx].id == id {
			l.cursor = i
			l.clamp()
			return
		}
	}
}

// refresh recomputes the visible rows from the filter, view and sort.
func (l *listView) refresh() {
	needle := fold(strings.TrimSpace(l.filter))
	l.visible = l.visible[:0]
	for i := range l.all {
		r := &l.all[i]
		switch l.view {
		case viewOpen:
			if r.state != 0 || r.broken != nil {
				continue
			}
		case viewArchived:
			if r.state != 1 {
				continue
			}
		case viewProblems:
			if r.errors+r.warnings == 0 {
				continue
			}
		}
		if needle != "" && !strings.Contains(r.search, needle) {
			continue
		}
		l.visible = append(l.visible, i)
	}
	all := l.all
	less := func(a, b *row) bool {
		switch l.order {
		case sortTitleFR:
			if a.titleR != b.titleR {
				return a.titleR < b.titleR
			}
		case sortState:
			if a.state != b.state {
				return a.state < b.state
			}
		case sortChanged:
			if !a.changed.Equal(b.changed) {
				return a.changed.After(b.changed)
			}
		}
		if a.titleL != b.titleL {
			return a.titleL < b.titleL
		}
		return a.id < b.id
	}
	sort.SliceStable(l.visible, func(i, j int) bool { return less(&all[l.visible[i]], &all[l.visible[j]]) })
	l.clamp()
}

func (l *listView) clamp() {
	if l.cursor >= len(l.visible) {
		l.cursor = len(l.visible) - 1
	}
	if l.cursor < 0 {
		l.cursor = 0
	}
	rows := l.bodyHeight()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	// Rows with several files per language take a line per file: move the
	// window until the cursor's row fits.
	for l.offset < l.cursor && l.linesBetween(l.offset, l.cursor) > rows {
		l.offset++
	}
	if l.offset < 0 {
		l.offset = 0
	}
}

// rowHeight is the number of lines a row takes: one per file of its fuller
// language.
func (l *listView) rowHeight(i int) int {
	r := &l.all[l.visible[i]]
	return max(1, len(r.left), len(r.right))
}

// linesBetween counts the lines of rows from..to, both included.
func (l *listView) linesBetween(from, to int) int {
	n := 0
	for i := from; i <= to && i < len(l.visible); i++ {
		n += l.rowHeight(i)
	}
	return n
}

// bodyHeight is the number of rows shown: the height less the tabs line,
// the column header and the filter line.
func (l *listView) bodyHeight() int { return max(1, l.height-3) }

func (l *listView) move(n int) {
	l.cursor += n
	l.clamp()
}

// Update handles the keys of the list. Global keys are the root's; while the
// filter has focus every key goes to it.
func (l *listView) Update(msg tea.Msg) tea.Cmd {
	k := l.c.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if l.filterOn {
			switch {
			case key.Matches(msg, k.ApplyFilter):
				l.filterOn = false
			case key.Matches(msg, k.ClearFilter):
				l.filterOn = false
				l.filter = ""
				l.refresh()
			case msg.String() == "backspace":
				if r := []rune(l.filter); len(r) > 0 {
					l.filter = string(r[:len(r)-1])
					l.refresh()
				}
			case msg.String() == "ctrl+u":
				l.filter = ""
				l.refresh()
			default:
				if msg.Text != "" {
					l.filter += msg.Text
					l.cursor = 0
					l.refresh()
				}
			}
			return nil
		}
		switch {
		case key.Matches(msg, k.Up):
			l.move(-1)
		case key.Matches(msg, k.Down):
			l.move(1)
		case key.Matches(msg, k.PageUp):
			l.move(-l.bodyHeight())
		case key.Matches(msg, k.PageDown):
			l.move(l.bodyHeight())
		case key.Matches(msg, k.Top):
			l.cursor = 0
			l.clamp()
		case key.Matches(msg, k.Bottom):
			l.cursor = len(l.visible) - 1
			l.clamp()
		case key.Matches(msg, k.Filter):
			l.filterOn = true
		case key.Matches(msg, k.ClearFilter):
			if l.filter != "" {
				l.filter = ""
				l.refresh()
			}
		case key.Matches(msg, k.NextView):
			l.view = (l.view + 1) % 4
			l.refresh()
		case key.Matches(msg, k.View1):
			l.view = viewAll
			l.refresh()
		case key.Matches(msg, k.View2):
			l.view = viewOpen
			l.refresh()
		case key.Matches(msg, k.View3):
			l.view = viewArchived
			l.refresh()
		case key.Matches(msg, k.View4):
			l.view = viewProblems
			l.refresh()
		case key.Matches(msg, k.Sort):
			l.order = (l.order + 1) % 4
			l.refresh()
		case key.Matches(msg, k.Mark):
			if r := l.selected(); r != nil && r.group != nil {
				if l.marked[r.id] {
					delete(l.marked, r.id)
				} else {
					l.marked[r.id] = true
				}
				l.move(1)
			}
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			l.move(-3)
		} else if msg.Button == tea.MouseWheelDown {
			l.move(3)
		}
	case tea.MouseClickMsg:
		// Rows start below the tabs and the column header.
		y := msg.Y - 2
		for i := l.offset; y >= 0 && i < len(l.visible); i++ {
			if y < l.rowHeight(i) {
				l.cursor = i
				l.clamp()
				break
			}
			y -= l.rowHeight(i)
		}
	}
	return nil
}

// View renders the tabs, the column header, the visible rows and the filter
// line: only the rows on screen, so that 10,000 postings stay smooth.
func (l *listView) View() string {
	s, t := l.c.Styles, &l.c.Tr.UI
	w := max(20, l.width)
	var b strings.Builder
	// Tabs and sort.
	tabs := []string{t.ViewAll, t.ViewOpen, t.ViewArchived, t.ViewProblems}
	var parts []string
	for i, name := range tabs {
		label := fmt.Sprintf("%d %s", i+1, name)
		if quickView(i) == l.view {
			parts = append(parts, s.TabActive.Render(label))
		} else {
			parts = append(parts, s.Tab.Render(label))
		}
	}
	orders := []string{t.SortTitleEN, t.SortTitleFR, t.SortState, t.SortChanged}
	info := i18n.F(t.SortedBy, "by", orders[l.order]) + " · " + fmt.Sprintf("%d/%d", len(l.visible), len(l.all))
	if n := len(l.marked); n > 0 {
		info += " · " + i18n.F(t.Marked, "n", fmt.Sprint(n))
	}
	b.WriteString(fitLine(strings.Join(parts, "  ")+"   "+s.Dim.Render(info), w) + "\n")
	// Columns: cursor+mark+git (4), state (2), two titles, problems.
	probW := max(14, w/5)
	if w < 80 {
		probW = 8
	}
	titleW := max(8, (w-4-2-probW-2)/2)
	hdr := "      " + pad(strings.ToUpper(i18n.LangName(l.c.Tr, l.lang(0))), titleW) + " " + pad(strings.ToUpper(i18n.LangName(l.c.Tr, l.lang(1))), titleW) + " " + t.Problems
	b.WriteString(s.Header.Render(fitLine(hdr, w)) + "\n")
	rows := l.bodyHeight()
	if len(l.visible) == 0 {
		b.WriteString(s.Dim.Render(t.NoMatch) + "\n")
		rows--
	}
	used := 0
	for i := l.offset; i < len(l.visible) && used < rows; i++ {
		r := &l.all[l.visible[i]]
		b.WriteString(l.renderRow(r, i == l.cursor, titleW, probW, w) + "\n")
		used++
		// The other files of a language with several: sub-rows.
		for k := 1; k < max(len(r.left), len(r.right)) && used < rows; k++ {
			sub := func(ps []*model.Posting) string {
				if k >= len(ps) {
					return pad("", titleW)
				}
				return pad("└ "+sanitizeLine(ps[k].Title), titleW)
			}
			b.WriteString(s.Dim.Render(fitLine("      "+sub(r.left)+" "+sub(r.right), w)) + "\n")
			used++
		}
	}
	for ; used < rows; used++ {
		b.WriteString("\n")
	}
	// The filter line.
	switch {
	case l.filterOn:
		b.WriteString(s.Title.Render(t.FilterPrompt) + sanitizeLine(l.filter) + "█")
	case l.filter != "":
		b.WriteString(s.Dim.Render(t.FilterPrompt + sanitizeLine(l.filter)))
	}
	return b.String()
}

func (l *listView) lang(i int) string {
	if i < len(l.langs) {
		return l.langs[i]
	}
	return ""
}

func (l *listView) renderRow(r *row, selected bool, titleW, probW, w int) string {
	s, t := l.c.Styles, &l.c.Tr.UI
	mark := " "
	if l.marked[r.id] {
		mark = "●"
	}
	gm := r.gitMark
	if gm == "" {
		gm = " "
	}
	state := " "
	switch {
	case r.broken != nil:
		state = "!"
	case r.state == 1:
		state = "A"
	case r.state == 2:
		state = "±"
	}
	cell := func(ps []*model.Posting) string {
		if len(ps) == 0 {
			return pad(t.Missing, titleW)
		}
		p := ps[0]
		title := sanitizeLine(p.Title)
		if !p.Readable() {
			title = t.Broken + " " + sanitizeLine(p.Rel)
		}
		if len(ps) > 1 {
			title = fmt.Sprintf("(%d) %s", len(ps), title)
		}
		return pad(title, titleW)
	}
	probs := ""
	if r.errors > 0 {
		probs = fmt.Sprintf("✗%d ", r.errors)
	}
	if r.warnings > 0 {
		probs += fmt.Sprintf("⚠%d ", r.warnings)
	}
	if r.worst != "" {
		probs += r.worst
	}
	left, right := cell(r.left), cell(r.right)
	// The cursor is a character too, not only a colour: it survives
	// NO_COLOR, screen readers and copied text.
	cursor := " "
	if selected {
		cursor = "›"
	}
	line := cursor + mark + gm + " " + state + " " + left + " " + right + " " + pad(probs, probW)
	line = fitLine(line, w)
	if selected {
		return s.Selected.Render(pad(line, w))
	}
	// Colour the parts when not selected (a selected row is one block).
	stateStyled := state
	switch state {
	case "A":
		stateStyled = s.Archived.Render(state)
	case "!", "±":
		stateStyled = s.Error.Render(state)
	}
	leftS, rightS := left, right
	if len(r.left) == 0 {
		leftS = s.Missing.Render(left)
	}
	if len(r.right) == 0 {
		rightS = s.Missing.Render(right)
	}
	if r.state == 1 {
		if len(r.left) > 0 {
			leftS = s.Archived.Render(left)
		}
		if len(r.right) > 0 {
			rightS = s.Archived.Render(right)
		}
	}
	probS := pad(probs, probW)
	if r.errors > 0 {
		probS = s.Error.Render(probS)
	} else if r.warnings > 0 {
		probS = s.Warning.Render(probS)
	}
	markS := mark
	if mark != " " {
		markS = s.Marked.Render(mark)
	}
	return fitLine(" "+markS+gm+" "+stateStyled+" "+leftS+" "+rightS+" "+probS, w)
}

// pad cuts or fills s to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if n := lipgloss.Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// fitLine cuts a (possibly styled) line to w cells.
func fitLine(s string, w int) string { return ansi.Truncate(s, w, "…") }

// sanitizeLine makes text from a file safe and single-line for the screen.
func sanitizeLine(s string) string { return model.SafeText(s, false) }

// ShortHelp and FullHelp are the list's key help.
func (l *listView) ShortHelp() []key.Binding {
	if l.filterOn {
		return l.c.Keys.filterShort()
	}
	return l.c.Keys.listShort()
}

func (l *listView) FullHelp() [][]key.Binding { return l.c.Keys.listFull() }
