package ui

import (
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// newForm asks for a new posting in both languages.
type newForm struct {
	huhChild
	langs         []string
	titles, descs map[string]*string
	key, lever    string
}

func newNewForm(c *common.Common, cat *model.Catalog) *newForm {
	tr := c.Tr
	f := &newForm{langs: cat.Site.Langs, titles: map[string]*string{}, descs: map[string]*string{}}
	var groups []*huh.Group
	for _, lang := range cat.Site.Langs {
		var title, desc string
		f.titles[lang], f.descs[lang] = &title, &desc
		name := i18n.LangName(tr, lang)
		groups = append(groups, huh.NewGroup(
			huh.NewInput().Title(tr.Forms.Title+" ("+name+")").Value(f.titles[lang]).
				Validate(func(s string) error { return validationText(tr, model.ValidateTitle(s)) }),
			huh.NewText().Title(tr.Forms.Description+" ("+name+")").Value(f.descs[lang]).Lines(3),
		).Title(tr.UI.NewPosting+" · "+name))
	}
	first := f.titles[cat.Site.Langs[0]]
	groups = append(groups, huh.NewGroup(
		huh.NewInput().Title(tr.Forms.TranslationKey).Value(&f.key).
			PlaceholderFunc(func() string { return model.SuggestKey(*first) }, first).
			Validate(func(s string) error {
				if s == "" {
					s = model.SuggestKey(*first)
				}
				return validationText(tr, model.ValidateKey(cat, nil, s))
			}),
		huh.NewInput().Title(tr.Forms.LeverID).Value(&f.lever).
			Validate(func(s string) error { return validationText(tr, model.ValidateLeverID(s)) }),
	).Title(tr.UI.NewPosting))
	f.huhChild = newHuhForm(c, groups...)
	return f
}

// Result is the pair to create; an empty key means the suggested one.
func (f *newForm) Result() model.NewPair {
	np := model.NewPair{Titles: map[string]string{}, Descriptions: map[string]string{}, TranslationKey: f.key, LeverID: f.lever}
	for _, l := range f.langs {
		np.Titles[l], np.Descriptions[l] = *f.titles[l], *f.descs[l]
	}
	return np
}
