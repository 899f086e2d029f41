package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// Options start the app.
type Options struct {
	Site       *model.Site
	Lang       i18n.Lang
	Accessible bool
	NoColor    bool
}

type mode int

const (
	modeList mode = iota
	modePreview
	modeForm
	modeDiff
)

// Messages of the app's commands.
type (
	// catalogMsg comes twice per load: first the postings read and
	// checked (the list shows at once), then, with details set, the git
	// states and history problems of that same catalog.
	catalogMsg struct {
		cat     *model.Catalog
		rows    []row
		states  map[string]gitops.FileState
		print   string // fingerprint of the files, for the change watcher
		err     error
		note    string
		details bool
		base    *model.Catalog // with details: the catalog they complete
	}
	actionMsg struct {
		status    string
		err       error
		undo      *undoAction
		dirty     *dirtyQuestion
		reload    bool
		selectKey string
	}
	diffMsg struct {
		text string
		err  error
	}
	pendingMsg struct {
		files   []gitops.PendingFile
		message string
		err     error
	}
	editorDoneMsg struct {
		path string
		err  error
	}
	watchMsg struct{ print string }
)

// undoAction is the inverse of the last archive.
type undoAction struct {
	ids       []string
	unarchive bool
}

// dirtyQuestion asks whether to include uncommitted edits in an archive.
type dirtyQuestion struct {
	ids   []string
	opt   app.ArchiveOptions
	paths []string
}

// App is the root model: it owns the shared context, routes messages to the
// focused part and runs the actions as commands.
type App struct {
	c       *Common
	opt     Options
	repo    *gitops.Repo
	cat     *model.Catalog
	states  map[string]gitops.FileState
	print   string
	list    *listView
	preview *previewPane
	form    formChild
	onDone  func() tea.Cmd // what a completed form does
	help    help.Model
	spin    spinner.Model

	mode     mode
	showHelp bool
	busy     bool
	loaded   bool
	status   string
	errText  string
	ask      string         // a yes/no question in the footer
	onYes    func() tea.Cmd // what yes does
	undo     *undoAction
	diff     []string
	diffOff  int

	selectAfterLoad string
	repoErr         error // why git actions are unavailable (a.repo == nil)
}

// New builds the app; Run starts it.
func New(opt Options) *App {
	tr := i18n.For(opt.Lang)
	c := &Common{Tr: tr, Keys: NewKeyMap(tr), Accessible: opt.Accessible, NoColor: opt.NoColor || opt.Accessible, Dark: true, Width: 80, Height: 24}
	c.Styles = NewStyles(c.Dark, c.NoColor)
	a := &App{c: c, opt: opt, list: newListView(c), preview: newPreviewPane(c), help: help.New(), spin: spinner.New()}
	if r, err := gitops.Open(opt.Site.Root); err == nil {
		a.repo = r
	} else if errors.Is(err, gitops.ErrNoRepository) {
		a.repoErr, a.status = gitops.ErrNoRepository, tr.UI.NoRepo
	} else {
		a.repoErr, a.status = err, i18n.ErrorText(tr, err)
	}
	a.layout()
	return a
}

// Run opens the app on the terminal.
func Run(opt Options) error {
	_, err := tea.NewProgram(New(opt)).Run()
	return err
}

func (a *App) Init() tea.Cmd {
	a.busy = true
	return tea.Batch(tea.RequestBackgroundColor, a.loadCmd(""), a.spin.Tick, watchCmd(a.opt.Site))
}

// loadCmd reads, links and checks the postings and their git state, in the
// background. Values are copied before the closure runs.
func (a *App) loadCmd(note string) tea.Cmd {
	// The last git states known mark the rows until the new ones come (a
	// map never changed in place, so safe to read here).
	site, states := a.opt.Site, a.states
	return func() tea.Msg {
		cat, err := app.Load(site)
		if err != nil {
			return catalogMsg{err: err}
		}
		return catalogMsg{cat: cat, rows: buildRows(cat, states), note: note}
	}
}

