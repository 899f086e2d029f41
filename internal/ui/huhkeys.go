package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/i18n"
)

// huhKeyMap is huh's default key map with its help in the interface
// language (huh only ships English), and French "o" for oui where huh takes
// "y" for yes.
func huhKeyMap(tr *i18n.Tr) *huh.KeyMap {
	f := &tr.Forms
	km := huh.NewDefaultKeyMap()
	help := func(b *key.Binding, desc string) { b.SetHelp(b.Help().Key, desc) }
	for _, b := range []*key.Binding{&km.Input.Prev, &km.Text.Prev, &km.Select.Prev, &km.MultiSelect.Prev, &km.Note.Prev, &km.Confirm.Prev, &km.FilePicker.Prev} {
		help(b, f.KeyBack)
	}
	for _, b := range []*key.Binding{&km.Input.Next, &km.Text.Next, &km.Note.Next, &km.Confirm.Next, &km.FilePicker.Next} {
		help(b, f.KeyNext)
	}
	for _, b := range []*key.Binding{&km.Input.Submit, &km.Text.Submit, &km.Select.Submit, &km.MultiSelect.Submit, &km.Note.Submit, &km.Confirm.Submit, &km.FilePicker.Submit} {
		help(b, f.KeySubmit)
	}
	help(&km.Input.AcceptSuggestion, f.KeyComplete)
	help(&km.Text.NewLine, f.KeyNewLine)
	help(&km.Text.Editor, f.KeyEditor)
	help(&km.Select.Next, f.KeySelect)
	help(&km.MultiSelect.Next, f.KeyConfirm)
	help(&km.MultiSelect.Toggle, f.KeyToggle)
	help(&km.Confirm.Toggle, f.KeyToggle)
	for _, b := range []*key.Binding{&km.Select.Up, &km.MultiSelect.Up, &km.FilePicker.Up} {
		help(b, f.KeyUp)
	}
	for _, b := range []*key.Binding{&km.Select.Down, &km.MultiSelect.Down, &km.FilePicker.Down} {
		help(b, f.KeyDown)
	}
	for _, b := range []*key.Binding{&km.Select.Filter, &km.MultiSelect.Filter} {
		help(b, f.KeyFilter)
	}
	for _, b := range []*key.Binding{&km.Select.SetFilter, &km.MultiSelect.SetFilter} {
		help(b, f.KeySetFilter)
	}
	for _, b := range []*key.Binding{&km.Select.ClearFilter, &km.MultiSelect.ClearFilter} {
		help(b, f.KeyClearFilter)
	}
	for _, b := range []*key.Binding{&km.Select.HalfPageUp, &km.MultiSelect.HalfPageUp} {
		help(b, f.KeyHalfPageUp)
	}
	for _, b := range []*key.Binding{&km.Select.HalfPageDown, &km.MultiSelect.HalfPageDown} {
		help(b, f.KeyHalfPageDown)
	}
	for _, b := range []*key.Binding{&km.Select.GotoTop, &km.MultiSelect.GotoTop, &km.FilePicker.GotoTop} {
		help(b, f.KeyStart)
	}
	for _, b := range []*key.Binding{&km.Select.GotoBottom, &km.MultiSelect.GotoBottom, &km.FilePicker.GotoBottom} {
		help(b, f.KeyEnd)
	}
	help(&km.MultiSelect.SelectAll, f.KeySelectAll)
	help(&km.MultiSelect.SelectNone, f.KeySelectNone)
	if tr.Lang == i18n.FR {
		km.Confirm.Accept = key.NewBinding(key.WithKeys("o", "O", "y", "Y"), key.WithHelp("o", f.Yes))
	} else {
		km.Confirm.Accept.SetHelp("y", f.Yes)
	}
	km.Confirm.Reject.SetHelp("n", f.No)
	return km
}
