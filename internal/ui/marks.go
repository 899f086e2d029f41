package ui

import (
	"sort"

	"github.com/jobtui/jobtui/internal/app"
)

// The list's marks (space): what an archive or a removal acts on, as long
// as the list shows them.

// Chosen is what an archive acts on: the marked groups the list shows, or
// the selected one; whether every one of them is archived already; and how
// many marked groups the filter or the quick view hides, which an action
// leaves out (an action acts on what the person sees).
func (l *listView) Chosen() (ids []string, allArchived bool, hidden int) {
	allArchived = true
	shown := map[string]bool{}
	for _, i := range l.visible {
		shown[l.all[i].ID] = true
	}
	for i := range l.all {
		r := &l.all[i]
		switch {
		case !l.marked[r.ID]:
		case !shown[r.ID]:
			hidden++
		default:
			ids = append(ids, r.ID)
			allArchived = allArchived && r.State == app.RowArchived
		}
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		if r := l.Selected(); r != nil && r.Group != nil {
			ids, allArchived = []string{rowRef(r)}, r.State == app.RowArchived
		}
	}
	return ids, allArchived, hidden
}

// hiddenMarks counts the marked groups the filter or the quick view hides.
func (l *listView) hiddenMarks() int {
	_, _, n := l.Chosen()
	return n
}

// pruneMarks drops the marks of groups that are gone (removed, renamed):
// a mark counts only what the list holds.
func (l *listView) pruneMarks() {
	held := make(map[string]bool, len(l.all))
	for i := range l.all {
		held[l.all[i].ID] = true
	}
	for id := range l.marked {
		if !held[id] {
			delete(l.marked, id)
		}
	}
}

// unmark drops the marks of the groups an action has done.
func (l *listView) unmark(ids []string) {
	for _, id := range ids {
		delete(l.marked, id)
	}
}

func (l *listView) toggleMark() {
	if r := l.Selected(); r != nil && r.Group != nil {
		if l.marked[r.ID] {
			delete(l.marked, r.ID)
		} else {
			l.marked[r.ID] = true
		}
		l.move(1)
	}
}