// detailsCmd completes a loaded catalog with what git knows: each file's
// state and the history problems (stale translations), on a copy of the
// catalog so that the list keeps reading the one it has meanwhile.
func (a *App) detailsCmd(base *model.Catalog) tea.Cmd {
	site, repo := a.opt.Site, a.repo
	return func() tea.Msg {
		cat := base
		states := map[string]gitops.FileState{}
		if repo != nil {
			cat = app.WithHistory(repo, base)
			if st, err := gitops.PostingStates(repo, cat.Postings); err == nil {
				states = st
			}
		}
		return catalogMsg{cat: cat, rows: buildRows(cat, states), states: states, print: fingerprint(site), details: true, base: base}
	}
}

// fingerprint sums up the posting files' names, sizes and times, so that a
// change on disk (an editor, git checkout) is noticed without reading them.
func fingerprint(site *model.Site) string {
	var b strings.Builder
	for _, l := range site.Langs {
		dir := site.Abs(site.SectionDir(l))
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

// watchCmd looks at the files every two seconds.
func watchCmd(site *model.Site) tea.Cmd {
	return tea.Tick(2*time.Second, func(time.Time) tea.Msg { return watchMsg{print: fingerprint(site)} })
}

func (a *App) layout() {
	bodyH := a.c.Height - 3 // title, status, help
	a.list.SetSize(a.c.Width, bodyH)
	a.preview.SetSize(a.c.Width, bodyH)
	if a.form != nil {
		a.form.SetSize(a.c.Width, bodyH)
	}
	a.help.SetWidth(a.c.Width)
}

func (a *App) setLanguage(tr *i18n.Tr) tea.Cmd {
	a.c.Tr = tr
	a.c.Keys = NewKeyMap(tr)
	if a.cat != nil {
		// Problems are facts: the new words come at the next render, with
		// no check or git walk run again.
		return a.refreshPreview()
	}
	return nil
}

func (a *App) refreshPreview() tea.Cmd {
	r := a.list.selected()
	if r == nil {
		return nil
	}
	var probs []model.Problem
	if r.group != nil {
		probs = a.cat.GroupProblems(r.group)
	} else if r.broken != nil {
		probs = a.cat.PathProblems(r.broken.Path)
	}
	return a.preview.show(r, probs)
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.layout()
		if a.mode == modePreview {
			return a, a.preview.renderMissing()
		}
		return a, nil
	case tea.BackgroundColorMsg:
		a.c.Dark = msg.IsDark()
		a.c.Styles = NewStyles(a.c.Dark, a.c.NoColor)
		if a.form != nil {
			a.form.Update(msg)
		}
		return a, nil
	case spinner.TickMsg:
		if !a.busy {
			return a, nil
		}
		var cmd tea.Cmd
		a.spin, cmd = a.spin.Update(msg)
		return a, cmd
	case catalogMsg:
		a.busy = false
		if msg.err != nil {
			a.errText = msg.err.Error()
			return a, nil
		}
		if msg.details && msg.base != a.cat {
			return a, nil // details of a catalog replaced since
		}
		a.cat, a.loaded = msg.cat, true
		if msg.details {
			a.states, a.print = msg.states, msg.print
		}
		a.list.setRows(msg.rows, a.cat.Site.Langs)
		if a.selectAfterLoad != "" {
			a.list.filter, a.list.view = "", viewAll
			a.list.refresh()
			a.list.selectID(a.selectAfterLoad)
			a.selectAfterLoad = ""
		}
		if msg.note != "" {
			a.status = msg.note
		}
		if !msg.details {
			return a, tea.Batch(a.refreshPreview(), a.detailsCmd(a.cat))
		}
		return a, a.refreshPreview()
	case watchMsg:
		cmd := watchCmd(a.opt.Site)
		if a.loaded && !a.busy && a.print != "" && msg.print != a.print && a.mode != modeForm {
			a.busy = true
			return a, tea.Batch(cmd, a.loadCmd(a.c.Tr.UI.Reloaded), a.spin.Tick)
		}
		return a, cmd
	case actionMsg:
		a.busy = false
		if msg.dirty != nil {
			q := msg.dirty
			a.ask = i18n.F(a.c.Tr.UI.IncludeEdits, "paths", strings.Join(q.paths, ", "))
			a.onYes = func() tea.Cmd {
				opt := q.opt
				opt.WithChanges = true
				return a.archiveCmd(q.ids, opt)
			}
			return a, nil
		}
		if msg.err != nil {
			a.errText = i18n.ErrorText(a.c.Tr, msg.err)
		} else {
			a.status = msg.status
		}
		if msg.undo != nil {
			a.undo = msg.undo
		}
		if msg.selectKey != "" {
			a.selectAfterLoad = msg.selectKey
		}
		if msg.reload {
			a.busy = true
			return a, tea.Batch(a.loadCmd(""), a.spin.Tick)
		}
		return a, nil
	case diffMsg:
		a.busy = false
		if msg.err != nil {
			a.errText = i18n.ErrorText(a.c.Tr, msg.err)
			return a, nil
		}
		if strings.TrimSpace(msg.text) == "" {
			a.status = a.c.Tr.UI.NoDiff
			return a, nil
		}
		a.diff, a.diffOff, a.mode = strings.Split(model.SafeText(msg.text, true), "\n"), 0, modeDiff
		return a, nil
	case pendingMsg:
		a.busy = false
		if msg.err != nil {
			a.errText = i18n.ErrorText(a.c.Tr, msg.err)
			return a, nil
		}
		if len(msg.files) == 0 {
			a.status = a.c.Tr.Actions.NoPending
			return a, nil
		}
		f := newCommitForm(a.c, msg.files, msg.message)
		return a, a.openForm(f, func() tea.Cmd { return a.commitCmd(f.chosen, f.message) })
	case editorDoneMsg:
		if msg.err != nil {
			a.errText = i18n.F(a.c.Tr.UI.EditorFailed, "err", msg.err.Error())
		}
		a.busy = true
		return a, tea.Batch(a.loadCmd(""), a.spin.Tick)
	case renderedMsg:
		return a, a.preview.Update(msg)
	}

	if a.mode == modeForm && a.form != nil {
		if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, a.c.Keys.ForceQuit) {
			a.form, a.mode, a.status = nil, modeList, a.c.Tr.UI.NoChange
			return a, nil
		}
		cmd := a.form.Update(msg)
		switch {
		case a.form.Aborted():
			a.form, a.mode = nil, modeList
			a.status = a.c.Tr.UI.NoChange
		case a.form.Done():
			done := a.onDone
			a.form, a.onDone, a.mode = nil, nil, modeList
			return a, done()
		}
		return a, cmd
	}

	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return a, a.handleKey(msg)
	case tea.MouseMsg:
		switch a.mode {
		case modeList:
			// Rows begin below the title line.
			if click, ok := msg.(tea.MouseClickMsg); ok {
				click.Y--
				return a, a.list.Update(click)
			}
			return a, a.list.Update(msg)
		case modePreview:
			return a, a.preview.Update(msg)
		case modeDiff:
			if w, ok := msg.(tea.MouseWheelMsg); ok {
				a.scrollDiff(map[bool]int{true: -3, false: 3}[w.Button == tea.MouseWheelUp])
			}
		}
	}
	return a, nil
}

