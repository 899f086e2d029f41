package ui

import (
	"sort"

	"github.com/jobtui/jobtui/internal/app"
)

// What the list's actions act on: the marked groups it shows, or the
// selected one; the archived rows of the Archived view.

// ArchivedShown is, in the Archived view with nothing marked, every
// archived row shown (what x removes there); else nil.
func (l *listView) ArchivedShown() []string {
	if l.view != viewArchived || len(l.marked) > 0 {
		return nil
	}
	var ids []string
	for _, i := range l.visible {
		if r := &l.all[i]; r.Group != nil && r.State == app.RowArchived {
			ids = append(ids, rowRef(r))
		}
	}
	return ids
}

// rowRef names a row's group as app.ResolveGroups takes it: its key, or
// for a keyless group one of its files.
func rowRef(r *row) string {
	if r.Group.Key == "" {
		return r.Files()[0].Path
	}
	return r.Group.Key
}

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

// unmark drops the marks of the groups an action has done.
func (l *listView) unmark(ids []string) {
	for _, id := range ids {
		delete(l.marked, id)
	}
}

// toggleMark marks or unmarks the selected group, then moves down (space).
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
