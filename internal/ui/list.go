package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// listKeys are the keys of the list (scrollKeys move its cursor).
type listKeys struct {
	scrollKeys
	Filter, ApplyFilter, ClearFilter           key.Binding
	NextView, View1, View2, View3, View4, Sort key.Binding
	View5, Preview, Mark, Review, UnmarkAll    key.Binding
}

func newListKeys(tr *i18n.Tr) listKeys {
	t, b := &tr.UI, common.Bind
	return listKeys{
		scrollKeys:  newScrollKeys(tr),
		Filter:      b([]string{"/"}, "/", t.Filter),
		ApplyFilter: b([]string{"enter"}, "enter", t.ApplyFilter),
		ClearFilter: b([]string{"esc"}, "esc", t.ClearFilter),
		NextView:    b([]string{"tab"}, "tab/1-5", t.NextView),
		View1:       b([]string{"1"}, "1", t.ViewAll),
		View2:       b([]string{"2"}, "2", t.ViewOpen),
		View3:       b([]string{"3"}, "3", t.ViewArchived),
		View4:       b([]string{"4"}, "4", t.ViewProblems),
		View5:       b([]string{"5"}, "5", tr.Review.ViewReview),
		Review:      b([]string{"R"}, "R", tr.Review.OpenReview),
		Sort:        b([]string{"s"}, "s", t.Sort),
		Preview:     b([]string{"enter"}, "enter", t.Preview),
		Mark:        b([]string{"space"}, "space", t.Mark),
		UnmarkAll:   b([]string{"esc"}, "esc", tr.Flow.UnmarkAll),
	}
}

// listView shows the groups, both languages side by side, with quick
// views, a sort and a filter (a bubbles textinput).
type listView struct {
	c       *common.Common
	keys    listKeys
	all     []row
	visible []int // indexes into all, filtered and sorted
	cursor  int
	offset  int
	view    quickView
	order   sortOrder
	filter  textinput.Model
	marked  map[string]bool
	reveal  string                           // the group to select when the rows come (just created)
	review  map[string]gitops.ProposalBranch // groups an unmerged proposal changes
	width   int
	height  int
	langs   []string
}

func newListView(c *common.Common) *listView {
	f := textinput.New()
	f.Prompt = ""
	st := f.Styles()
	st.Cursor.Blink = false // a steady cursor, as a terminal's
	f.SetStyles(st)
	return &listView{c: c, keys: newListKeys(c.Tr), marked: map[string]bool{}, filter: f}
}

func (l *listView) SetSize(w, h int) {
	l.width, l.height = w, h
	l.filter.SetWidth(max(1, w-len([]rune(l.c.Tr.UI.FilterPrompt))-1))
	l.clamp()
}

// SetInReview marks the groups that an unmerged proposal changes.
func (l *listView) SetInReview(m map[string]gitops.ProposalBranch) { l.review = m }

// Filtering tells the root that the filter has the keys: global keys are
// off meanwhile.
func (l *listView) Filtering() bool { return l.filter.Focused() }

// SetRows replaces the rows, keeping the selection on the same group.
func (l *listView) SetRows(rows []row, langs []string) {
	keep := l.selectedID()
	l.all, l.langs = rows, langs
	l.pruneMarks()
	if l.reveal != "" {
		// A posting just created: every row, without filter.
		keep, l.reveal = l.reveal, ""
		l.filter.Reset()
		l.view = viewAll
	}
	l.refresh()
	l.selectID(keep)
}

func (l *listView) selectedID() string {
	if r := l.Selected(); r != nil {
		return r.ID
	}
	return ""
}

// Selected is the row under the cursor, or nil.
func (l *listView) Selected() *row {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return nil
	}
	return &l.all[l.visible[l.cursor]]
}

// selectID moves the cursor to the row of id, if shown.
func (l *listView) selectID(id string) {
	for i, idx := range l.visible {
		if id != "" && l.all[idx].ID == id {
			l.cursor = i
			break
		}
	}
	l.clamp()
}

// refresh recomputes the visible rows from the filter, view and sort.
func (l *listView) refresh() {
	needle := fold(strings.TrimSpace(l.filter.Value()))
	l.visible = l.visible[:0]
	for i := range l.all {
		if r := &l.all[i]; l.shows(r) && (needle == "" || strings.Contains(r.search, needle)) {
			l.visible = append(l.visible, i)
		}
	}
	all := l.all
	sort.SliceStable(l.visible, func(i, j int) bool { return l.less(&all[l.visible[i]], &all[l.visible[j]]) })
	l.clamp()
}

// shows tells whether the quick view keeps a row.
func (l *listView) shows(r *row) bool {
	switch l.view {
	case viewOpen:
		return r.State == app.RowOpen && r.Broken == nil
	case viewArchived:
		return r.State == app.RowArchived
	case viewProblems:
		return r.Errors+r.Warnings > 0
	case viewReview:
		changed, _ := r.staleSince()
		return changed != ""
	}
	return true
}

func (l *listView) less(a, b *row) bool {
	if l.view == viewReview { // the one waiting longest first
		ca, _ := a.staleSince()
		cb, _ := b.staleSince()
		if ca != cb {
			return ca < cb
		}
	}
	switch l.order {
	case sortTitleFR:
		if a.titleR != b.titleR {
			return a.titleR < b.titleR
		}
	case sortState:
		if a.State != b.State {
			return a.State < b.State
		}
	case sortChanged:
		if !a.Changed.Equal(b.Changed) {
			return a.Changed.After(b.Changed)
		}
	}
	if a.titleL != b.titleL {
		return a.titleL < b.titleL
	}
	return a.ID < b.ID
}