// handleKey: a question first, then the few global keys, then the focused
// part. While the filter has focus, every key is its own.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.Keys
	a.errText = "" // an error stays until the next key
	if a.ask != "" {
		yes := key.Matches(msg, k.Yes)
		a.ask = ""
		onYes := a.onYes
		a.onYes = nil
		if yes && onYes != nil {
			return onYes()
		}
		return nil
	}
	if key.Matches(msg, k.ForceQuit) {
		return a.quit()
	}
	if a.showHelp {
		a.showHelp = false
		return nil
	}
	if a.mode == modeList && a.list.filterOn {
		cmd := a.list.Update(msg)
		return tea.Batch(cmd, a.refreshPreview())
	}
	switch {
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil
	case key.Matches(msg, k.Language):
		return a.setLanguage(i18n.For(a.c.Tr.Lang.Other()))
	case key.Matches(msg, k.Reload):
		a.busy = true
		return tea.Batch(a.loadCmd(a.c.Tr.UI.Reloaded), a.spin.Tick)
	}
	switch a.mode {
	case modeDiff:
		switch {
		case key.Matches(msg, k.Back):
			a.mode = modeList
		case key.Matches(msg, k.Up):
			a.scrollDiff(-1)
		case key.Matches(msg, k.Down):
			a.scrollDiff(1)
		case key.Matches(msg, k.PageUp):
			a.scrollDiff(-(a.c.Height - 4))
		case key.Matches(msg, k.PageDown):
			a.scrollDiff(a.c.Height - 4)
		}
		return nil
	case modePreview:
		if key.Matches(msg, k.Back) {
			a.mode = modeList
			return nil
		}
		if cmd, ok := a.actionKey(msg); ok {
			return cmd
		}
		return a.preview.Update(msg)
	}
	// The list.
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit()
	case key.Matches(msg, k.Preview):
		if a.list.selected() != nil {
			a.mode = modePreview
			return a.refreshPreview()
		}
		return nil
	}
	if cmd, ok := a.actionKey(msg); ok {
		return cmd
	}
	before := a.list.selectedID()
	cmd := a.list.Update(msg)
	if a.list.selectedID() != before {
		return tea.Batch(cmd, a.refreshPreview())
	}
	return cmd
}

