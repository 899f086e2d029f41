package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/model"
)

// newForm asks for a new posting in both languages.
type newForm struct {
	c             *Common
	form          *huh.Form
	langs         []string
	titles, descs map[string]*string
	key, lever    string
}

func newNewForm(c *Common, cat *model.Catalog) *newForm {
	tr := c.Tr
	f := &newForm{c: c, langs: cat.Site.Langs, titles: map[string]*string{}, descs: map[string]*string{}}
	var groups []*huh.Group
	for _, lang := range cat.Site.Langs {
		var title, desc string
		f.titles[lang], f.descs[lang] = &title, &desc
		name := model.LangName(tr, lang)
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
	f.form = huh.NewForm(groups...).WithShowHelp(false).WithAccessible(c.Accessible).
		WithTheme(huh.ThemeFunc(huh.ThemeBase16)).WithWidth(min(c.Width, 100))
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

func (f *newForm) Init() tea.Cmd { return f.form.Init() }

func (f *newForm) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, f.c.Keys.Cancel) {
		f.form.State = huh.StateAborted
		return nil
	}
	m, cmd := f.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		f.form = form
	}
	return cmd
}

func (f *newForm) View() string             { return f.form.View() }
func (f *newForm) SetSize(w, h int)         { f.form = f.form.WithWidth(min(w, 100)).WithHeight(h) }
func (f *newForm) Done() bool               { return f.form.State == huh.StateCompleted }
func (f *newForm) Aborted() bool            { return f.form.State == huh.StateAborted }
func (f *newForm) ShortHelp() []key.Binding { return append(f.form.KeyBinds(), f.c.Keys.Cancel) }
