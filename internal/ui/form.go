package ui

import (
	"errors"
	"sort"
	"strings"

	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// editForm edits a group's front matter: the shared fields once, then the
// title and description of each language. It is a child of the root, which
// forwards every message and watches its state (STYLE.md, huh forms).
type editForm struct {
	huhChild
	groupID string
	langs   []string
	only    string // the one file written, when the person picked one

	// shared is the group of the fields written to every file, and note
	// its description for a width: which files they go to, laid out
	// again on resize (SetSize).
	shared *huh.Group
	note   func(w int) string

	key, lever, layout, typ string
	archived                bool
	titles, descs           map[string]*string
	base                    model.Base // the files' values when the form opened

	// orig holds the values as the fields showed them at first (controls
	// as placeholders, model.EditableText): a field left alone is not in
	// the edit, whatever its text.
	orig struct {
		key, lever, layout, typ string
		archived                bool
		titles, descs           map[string]string
	}
}

// validationText is a model validation error in the user's language.
func validationText(tr *i18n.Tr, err error) error {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	f := &tr.Forms
	switch ve.Reason {
	case model.ReasonEmpty:
		return errors.New(f.ErrEmpty)
	case model.ReasonNotSlug:
		return errors.New(f.ErrSlug)
	case model.ReasonKeyInUse:
		return errors.New(f.ErrKeyInUse)
	case model.ReasonNotUUID:
		return errors.New(f.ErrUUID)
	case model.ReasonNotSingle:
		return errors.New(f.ErrOneLine)
	}
	return err
}

// siteValues lists the values a field takes across the site, for a select.
func siteValues(cat *model.Catalog, get func(*model.Posting) string, current string) []huh.Option[string] {
	seen := map[string]bool{current: true}
	vals := []string{current}
	for _, p := range cat.Postings {
		if v := get(p); p.Readable() && !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	sort.Strings(vals[1:])
	opts := make([]huh.Option[string], len(vals))
	for i, v := range vals {
		label := v
		if v == "" {
			label = "—"
		}
		opts[i] = huh.NewOption(common.SafeLine(label), v)
	}
	return opts
}

// unchangedOr validates a field's text, except the one it showed at first:
// a value left alone is not written, so not judged (a hostile file's key
// must not lock the form).
func unchangedOr(orig string, check func(string) error) func(string) error {
	return func(s string) error {
		if s == orig {
			return nil
		}
		return check(model.FromEditable(s))
	}
}

// newEditForm builds the form on cat, a fresh read of the files: the values
// it starts from are the ones compared with the files at save time. It
// edits the group g, or only one of its files when only is set (a language
// with several files: the person picked one); the shared fields say which
// files they are written to.
func newEditForm(c *common.Common, cat *model.Catalog, g *model.Group, only *model.Posting) *editForm {
	f := &editForm{groupID: g.ID(), langs: cat.Site.Langs, titles: map[string]*string{}, descs: map[string]*string{},
		base: model.BaseOf(g, cat.Site.Langs)}
	f.orig.titles, f.orig.descs = map[string]string{}, map[string]string{}
	first := g.Postings(cat.Site.Langs)[0]
	if only != nil {
		first, f.only = only, only.Path
	}
	f.key, f.lever = model.EditableText(g.Key, false), model.EditableText(first.LeverID, false)
	f.layout, f.typ, f.archived = first.Layout, first.Type, first.Archived
	f.orig.key, f.orig.lever, f.orig.layout, f.orig.typ, f.orig.archived = f.key, f.lever, f.layout, f.typ, f.archived
	f.shared = f.sharedGroup(c, cat, g, only)
	groups := []*huh.Group{f.shared}
	for _, lang := range cat.Site.Langs {
		p := g.First(lang)
		if only != nil {
			p = nil
			if only.Lang == lang {
				p = only
			}
		}
		if p == nil || !p.Readable() {
			continue
		}
		groups = append(groups, f.languageGroup(c, p))
	}
	f.huhChild = newHuhForm(c, groups...)
	f.dirty = func() bool { return !editIsEmpty(f.Result()) }
	return f
}

// sharedGroup holds the fields written to every file of the group (or to
// the one file picked), and says which.
func (f *editForm) sharedGroup(c *common.Common, cat *model.Catalog, g *model.Group, only *model.Posting) *huh.Group {
	tr := c.Tr
	var names []string
	if only != nil {
		names = []string{only.Path}
	} else {
		for _, p := range g.Postings(cat.Site.Langs) {
			if p.Readable() { // the language, as the names alone can be the same
				names = append(names, p.Lang+"/"+p.Rel)
			}
		}
	}
	f.note = func(w int) string {
		fitted := make([]string, len(names))
		for i, n := range names { // whole on a line, shortened in the middle if need be
			fitted[i] = common.FitMiddle(strings.ReplaceAll(common.SafeLine(n), " ", "\u00a0"), w-1) // and its comma
		}
		if only != nil {
			return common.WrapWords(i18n.F(tr.Flow.OnlyThisFile, "path", fitted[0]), w)
		}
		return common.WrapWords(tr.N(tr.Flow.SharedApplies, len(names), "paths", strings.Join(fitted, ", ")), w)
	}
	note := f.note(min(c.Width, formWidth))
	return huh.NewGroup(
		checked(huh.NewInput().Title(withValue(c, tr.Forms.TranslationKey, f.key)).Value(&f.key), "",
			keepOnEnter(c, unchangedOr(f.orig.key, func(s string) error { return validationText(tr, model.ValidateKey(cat, g, s)) }))),
		huh.NewConfirm().Title(tr.Forms.Archived).Affirmative(tr.Forms.Yes).Negative(tr.Forms.No).Value(&f.archived),
		checked(huh.NewInput().Title(withValue(c, tr.Forms.LeverID, f.lever)).Value(&f.lever), "",
			keepOnEnter(c, unchangedOr(f.orig.lever, func(s string) error { return validationText(tr, model.ValidateLeverID(s)) }))),
		huh.NewSelect[string]().Title(tr.Forms.Layout).Options(siteValues(cat, func(p *model.Posting) string { return p.Layout }, f.layout)...).Value(&f.layout),
		huh.NewSelect[string]().Title(tr.Forms.Type).Options(siteValues(cat, func(p *model.Posting) string { return p.Type }, f.typ)...).Value(&f.typ),
	).Title(i18n.F(tr.UI.EditTitle, "id", common.SafeLine(g.ID()))).Description(note)
}

// languageGroup holds the title and description of one file.
func (f *editForm) languageGroup(c *common.Common, p *model.Posting) *huh.Group {
	tr := c.Tr
	lang := p.Lang
	title, desc := model.EditableText(p.Title, false), model.EditableText(p.Description, true)
	f.titles[lang], f.descs[lang] = &title, &desc
	f.orig.titles[lang], f.orig.descs[lang] = title, desc
	name := i18n.LangName(tr, lang)
	return huh.NewGroup(
		checked(huh.NewInput().Title(withValue(c, tr.Forms.Title+" ("+name+")", title)).Value(f.titles[lang]), "",
			keepOnEnter(c, unchangedOr(title, func(s string) error { return validationText(tr, model.ValidateTitle(s)) }))),
		huh.NewText().Title(withValue(c, tr.Forms.Description+" ("+name+")", desc)).Value(f.descs[lang]).Lines(4),
	).Title(capitalize(name)) // a heading, as the preview's
}

// Result is the edit with only the fields that changed, their placeholders
// turned back into the characters they stand for, and the values the files
// held when the form opened (Base), for the save to compare.
func (f *editForm) Result() model.GroupEdit {
	e := model.GroupEdit{Base: f.base, Only: f.only}
	str := func(now, was string) *string {
		if now == was {
			return nil
		}
		v := model.FromEditable(now)
		return &v
	}
	raw := func(now, was string) *string { // a select's value, never shown as placeholders
		if now == was {
			return nil
		}
		return &now
	}
	e.TranslationKey = str(f.key, f.orig.key)
	e.LeverID = str(f.lever, f.orig.lever)
	e.Layout = raw(f.layout, f.orig.layout)
	e.Type = raw(f.typ, f.orig.typ)
	if f.archived != f.orig.archived {
		a := f.archived
		e.Archived = &a
	}
	e.Title, e.Description = map[string]*string{}, map[string]*string{}
	for lang, v := range f.titles {
		e.Title[lang] = str(*v, f.orig.titles[lang])
	}
	for lang, v := range f.descs {
		e.Description[lang] = str(*v, f.orig.descs[lang])
	}
	return e
}

// editIsEmpty reports an edit that changes nothing.
func editIsEmpty(e model.GroupEdit) bool {
	if e.TranslationKey != nil || e.LeverID != nil || e.Layout != nil || e.Type != nil || e.Archived != nil {
		return false
	}
	for _, v := range e.Title {
		if v != nil {
			return false
		}
	}
	for _, v := range e.Description {
		if v != nil {
			return false
		}
	}
	return true
}

// SetSize lays the note out again for the form's width.
func (f *editForm) SetSize(w, h int) {
	f.shared.Description(f.note(min(w, formWidth)))
	f.huhChild.SetSize(w, h)
}