// actionKey runs the actions shared by the list and the preview.
func (a *App) actionKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	switch {
	case key.Matches(msg, k.Archive):
		return a.archiveSelected(), true
	case key.Matches(msg, k.Undo):
		if a.undo == nil {
			a.status = a.c.Tr.UI.NothingToUndo
			return nil, true
		}
		u := a.undo
		a.undo = nil
		return a.archiveCmd(u.ids, app.ArchiveOptions{Unarchive: u.unarchive}), true
	case key.Matches(msg, k.Edit):
		r := a.list.selected()
		if r == nil || r.group == nil || a.cat == nil {
			return nil, true
		}
		f := newEditForm(a.c, a.cat, r.group)
		return a.openForm(f, func() tea.Cmd {
			edit := f.Result()
			if editIsEmpty(edit) {
				a.status = a.c.Tr.UI.NoChange
				return nil
			}
			a.busy = true
			return tea.Batch(a.editCmd(f.groupID, edit), a.spin.Tick)
		}), true
	case key.Matches(msg, k.New):
		if a.cat == nil {
			return nil, true
		}
		f := newNewForm(a.c, a.cat)
		return a.openForm(f, func() tea.Cmd {
			a.busy = true
			return tea.Batch(a.createCmd(f.Result()), a.spin.Tick)
		}), true
	case key.Matches(msg, k.Commit):
		return a.pendingCmd(), true
	case key.Matches(msg, k.Push):
		return a.pushCmd(), true
	case key.Matches(msg, k.EditBody):
		return a.openEditor(), true
	case key.Matches(msg, k.Diff):
		return a.diffSelected(), true
	}
	return nil, false
}

// formChild is a form the root holds while it has focus.
type formChild interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	Done() bool
	Aborted() bool
	ShortHelp() []key.Binding
}

func (a *App) openForm(f formChild, onDone func() tea.Cmd) tea.Cmd {
	a.form, a.onDone, a.mode = f, onDone, modeForm
	f.SetSize(a.c.Width, a.c.Height-3)
	return f.Init()
}