func (l *listView) clamp() {
	l.cursor = max(0, min(l.cursor, len(l.visible)-1))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	// Rows with several files per language take a line per file: move the
	// window until the cursor's row fits.
	for l.offset < l.cursor && l.linesBetween(l.offset, l.cursor) > l.bodyHeight() {
		l.offset++
	}
	l.offset = max(0, l.offset)
}

// rowHeight is the number of lines a row takes: one per file of its fuller
// language.
func (l *listView) rowHeight(i int) int {
	r := &l.all[l.visible[i]]
	return max(1, len(r.Left), len(r.Right))
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

// Update handles the list's keys and the mouse. A move to another row
// says so with a selectMsg (the preview follows); enter asks for the
// preview.
func (l *listView) Update(msg tea.Msg) tea.Cmd {
	before := l.selectedID()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case contextMsg:
		l.keys = newListKeys(l.c.Tr)
		l.SetSize(l.width, l.height)
	case actionMsg:
		if msg.undo != nil { // an archive committed: its marks are done
			l.unmark(msg.undo.ids)
		}
		if msg.selectKey != "" {
			l.reveal = msg.selectKey
		}
	case tea.KeyPressMsg:
		if l.filter.Focused() {
			cmd = l.filterKey(msg)
		} else {
			cmd = l.key(msg)
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			l.move(-3)
		} else if msg.Button == tea.MouseWheelDown {
			l.move(3)
		}
	case tea.MouseClickMsg:
		l.click(msg.Y - 2) // rows start below the tabs and the column header
	}
	if after := l.Selected(); after != nil && after.ID != before {
		return tea.Batch(cmd, func() tea.Msg { return selectMsg{} })
	}
	return cmd
}

// filterKey: while the filter has focus every key is its own.
func (l *listView) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, l.keys.ApplyFilter):
		l.filter.Blur()
		return nil
	case key.Matches(msg, l.keys.ClearFilter):
		l.filter.Blur()
		l.filter.Reset()
		l.refresh()
		return nil
	}
	was := l.filter.Value()
	var cmd tea.Cmd
	l.filter, cmd = l.filter.Update(msg)
	if l.filter.Value() != was {
		l.cursor = 0
		l.refresh()
	}
	return cmd
}

func (l *listView) key(msg tea.KeyPressMsg) tea.Cmd {
	k := l.keys
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
		l.move(-len(l.visible))
	case key.Matches(msg, k.Bottom):
		l.move(len(l.visible))
	case key.Matches(msg, k.Filter):
		return l.filter.Focus()
	case key.Matches(msg, k.ClearFilter) && l.filter.Value() != "":
		l.filter.Reset()
		l.refresh()
	case key.Matches(msg, k.UnmarkAll) && len(l.marked) > 0:
		n := len(l.marked)
		l.marked = map[string]bool{}
		return send(statusMsg(l.c.Tr.N(l.c.Tr.Flow.Unmarked, n)))
	case key.Matches(msg, k.NextView, k.View1, k.View2, k.View3, k.View4, k.View5):
		l.setView(msg)
	case key.Matches(msg, k.Sort):
		l.order = (l.order + 1) % 4
		l.refresh()
	case key.Matches(msg, k.Mark):
		l.toggleMark()
	case key.Matches(msg, k.Review), l.view == viewReview && key.Matches(msg, k.Preview):
		r := l.Selected()
		if r == nil {
			return nil
		}
		if changed, _ := r.staleSince(); changed == "" {
			return send(statusMsg(l.c.Tr.Review.NotStaleRow))
		}
		return send(openReviewMsg{id: r.ID})
	case key.Matches(msg, k.Preview):
		if l.Selected() != nil {
			return func() tea.Msg { return openPreviewMsg{} }
		}
	}
	return nil
}

func (l *listView) setView(msg tea.KeyPressMsg) {
	k := l.keys
	switch {
	case key.Matches(msg, k.NextView):
		l.view = (l.view + 1) % quickViews
	case key.Matches(msg, k.View1):
		l.view = viewAll
	case key.Matches(msg, k.View2):
		l.view = viewOpen
	case key.Matches(msg, k.View3):
		l.view = viewArchived
	case key.Matches(msg, k.View4):
		l.view = viewProblems
	case key.Matches(msg, k.View5):
		l.view = viewReview
	}
	l.refresh()
}

// click selects the row at line y of the rows.
func (l *listView) click(y int) {
	for i := l.offset; y >= 0 && i < len(l.visible); i++ {
		if y < l.rowHeight(i) {
			l.cursor = i
			l.clamp()
			return
		}
		y -= l.rowHeight(i)
	}
}

// ShortHelp and FullHelp are the list's own keys; the root adds the
// actions and the global keys.
func (l *listView) ShortHelp() []key.Binding {
	if l.filter.Focused() {
		return []key.Binding{l.keys.ApplyFilter, l.keys.ClearFilter}
	}
	var marks []key.Binding
	if len(l.marked) > 0 {
		marks = []key.Binding{l.keys.UnmarkAll}
	}
	if l.view == viewReview {
		return append(marks, l.keys.Filter, l.keys.Review)
	}
	return append(marks, l.keys.Filter, l.keys.Preview)
}

func (l *listView) FullHelp() [][]key.Binding {
	k := l.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.NextView, k.Sort, k.Preview, k.Mark, k.UnmarkAll, k.Review},
	}
}
