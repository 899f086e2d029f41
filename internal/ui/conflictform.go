package ui

import (
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// conflictChoice is a save refused because fields changed on disk while
// the form was open (model.ConflictError): the edit waits for the person to
// choose, field by field, between their value and the file's.
type conflictChoice struct {
	id        string
	edit      model.GroupEdit
	conflicts []model.Conflict
}

// conflictForm shows each conflict with both values and asks which to keep.
// The file's value is chosen at first: nothing is overwritten by a key
// pressed too fast.
type conflictForm struct {
	huhChild
	mine []bool // by conflict: keep the form's value
}

// conflictValue shows a value on one line, without control characters,
// cut short.
func conflictValue(tr *i18n.Tr, v string) string {
	if v == "" {
		return tr.Forms.Empty
	}
	s := []rune(model.SafeText(v, false))
	if len(s) > 200 {
		s = append(s[:199], '…')
	}
	return i18n.F(tr.Forms.Quoted, "value", string(s))
}

func newConflictForm(c *common.Common, q *conflictChoice) *conflictForm {
	tr := c.Tr
	f := &conflictForm{mine: make([]bool, len(q.conflicts))}
	fields := make([]huh.Field, len(q.conflicts))
	for i, cf := range q.conflicts {
		fields[i] = huh.NewSelect[bool]().
			Title(i18n.F(tr.Forms.ConflictField, "field", cf.Field, "lang", i18n.LangName(tr, cf.Lang), "path", common.SafeLine(cf.Path))).
			Description(i18n.F(tr.Forms.ConflictValues, "disk", conflictValue(tr, cf.Disk), "mine", conflictValue(tr, cf.Mine))).
			Options(huh.NewOption(tr.Forms.TakeTheirs, false), huh.NewOption(tr.Forms.KeepMine, true)).
			Value(&f.mine[i])
	}
	f.huhChild = newHuhForm(c, huh.NewGroup(fields...).Title(tr.Forms.ConflictTitle))
	f.dirty = func() bool { return true } // esc would throw the whole edit away: ask
	return f
}

// settle applies the choices to the edit: the form's value replaces the
// file's (Overwrite), or the file keeps its own (KeepFile).
func (f *conflictForm) settle(q *conflictChoice) model.GroupEdit {
	e := q.edit
	for i, c := range q.conflicts {
		if f.mine[i] {
			e.Overwrite(c)
		} else {
			e.KeepFile(c)
		}
	}
	return e
}