// pendingCmd finds the edited posting files, for the commit form.
func (a *App) pendingCmd() tea.Cmd {
	if a.repo == nil {
		a.errText = i18n.ErrorText(a.c.Tr, a.repoErr)
		return nil
	}
	site, repo := a.opt.Site, a.repo
	a.busy = true
	return tea.Batch(a.spin.Tick, func() tea.Msg {
		res, err := app.Pending(repo, site)
		if err != nil {
			return pendingMsg{err: err}
		}
		return pendingMsg{files: res.Files, message: res.Message}
	})
}

// pushCmd pushes the current branch in the background.
func (a *App) pushCmd() tea.Cmd {
	if a.repo == nil {
		a.errText = i18n.ErrorText(a.c.Tr, a.repoErr)
		return nil
	}
	repo, tr := a.repo, a.c.Tr
	a.busy, a.status = true, tr.UI.Working
	return tea.Batch(a.spin.Tick, func() tea.Msg {
		res, err := app.Push(context.Background(), repo)
		if err != nil {
			return actionMsg{err: err}
		}
		return actionMsg{status: i18n.PushSummary(tr, res)}
	})
}

// commitCmd commits the chosen files with the message.
func (a *App) commitCmd(paths []string, message string) tea.Cmd {
	site, repo, tr := a.opt.Site, a.repo, a.c.Tr
	a.busy = true
	return tea.Batch(a.spin.Tick, func() tea.Msg {
		if len(paths) == 0 {
			return actionMsg{err: gitops.ErrNothingToCommit}
		}
		res, err := app.Commit(repo, site, paths, message)
		if err != nil {
			return actionMsg{err: err, reload: true}
		}
		return actionMsg{status: i18n.F(tr.UI.Committed, "hash", res.Short, "subject", res.Subject), reload: true}
	})
}

func (a *App) quit() tea.Cmd {
	n := 0
	for _, s := range a.states {
		if s != gitops.StateUnchanged {
			n++
		}
	}
	if n == 0 || a.ask != "" {
		return tea.Quit
	}
	a.ask = i18n.F(a.c.Tr.UI.QuitUnsaved, "n", fmt.Sprint(n))
	a.onYes = func() tea.Cmd { return tea.Quit }
	return nil
}

// selectedIDs are the marked groups, or the selected one.
func (a *App) selectedIDs() []string {
	var ids []string
	for id := range a.list.marked {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		if r := a.list.selected(); r != nil && r.group != nil {
			ids = append(ids, a.groupRef(r.group))
		}
	}
	return ids
}

// groupRef names a group for gitops: its key, or for a keyless group a
// file path, which Find also accepts.
func (a *App) groupRef(g *model.Group) string {
	if g.Key != "" {
		return g.Key
	}
	return g.Postings(a.cat.Site.Langs)[0].Path
}

func (a *App) archiveSelected() tea.Cmd {
	ids := a.selectedIDs()
	if len(ids) == 0 || a.cat == nil {
		return nil
	}
	// Archive unless every chosen group is already archived: then unarchive.
	unarchive := true
	for _, id := range ids {
		for _, g := range a.cat.Find(id) {
			for _, p := range g.Postings(a.cat.Site.Langs) {
				if !p.Archived {
					unarchive = false
				}
			}
		}
	}
	a.list.marked = map[string]bool{}
	return a.archiveCmd(ids, app.ArchiveOptions{Unarchive: unarchive})
}

