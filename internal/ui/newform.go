package ui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// newForm asks for a new posting in both languages. The key is filled in
// from the first title when its field is reached (a real value, kept when
// the person changes it), not a placeholder that typing replaces.
type newForm struct {
	huhChild
	cat           *model.Catalog
	langs         []string
	titles, descs map[string]*string
	key, lever    string
	keyInput      *huh.Input
	suggested     string // the key last filled in
	suggestedFor  string // the title it was made from
}

func newNewForm(c *common.Common, cat *model.Catalog) *newForm {
	tr := c.Tr
	f := &newForm{cat: cat, langs: cat.Site.Langs, titles: map[string]*string{}, descs: map[string]*string{}}
	var groups []*huh.Group
	for i, lang := range cat.Site.Langs {
		var title, desc string
		f.titles[lang], f.descs[lang] = &title, &desc
		name := i18n.LangName(tr, lang)
		var value huh.Accessor[string] = huh.NewPointerAccessor(f.titles[lang])
		if i == 0 && c.Accessible { // Update, which suggests the key, does not run there
			value = suggestingTitle{f, f.titles[lang]}
		}
		groups = append(groups, huh.NewGroup(
			checked(huh.NewInput().Title(tr.Forms.Title+" ("+name+")").Accessor(value), "",
				func(s string) error { return validationText(tr, model.ValidateTitle(s)) }),
			huh.NewText().Title(tr.Forms.Description+" ("+name+")").Value(f.descs[lang]).Lines(3),
		).Title(capitalize(tr.UI.NewPosting)+" · "+name).Description(tr.Picker.NewArchived))
	}
	f.keyInput = f.keyField(c)
	groups = append(groups, huh.NewGroup(
		f.keyInput,
		checked(huh.NewInput().Title(tr.Forms.LeverID).Value(&f.lever), "",
			func(s string) error { return validationText(tr, model.ValidateLeverID(s)) }),
	).Title(capitalize(tr.UI.NewPosting)).Description(tr.Picker.NewArchived))
	f.huhChild = newHuhForm(c, groups...)
	f.dirty = func() bool {
		typed := f.lever != "" || (f.key != "" && f.key != f.suggested)
		for _, l := range f.langs {
			typed = typed || *f.titles[l] != "" || *f.descs[l] != ""
		}
		return typed
	}
	return f
}

// keyField is the translationKey's input. It says as the key is typed
// whether another posting has it already, rather than only after enter.
func (f *newForm) keyField(c *common.Common) *huh.Input {
	tr := c.Tr
	check := func(s string) error { return validationText(tr, model.ValidateKey(f.cat, nil, s)) }
	return huh.NewInput().Title(tr.Forms.TranslationKey).Value(&f.key).Validate(keepOnEnter(c, check)).DescriptionFunc(func() string {
		if f.key == "" {
			return tr.Flow.KeySuggested
		}
		if err := check(f.key); err != nil {
			return "✗ " + err.Error()
		}
		if f.key == f.suggested {
			return tr.Flow.KeySuggested
		}
		return ""
	}, &f.key)
}

// Update fills in the suggested key when its field gets the focus, unless
// the person has typed a key of their own.
func (f *newForm) Update(msg tea.Msg) tea.Cmd {
	cmd := f.huhChild.Update(msg)
	if f.form.GetFocusedField() == f.keyInput && f.suggest(*f.titles[f.langs[0]]) {
		f.keyInput.Value(&f.key)
	}
	return cmd
}

// suggest fills in the key made from title, unless the person typed one
// of their own, and tells whether it changed. FreeKey scans every group:
// once per title, not per key or blink.
func (f *newForm) suggest(title string) bool {
	if f.key != f.suggested || title == f.suggestedFor {
		return false
	}
	f.suggestedFor = title
	k := model.FreeKey(f.cat, title)
	changed := k != f.key
	f.key, f.suggested = k, k
	return changed
}

// suggestingTitle is the first title in huh's accessible mode: once it is
// answered, the key's prompt offers the key made from it (in brackets,
// kept with enter), as the form on the screen fills it in. The key had to
// be typed there, an empty one refused (a QA run).
type suggestingTitle struct {
	f     *newForm
	title *string
}

func (s suggestingTitle) Get() string { return *s.title }

func (s suggestingTitle) Set(v string) {
	*s.title = v
	if f := s.f; f.suggest(v) {
		f.keyInput.Title(withValue(f.c, f.c.Tr.Forms.TranslationKey, f.key)) // the prompt, asked next, shows it
	}
}

// Result is the pair to create; an empty key means the suggested one.
func (f *newForm) Result() model.NewPair {
	np := model.NewPair{Titles: map[string]string{}, Descriptions: map[string]string{}, TranslationKey: f.key, LeverID: f.lever}
	for _, l := range f.langs {
		np.Titles[l], np.Descriptions[l] = *f.titles[l], *f.descs[l]
	}
	return np
}
