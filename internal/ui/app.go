// Package ui is jobtui's terminal app (Bubble Tea v2). The root (App, this
// file) lays out the title, the focused view and the footer, handles the
// global keys and routes every other message to one component: the list,
// the preview, the diff, the help, the forms, the footer, the actions (the
// workflows) and the store (the catalog), each in its own file with its
// keys, its help and its size. README.md, "For contributors", has the map.
package ui

import (
	"errors"
	"os"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// Options start the app.
type Options struct {
	Site       *model.Site
	Lang       i18n.Lang
	Accessible bool
	NoColor    bool
	Fetch      bool // fetch the remote in the background at the start
	// Publish overrides the team's way of publishing (.jobtui.yaml's
	// publish) for this session: "direct" or "pull-request"; "" keeps it.
	Publish string
}

// component is the contract of the views: their Update, View, size and help.
type component interface {
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

type focus int

const (
	focusList focus = iota
	focusPreview
	focusDiff
	focusReview
)

// App is the root model.
type App struct {
	c        *common.Common
	store    *store
	list     *listView
	preview  *previewPane
	diff     *diffPane
	review   *reviewPane
	forms    *formHost // when a form is open, it has the focus
	help     *helpScreen
	bar      *footerBar
	actions  *actions
	focus    focus
	showHelp bool
	// quitWait is the quit waiting for the files to be looked at (quit.go),
	// 0 when none; any key cancels it. quitSeq numbers them.
	quitWait, quitSeq int
	quitFooter        bool // the wait says so in the footer (no task held it)
	// stoppedBy is the signal that stops the app (stop.go): it quits once
	// no task that writes runs.
	stoppedBy os.Signal
	typed     typeahead // keys typed before an action's form or answer is there
}

// New builds the app; Run starts it.
func New(opt Options) *App {
	c := common.New(i18n.For(opt.Lang), opt.Accessible, opt.NoColor)
	repo, err := gitops.Open(opt.Site.Root)
	if repo != nil {
		repo.NoTerminal = true // the app owns the terminal: git and ssh never prompt on it
	}
	status := ""
	switch {
	case errors.Is(err, gitops.ErrNoRepository):
		err, status = gitops.ErrNoRepository, c.Tr.UI.NoRepo // said once, without the path
	case err != nil:
		status = i18n.ErrorText(c.Tr, err)
	}
	a := &App{c: c, store: &store{site: opt.Site, repo: repo, checkLaterFrom: checkLaterFrom},
		list: newListView(c), preview: newPreviewPane(c), diff: newDiffPane(c), review: newReviewPane(c, opt.Site, repo), forms: &formHost{c: c},
		help: newHelpScreen(c), bar: newFooterBar(c, status), actions: newActions(c, opt.Site, repo, err, opt.Fetch, opt.Publish)}
	a.review.catalog = a.store.Current
	a.layout()
	return a
}

// Run opens the app on the terminal. A signal that stopped it is a
// *StoppedError.
func Run(opt Options) error {
	a := New(opt)
	p, stop := newProgram(a.c.Signals, a)
	defer stop()
	if _, err := p.Run(); err != nil {
		return err
	}
	return a.stopped()
}

// newProgram is the app's Program: the process's signals go through s
// (one place for each), until stop.
func newProgram(s *common.Signals, m tea.Model, opts ...tea.ProgramOption) (*tea.Program, func()) {
	p := tea.NewProgram(m, append(opts, tea.WithoutSignalHandler())...)
	return p, s.ToApp(p.Send)
}

func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.reload(""), watchCmd(a.store.site), a.actions.Start())
}

func (a *App) reload(note string) tea.Cmd { return task("", a.store.Load(note)) }

// layout hands the components the room left by the title and the footer.
func (a *App) layout() {
	for _, v := range []interface{ SetSize(w, h int) }{a.list, a.preview, a.diff, a.review, a.forms, a.help} {
		v.SetSize(a.c.Width, a.c.Height-3)
	}
}

// resize lays the views out for the new size. An open huh form draws its
// new width only when it sees a message: the size itself, so that it
// reflows at once.
func (a *App) resize(msg tea.WindowSizeMsg) tea.Cmd {
	a.c.Width, a.c.Height = msg.Width, msg.Height
	a.layout()
	return tea.Batch(a.preview.RenderMissing(), a.forms.Update(msg))
}

