package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/gitops"
)

// commitForm chooses the edited posting files to commit and the message.
type commitForm struct {
	c       *Common
	form    *huh.Form
	chosen  []string
	message string
}

func newCommitForm(c *Common, files []gitops.PendingFile, message string) *commitForm {
	f := &commitForm{c: c, message: message}
	opts := make([]huh.Option[string], len(files))
	for i, p := range files {
		state := c.Tr.UI.Modified
		if p.State == gitops.StateUntracked {
			state = c.Tr.UI.New
		}
		label := sanitizeLine(p.Posting.Path) + "  (" + state + ")"
		opts[i] = huh.NewOption(label, p.RepoPath).Selected(true)
		f.chosen = append(f.chosen, p.RepoPath)
	}
	f.form = huh.NewForm(huh.NewGroup(
		huh.NewMultiSelect[string]().Title(c.Tr.UI.CommitFiles).Options(opts...).Value(&f.chosen).Height(min(len(opts), 12)+1),
		huh.NewInput().Title(c.Tr.UI.CommitMessage).Value(&f.message),
	)).WithShowHelp(false).WithAccessible(c.Accessible).WithTheme(huh.ThemeFunc(huh.ThemeBase16)).WithWidth(min(c.Width, 100))
	return f
}

func (f *commitForm) Init() tea.Cmd { return f.form.Init() }

func (f *commitForm) Update(msg tea.Msg) tea.Cmd {
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

func (f *commitForm) View() string     { return f.form.View() }
func (f *commitForm) SetSize(w, h int) { f.form = f.form.WithWidth(min(w, 100)).WithHeight(h) }
func (f *commitForm) Done() bool       { return f.form.State == huh.StateCompleted }
func (f *commitForm) Aborted() bool    { return f.form.State == huh.StateAborted }
func (f *commitForm) ShortHelp() []key.Binding {
	return append(f.form.KeyBinds(), f.c.Keys.Cancel)
}