// archiveCmd archives in the background on a fresh read of the files, then
// reloads.
func (a *App) archiveCmd(ids []string, opt app.ArchiveOptions) tea.Cmd {
	if a.repo == nil {
		a.errText = i18n.ErrorText(a.c.Tr, a.repoErr)
		return nil
	}
	site, repo, tr := a.opt.Site, a.repo, a.c.Tr
	ids = append([]string(nil), ids...)
	a.busy, a.status = true, tr.UI.Working
	return tea.Batch(a.spin.Tick, func() tea.Msg {
		res, err := app.Archive(repo, site, ids, opt)
		var ge *gitops.Error
		if errors.As(err, &ge) && ge.Kind == gitops.KindDirtyPostings {
			return actionMsg{dirty: &dirtyQuestion{ids: ids, opt: opt, paths: ge.Paths}}
		}
		if err != nil {
			return actionMsg{err: err, reload: true}
		}
		status := tr.Actions.AlreadyArchived
		if opt.Unarchive {
			status = tr.Actions.AlreadyOpen
		}
		var undo *undoAction
		if res.Commit != nil {
			tmpl := tr.UI.ArchiveDone
			if opt.Unarchive {
				tmpl = tr.UI.UnarchiveDone
			}
			status = i18n.F(tmpl, "hash", res.Commit.Short, "undo", tr.UI.UndoHint, "subject", res.Commit.Subject)
			undo = &undoAction{ids: ids, unarchive: !opt.Unarchive}
		}
		return actionMsg{status: status, undo: undo, reload: true}
	})
}

// editCmd saves a form's edit on a fresh read of the files.
func (a *App) editCmd(id string, edit model.GroupEdit) tea.Cmd {
	site, tr := a.opt.Site, a.c.Tr
	return func() tea.Msg {
		touched, err := app.SaveGroupEdit(site, id, edit)
		if err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				err = fmt.Errorf("%s: %w", ve.Field, validationText(tr, err))
			}
			return actionMsg{err: err, reload: true}
		}
		return actionMsg{status: i18n.F(tr.UI.Saved, "n", fmt.Sprint(len(touched))), reload: true}
	}
}

// createCmd writes a new pair on a fresh read of the files, then selects it.
func (a *App) createCmd(np model.NewPair) tea.Cmd {
	site, tr := a.opt.Site, a.c.Tr
	return func() tea.Msg {
		ps, err := app.CreatePair(site, np)
		if err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				err = fmt.Errorf("%s: %w", ve.Field, validationText(tr, err))
			}
			return actionMsg{err: err, reload: true}
		}
		return actionMsg{status: i18n.F(tr.UI.Created, "paths", ps[0].Path), reload: true, selectKey: ps[0].TranslationKey}
	}
}

// editorCommand finds the user's editor: $VISUAL, $EDITOR (with its
// arguments, so that "code --wait" works), then nano, then vi.
func editorCommand(path string) *exec.Cmd {
	for _, v := range []string{os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
		if f := strings.Fields(v); len(f) > 0 {
			return exec.Command(f[0], append(f[1:], path)...)
		}
	}
	for _, e := range []string{"nano", "vi"} {
		if p, err := exec.LookPath(e); err == nil {
			return exec.Command(p, path)
		}
	}
	return exec.Command("vi", path)
}

func (a *App) openEditor() tea.Cmd {
	r := a.list.selected()
	if r == nil {
		return nil
	}
	side := r.left
	if (a.mode == modePreview && a.preview.single == 1) || len(side) == 0 {
		side = r.right
	}
	if len(side) == 0 {
		return nil
	}
	path := side[0].Abs
	return tea.ExecProcess(editorCommand(path), func(err error) tea.Msg { return editorDoneMsg{path: path, err: err} })
}

func (a *App) diffSelected() tea.Cmd {
	r := a.list.selected()
	if r == nil || a.repo == nil {
		if a.repo == nil {
			a.errText = i18n.ErrorText(a.c.Tr, a.repoErr)
		}
		return nil
	}
	repo := a.repo
	var abs []string
	for _, p := range append(append([]*model.Posting{}, r.left...), r.right...) {
		abs = append(abs, p.Abs)
	}
	a.busy = true
	return tea.Batch(a.spin.Tick, func() tea.Msg {
		text, err := app.Diff(repo, abs)
		if err != nil {
			return diffMsg{err: err}
		}
		return diffMsg{text: text}
	})
}

