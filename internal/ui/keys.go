package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/jobtui/jobtui/internal/i18n"
)

// KeyMap declares every key once, with its help in the interface language.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom                                key.Binding
	Filter, ApplyFilter, ClearFilter, NextView, View1, View2, View3, View4 key.Binding
	Sort, Preview, Back, SwitchLang, SyncScroll, Mark                      key.Binding
	Archive, Undo, Edit, EditBody, New, Diff, Commit, Push, Reload         key.Binding
	Language, Help, Quit, ForceQuit, Yes, No, Cancel                       key.Binding
}

// NewKeyMap builds the keys with help texts from tr.
func NewKeyMap(tr *i18n.Tr) *KeyMap {
	t := &tr.UI
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return &KeyMap{
		Up:          b([]string{"up", "k"}, "↑/k", t.Up),
		Down:        b([]string{"down", "j"}, "↓/j", t.Down),
		PageUp:      b([]string{"pgup", "ctrl+b"}, "pgup", t.PageUp),
		PageDown:    b([]string{"pgdown", "ctrl+f"}, "pgdn", t.PageDown),
		Top:         b([]string{"home", "g"}, "g", t.Top),
		Bottom:      b([]string{"end", "G"}, "G", t.Bottom),
		Filter:      b([]string{"/"}, "/", t.Filter),
		ApplyFilter: b([]string{"enter"}, "enter", t.ApplyFilter),
		ClearFilter: b([]string{"esc"}, "esc", t.ClearFilter),
		NextView:    b([]string{"tab"}, "tab/1-4", t.NextView),
		View1:       b([]string{"1"}, "1", t.ViewAll),
		View2:       b([]string{"2"}, "2", t.ViewOpen),
		View3:       b([]string{"3"}, "3", t.ViewArchived),
		View4:       b([]string{"4"}, "4", t.ViewProblems),
		Sort:        b([]string{"s"}, "s", t.Sort),
		Preview:     b([]string{"enter"}, "enter", t.Preview),
		Back:        b([]string{"esc", "q"}, "esc", t.Back),
		SwitchLang:  b([]string{"tab"}, "tab", t.SwitchLang),
		SyncScroll:  b([]string{"y"}, "y", t.SyncScroll),
		Mark:        b([]string{"space"}, "space", t.Mark),
		Archive:     b([]string{"a"}, "a", t.Archive),
		Undo:        b([]string{"u"}, "u", t.Undo),
		Edit:        b([]string{"e"}, "e", t.Edit),
		EditBody:    b([]string{"E"}, "E", t.EditBody),
		New:         b([]string{"n"}, "n", t.NewPosting),
		Diff:        b([]string{"d"}, "d", t.Diff),
		Commit:      b([]string{"c"}, "c", t.Commit),
		Push:        b([]string{"P"}, "P", t.Push),
		Reload:      b([]string{"ctrl+r"}, "ctrl+r", t.Reload),
		Language:    b([]string{"L"}, "L", t.Language),
		Help:        b([]string{"?"}, "?", t.Help),
		Quit:        b([]string{"q"}, "q", t.Quit),
		ForceQuit:   b([]string{"ctrl+c"}, "ctrl+c", t.Quit),
		Yes:         b([]string{"y", "o", "Y", "O"}, t.YesNo, ""),
		No:          b([]string{"n", "N", "esc"}, t.YesNo, ""),
		Cancel:      b([]string{"esc"}, "esc", tr.Forms.Cancel),
	}
}

// listHelp is the help of the list, short and full.
func (k *KeyMap) listShort() []key.Binding {
	return []key.Binding{k.Filter, k.Preview, k.Archive, k.Undo, k.Edit, k.Help, k.Quit}
}

func (k *KeyMap) listFull() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.NextView, k.Sort, k.Preview, k.Mark},
		{k.Archive, k.Undo, k.Edit, k.EditBody, k.New, k.Diff},
		{k.Commit, k.Push, k.Reload, k.Language, k.Help, k.Quit},
	}
}

func (k *KeyMap) previewShort() []key.Binding {
	return []key.Binding{k.Back, k.Up, k.Down, k.SwitchLang, k.Archive, k.Edit, k.Help}
}

func (k *KeyMap) previewFull() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Back, k.SwitchLang, k.SyncScroll},
		{k.Archive, k.Undo, k.Edit, k.EditBody, k.Diff},
		{k.Reload, k.Language, k.Help, k.ForceQuit},
	}
}

func (k *KeyMap) filterShort() []key.Binding {
	return []key.Binding{k.ApplyFilter, k.ClearFilter}
}