func (a *App) focused() component {
	switch {
	case a.forms.Active():
		return a.forms
	case a.focus == focusPreview:
		return a.preview
	case a.focus == focusDiff:
		return a.diff
	case a.focus == focusReview:
		return a.review
	}
	return a.list
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if sig, ok := msg.(common.SignalMsg); ok {
		a.stoppedBy = sig.Signal // quits below, once no task writes (stop.go)
	} else {
		cmd = a.update(msg)
	}
	if a.typed.on && endsHold(msg) {
		cmd = tea.Batch(cmd, a.release(readsTerminal(msg, a.c.Accessible)))
	}
	if end, ok := msg.(holdEndMsg); ok && a.typed.on && end.seq == a.typed.seq {
		cmd = tea.Batch(cmd, a.release(false))
	}
	if a.stoppedBy != nil && !a.bar.Writing() {
		cmd = tea.Batch(cmd, tea.Quit)
	}
	return a, cmd
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return a.resize(msg)
	case tea.BackgroundColorMsg:
		a.c.SetDark(msg.IsDark())
		return tea.Batch(a.broadcast(contextMsg{}), a.forms.Update(msg))
	case spinner.TickMsg, taskMsg, statusMsg, moreStatusMsg, errorMsg, askMsg:
		return a.bar.Update(msg)
	case watchMsg:
		if !a.bar.Busy() && !a.forms.Active() && a.store.Changed(msg.print) {
			load := a.store.Load(a.c.Tr.UI.Reloaded)
			return tea.Batch(watchCmd(a.store.site), task("", func() tea.Msg {
				m := load()
				if cm, ok := m.(catalogMsg); ok {
					cm.watched = true
					return cm
				}
				return m
			}))
		}
		return watchCmd(a.store.site)
	case catalogMsg:
		return a.loaded(msg)
	case quitCheckMsg:
		return a.quitChecked(msg)
	case remoteMsg:
		cmd := a.actions.Update(msg, target{})
		a.list.SetInReview(a.actions.InReview(a.store.cat))
		return cmd
	case reloadMsg:
		return a.reload("")
	case renderedMsg:
		return a.preview.Update(msg)
	case editorReadyMsg:
		return a.actions.Update(msg, target{})
	case actionMsg, diffMsg, pendingMsg, editorDoneMsg:
		// The end of a workflow: the footer words it, each component takes
		// its part (undo, marks, the diff's text, the commit form).
		return tea.Batch(a.bar.Update(msg), a.list.Update(msg), a.diff.Update(msg), a.actions.Update(msg, target{}))
	case editReadyMsg:
		// The files changed since the list was read: it is read again too.
		cmd := tea.Batch(a.bar.Update(msg), a.actions.Update(msg, target{}))
		if a.store.Changed(msg.print) {
			cmd = tea.Batch(cmd, a.reload(a.c.Tr.UI.Reloaded))
		}
		return cmd
	case selectMsg:
		return a.showSelected()
	case openPreviewMsg:
		a.focus = focusPreview
		a.bar.Forget(a.repoNote()) // a status belongs to the view it was said in
		return a.showSelected()
	case openDiffMsg:
		a.focus = focusDiff
	case openReviewMsg:
		a.focus = focusReview
		return a.review.Open(msg.id)
	case reviewMsg:
		return tea.Batch(a.bar.Update(msg), a.review.Update(msg))
	case backMsg: // from the help, back to the view; from a view, to the list
		if !a.showHelp {
			a.focus = focusList
			if !msg.keepStatus {
				a.bar.Forget(a.repoNote())
			}
		}
		a.showHelp = false
	case openFormMsg:
		return a.forms.Open(msg)
	case tea.KeyPressMsg:
		return a.key(msg)
	case tea.MouseMsg:
		return a.mouse(msg)
	default:
		return a.forms.Update(msg) // huh's own messages
	}
	return nil
}

// key: a question first, then the form, the help or the filter (which
// take every key), then the global keys, then the actions or the view.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	if a.typed.on {
		a.typed.keys = append(a.typed.keys, msg)
		return nil
	}
	k := a.c.Keys
	if a.tooSmall() && !a.quitKey(msg) {
		return nil // the person sees none of what the key would act on
	}
	a.bar.ClearError()
	a.quitGivenUp()
	switch {
	case a.bar.Asking():
		return a.holdAfter(a.bar.Answer(msg))
	case a.forms.Active():
		cmd := a.forms.Update(msg)
		if a.forms.Active() {
			return cmd
		}
		return a.holdAfter(cmd) // what the form does next (a file picked, then the editor)
	case key.Matches(msg, k.ForceQuit), a.focus == focusList && !a.list.Filtering() && key.Matches(msg, k.Quit):
		return a.quit()
	case a.showHelp:
		return a.help.Update(msg)
	case a.focus == focusList && a.list.Filtering():
		return a.list.Update(msg)
	case key.Matches(msg, k.Help):
		a.showHelp = true
		a.help.last = a.bar.Last() // read whole here, however long
		a.help.Show(a.fullHelp())
		return nil
	case key.Matches(msg, k.Language):
		return a.setLanguage(i18n.For(a.c.Tr.Lang.Other()))
	case key.Matches(msg, k.Reload):
		return a.reload(a.c.Tr.UI.Reloaded)
	case a.focus != focusDiff && a.actions.Handles(msg):
		cmd := a.actions.Update(msg, a.target())
		if cmd != nil && a.actions.holdsKeys(msg) {
			cmd = tea.Batch(cmd, a.hold())
		}
		return cmd
	}
	return a.focused().Update(msg)
}