func (a *App) scrollDiff(n int) {
	a.diffOff = max(0, min(a.diffOff+n, len(a.diff)-(a.c.Height-3)))
}

// View lays out the title line, the focused part and the footer.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	if !a.c.Accessible {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (a *App) render() string {
	s, t := a.c.Styles, &a.c.Tr.UI
	if a.c.Width < 40 || a.c.Height < 10 {
		return fitLine(t.SmallTerminal, max(1, a.c.Width))
	}
	var b strings.Builder
	title := s.Title.Render(t.AppTitle)
	if a.cat != nil {
		title += s.Dim.Render(" · " + sanitizeLine(a.opt.Site.Root) + " · " + i18n.F(t.Postings, "n", fmt.Sprint(len(a.cat.Postings))))
	}
	b.WriteString(fitLine(title, a.c.Width) + "\n")
	bodyH := a.c.Height - 3
	var body string
	switch {
	case a.showHelp:
		body = a.helpView()
	case !a.loaded:
		body = a.spin.View() + " " + t.Loading
	case a.mode == modeForm && a.form != nil:
		body = a.form.View()
	case a.mode == modePreview:
		body = a.preview.View()
	case a.mode == modeDiff:
		body = a.diffView(bodyH)
	default:
		body = a.list.View()
	}
	b.WriteString(fitBlock(body, a.c.Width, bodyH) + "\n")
	// Footer: a question, an error, or the status; then the short help.
	line := ""
	switch {
	case a.ask != "":
		line = s.Marked.Render(a.ask)
	case a.errText != "":
		line = s.ErrorLine.Render(t.ErrorPrefix + strings.ReplaceAll(a.errText, "\n", " "))
	case a.busy:
		line = a.spin.View() + " " + a.status
	default:
		line = s.Status.Render(a.status)
	}
	b.WriteString(fitLine(line, a.c.Width) + "\n")
	b.WriteString(fitLine(s.Help.Render(a.shortHelp()), a.c.Width))
	return b.String()
}

// fitBlock makes a block exactly h lines of at most w cells.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = fitLine(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (a *App) shortHelp() string {
	var binds []key.Binding
	switch {
	case a.ask != "":
		return ""
	case a.mode == modeForm && a.form != nil:
		binds = a.form.ShortHelp()
	case a.mode == modePreview:
		binds = a.preview.ShortHelp()
	case a.mode == modeDiff:
		binds = []key.Binding{a.c.Keys.Back, a.c.Keys.Up, a.c.Keys.Down}
	default:
		binds = a.list.ShortHelp()
	}
	return a.help.ShortHelpView(binds)
}

func (a *App) helpView() string {
	var groups [][]key.Binding
	if a.mode == modePreview {
		groups = a.preview.FullHelp()
	} else {
		groups = a.list.FullHelp()
	}
	out := a.c.Styles.Title.Render(a.c.Tr.UI.HelpTitle) + "\n\n"
	if a.c.Width >= 120 {
		return out + a.help.FullHelpView(groups)
	}
	// Narrow: two columns of key groups at a time, so nothing is cut.
	for i := 0; i < len(groups); i += 2 {
		out += a.help.FullHelpView(groups[i:min(i+2, len(groups))]) + "\n\n"
	}
	return out
}

func (a *App) diffView(h int) string {
	s := a.c.Styles
	end := min(len(a.diff), a.diffOff+h)
	var b strings.Builder
	for _, l := range a.diff[a.diffOff:end] {
		switch {
		case strings.HasPrefix(l, "+"):
			l = s.Open.Render(l)
		case strings.HasPrefix(l, "-"):
			l = s.Error.Render(l)
		case strings.HasPrefix(l, "@@"):
			l = s.Title.Render(l)
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