// quitKey tells the keys that quit where the screen is too small: ctrl+c
// (it also says no to a question and closes a form, as always), and q
// where it quits.
func (a *App) quitKey(msg tea.KeyPressMsg) bool {
	k := a.c.Keys
	return key.Matches(msg, k.ForceQuit) || key.Matches(msg, k.Quit) && !a.bar.Asking() && !a.forms.Active() &&
		a.focus == focusList && !a.list.Filtering()
}

func (a *App) mouse(msg tea.MouseMsg) tea.Cmd {
	if a.tooSmall() {
		return nil
	}
	if click, ok := msg.(tea.MouseClickMsg); ok && a.focus == focusList {
		click.Y-- // below the title line
		msg = click
	}
	switch {
	case a.forms.Active():
		return nil
	case a.showHelp: // the wheel scrolls it
		return a.help.Update(msg)
	}
	return a.focused().Update(msg)
}

// broadcast tells every component the shared context changed.
func (a *App) broadcast(msg contextMsg) tea.Cmd {
	return tea.Batch(a.list.Update(msg), a.preview.Update(msg), a.diff.Update(msg), a.review.Update(msg), a.actions.Update(msg, target{}))
}

// setLanguage only re-renders: problems are facts, worded when drawn.
// The status, in the other language, would stay so: it goes.
func (a *App) setLanguage(tr *i18n.Tr) tea.Cmd {
	a.c.SetLanguage(tr)
	a.bar.Forget(a.repoNote())
	return a.broadcast(contextMsg{})
}

// repoNote is why git actions are unavailable, said again where a status
// is dropped: it stays true.
func (a *App) repoNote() string {
	switch err := a.actions.repoErr; {
	case err == nil:
		return ""
	case errors.Is(err, gitops.ErrNoRepository):
		return a.c.Tr.UI.NoRepo
	default:
		return i18n.ErrorText(a.c.Tr, err)
	}
}

// loaded shows a catalog read from disk.
func (a *App) loaded(msg catalogMsg) tea.Cmd {
	a.bar.Update(msg)
	a.store.unread = msg.err != nil && !a.store.loaded
	if msg.err != nil {
		return nil
	}
	changed, details := a.store.Update(msg)
	if !changed {
		return nil
	}
	a.list.SetRows(msg.rows, a.store.cat.Site.Langs)
	a.list.SetInReview(a.actions.InReview(a.store.cat))
	var review tea.Cmd
	if a.focus == focusReview && msg.details {
		review = a.review.Refresh() // the translation may have been edited or committed
	}
	return tea.Batch(a.showSelected(), details, review)
}

func (a *App) showSelected() tea.Cmd {
	if r := a.list.Selected(); r != nil {
		return a.preview.Show(r, r.Problems)
	}
	return nil
}

// target is what an action key acts on.
func (a *App) target() target {
	ids, all, hidden := a.list.Chosen()
	t := target{cat: a.store.cat, row: a.list.Selected(), ids: ids, allArchived: all, hiddenMarks: hidden, archivedView: a.list.ArchivedShown()}
	if t.row == nil {
		return t
	}
	t.files = t.row.Files()
	switch a.focus {
	case focusPreview: // the language and file chosen there (tab, f)
		if f := a.preview.ChosenFile(); f != nil {
			t.files = []*model.Posting{f}
		}
	case focusReview: // E edits the translation
		if a.store.cat != nil {
			if side := a.review.TranslationSide(a.store.cat.Site.Langs); side == 0 && len(t.row.Left) > 0 {
				t.files = t.row.Left
			} else if side == 1 && len(t.row.Right) > 0 {
				t.files = t.row.Right
			}
		}
	}
	return t
}
