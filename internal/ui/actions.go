package ui

import (
	"errors"
	"path"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// actionKeys start the workflows, from the list and from the preview. The
// ones that need git are disabled without a repository.
type actionKeys struct {
	Archive, Undo, Edit, EditBody, New, Diff, Commit, Push key.Binding
	Pull, Open, Withdraw, Remove, Translate                key.Binding
}

func newActionKeys(tr *i18n.Tr, git bool) actionKeys {
	t, b := &tr.UI, common.Bind
	k := actionKeys{
		Archive:  b([]string{"a"}, "a", t.Archive),
		Undo:     b([]string{"u"}, "u", t.Undo),
		Edit:     b([]string{"e"}, "e", t.Edit),
		EditBody: b([]string{"E"}, "E", t.EditBody),
		New:      b([]string{"n"}, "n", t.NewPosting),
		Diff:     b([]string{"d"}, "d", t.Diff),
		Commit:   b([]string{"c"}, "c", t.Commit),
		Push:     b([]string{"P"}, "P", t.Push),
		Pull:     b([]string{"p"}, "p", tr.Publish.KeyPull),
		Open:     b([]string{"o"}, "o", tr.Publish.KeyOpen),
		Withdraw: b([]string{"W"}, "W", tr.Publish.KeyWithdraw),
		Remove:   b([]string{"x"}, "x", tr.Publish.KeyRemove),
		// t: the missing language, made from the posting's other one
		Translate: b([]string{"t"}, "t", tr.Flow.Translate),
	}
	for _, gitKey := range []*key.Binding{&k.Archive, &k.Undo, &k.Diff, &k.Commit, &k.Push, &k.Pull, &k.Open, &k.Withdraw, &k.Remove} {
		gitKey.SetEnabled(git)
	}
	return k
}

// namePush names P as what it does: in pull-request mode it proposes the
// branch's commits (the help said "push").
func (x *actions) namePush() {
	name := x.c.Tr.UI.Push
	if x.remote.pub.Proposing() {
		name = x.c.Tr.Publish.KeyPropose
	}
	x.keys.Push.SetHelp("P", name)
}

func (k actionKeys) all() []key.Binding {
	return []key.Binding{k.Archive, k.Undo, k.Edit, k.EditBody, k.New, k.Diff, k.Commit, k.Push, k.Pull, k.Open, k.Withdraw, k.Remove, k.Translate}
}

// actions runs the workflows a key starts, in the background, and keeps
// what undo needs.
type actions struct {
	c       *common.Common
	keys    actionKeys
	site    *model.Site
	repo    *gitops.Repo
	repoErr error // why the git keys are disabled
	undo    *undoAction
	remote  remoteState
	fetch   bool   // fetch in the background when the app starts
	publish string // --publish: the team's way of publishing overridden ("" keeps it)
}

func newActions(c *common.Common, site *model.Site, repo *gitops.Repo, repoErr error, fetch bool, publish string) *actions {
	return &actions{c: c, keys: newActionKeys(c.Tr, repo != nil), site: site, repo: repo, repoErr: repoErr, fetch: fetch, publish: publish}
}

// target is what the list and the preview point at, as the root sees it.
type target struct {
	cat          *model.Catalog
	row          *row
	ids          []string // the marked groups, or the selected one
	allArchived  bool
	hiddenMarks  int              // marked groups the list hides: left out, and said so
	files        []*model.Posting // the files E and e may take: the row's, or the one chosen in the preview or the review
	archivedView []string         // in the Archived view with nothing marked: every archived row shown
}

// Handles tells an action key, enabled or not: the root gives it to
// Update instead of the focused view.
func (x *actions) Handles(msg tea.KeyPressMsg) bool {
	for _, b := range x.keys.all() {
		for _, k := range b.Keys() {
			if k == msg.String() {
				return true
			}
		}
	}
	return false
}

func (x *actions) Update(msg tea.Msg, t target) tea.Cmd {
	switch msg := msg.(type) {
	case contextMsg:
		x.keys = newActionKeys(x.c.Tr, x.repo != nil)
		x.namePush()
	case remoteMsg:
		if msg.err == nil {
			x.remote.pub, x.remote.tracking, x.remote.props = msg.pub, msg.tracking, msg.props
			x.namePush()
		}
	case actionMsg:
		switch {
		case msg.undo != nil:
			x.undo = msg.undo
		case msg.err == nil && (msg.reload || msg.sync):
			// u takes back (or does again) only the action just made:
			// another one that may have written ends that offer.
			x.undo = nil
		}
		if msg.link != "" {
			x.remote.lastURL = msg.link
		}
		var cmds []tea.Cmd
		switch {
		case msg.dirty != nil:
			return send(x.question(msg.dirty))
		case msg.conflict != nil:
			return tea.Batch(x.conflictForm(msg.conflict), send(reloadMsg{}))
		case msg.ask != nil:
			cmds = append(cmds, send(*msg.ask))
		}
		if msg.reload {
			cmds = append(cmds, send(reloadMsg{}))
		}
		if msg.sync || msg.reload { // a commit moves the branch ahead of its upstream
			cmds = append(cmds, x.syncRemote(false))
		}
		return tea.Batch(cmds...)
	case editorReadyMsg:
		return runEditor(x.c.Signals, msg)
	case editorDoneMsg:
		return x.editorDone(msg)
	case pendingMsg:
		return x.commitForm(msg)
	case editReadyMsg:
		return x.openEditForm(msg)
	case tea.KeyPressMsg:
		return x.key(msg, t)
	}
	return nil
}

func (x *actions) key(msg tea.KeyPressMsg, t target) tea.Cmd {
	k := x.keys
	if common.PressedDisabled(msg, k.all()...) {
		return send(errorMsg{x.repoErr}) // say why, rather than nothing
	}
	if why := x.cannotAct(msg, t); why != nil {
		return why
	}
	switch {
	case key.Matches(msg, k.Archive):
		if len(t.ids) == 0 || t.cat == nil {
			return nil
		}
		return x.archive(t.ids, app.ArchiveOptions{Unarchive: t.allArchived}, archiveKind{leftOut: t.hiddenMarks})
	case key.Matches(msg, k.Undo):
		if x.undo == nil {
			return send(statusMsg(x.c.Tr.UI.NothingToUndo))
		}
		u := x.undo
		x.undo = nil
		if u.drop != nil {
			return x.dropCommit(u.drop)
		}
		if u.restore != nil {
			return x.restore(u.restore)
		}
		if u.redo {
			return x.archive(u.ids, u.opt, archiveKind{redo: true, from: u.head})
		}
		return x.undoArchive(u, false)
	case key.Matches(msg, k.Edit):
		return x.editForm(t)
	case key.Matches(msg, k.New):
		return x.newForm(t)
	case key.Matches(msg, k.Commit):
		return x.pending()
	case key.Matches(msg, k.Push):
		return x.push()
	case key.Matches(msg, k.Pull):
		return x.pull()
	case key.Matches(msg, k.Open):
		return x.open(t)
	case key.Matches(msg, k.Withdraw):
		return x.withdraw(t)
	case key.Matches(msg, k.Remove):
		return x.remove(t)
	case key.Matches(msg, k.EditBody):
		return x.editor(t)
	case key.Matches(msg, k.Translate):
		return x.translate(t)
	case key.Matches(msg, k.Diff):
		if p := x.proposalOf(t); p != nil && x.remote.pub != nil && !x.hasEdits(t) {
			return x.proposalDiff(*p) // in review: the proposal against the base
		}
		return x.diff(t)
	}
	return nil
}

// cannotAct says why e, a or t does nothing on a file whose front matter
// cannot be read (the row of an unreadable file; a with marks acts on the
// marks): its reason, and that E fixes it.
func (x *actions) cannotAct(msg tea.KeyPressMsg, t target) tea.Cmd {
	k := x.keys
	if t.row == nil || t.row.Group != nil || t.row.Broken == nil || t.row.Broken.Err == nil {
		return nil
	}
	if !key.Matches(msg, k.Edit, k.Translate) && !(key.Matches(msg, k.Archive) && len(t.ids) == 0) {
		return nil
	}
	reason := i18n.ProblemText(x.c.Tr, model.UnreadableProblem(t.row.Broken))
	return send(statusMsg(i18n.F(x.c.Tr.Picker.ActionUnreadable, "reason", common.SafeLine(reason))))
}

// editForm reads the group afresh before its form opens (the watcher
// sleeps while a form is open, and the list may be up to two seconds
// old): the form starts from the files as they are.
//
// In a group with several files in a language, the form edits the one
// file picked (in the preview, or asked here), rather than write one title
// to all of them while showing one.
func (x *actions) editForm(t target) tea.Cmd {
	if t.row == nil || t.row.Group == nil {
		return nil
	}
	if !severalPerLanguage(t.row) {
		return x.readForEdit(t.row.Group.ID(), "")
	}
	if files := readable(t.files); len(files) == 1 {
		return x.readForEdit(t.row.Group.ID(), files[0].Path)
	}
	p := newFilePicker(x.c, x.c.Tr.Flow.ChooseEdit, readable(t.row.Files()), 0)
	id := t.row.Group.ID()
	return send(openFormMsg{form: p, done: func() tea.Cmd { return x.readForEdit(id, p.Chosen().Path) }})
}

// severalPerLanguage tells a group with more than one file in a language.
func severalPerLanguage(r *row) bool { return len(r.Left) > 1 || len(r.Right) > 1 }

// readable keeps the files whose front matter was read.
func readable(files []*model.Posting) []*model.Posting {
	var out []*model.Posting
	for _, f := range files {
		if f.Readable() {
			out = append(out, f)
		}
	}
	return out
}

// readForEdit reads the group id afresh for its form; only, a file's path,
// restricts the form to that file.
func (x *actions) readForEdit(id, only string) tea.Cmd {
	site := x.site
	return task("", func() tea.Msg {
		print := fingerprint(site)
		cat, g, err := app.LoadGroup(site, id)
		if err != nil {
			// gone or split since the list was read: the list is read again
			return actionMsg{err: err, reload: errors.Is(err, gitops.ErrUnknownPosting)}
		}
		return editReadyMsg{cat: cat, group: g, print: print, only: only}
	})
}

func (x *actions) openEditForm(msg editReadyMsg) tea.Cmd {
	var only *model.Posting
	for _, p := range msg.group.Postings(msg.cat.Site.Langs) {
		if msg.only != "" && p.Path == msg.only {
			only = p
		}
	}
	if msg.only != "" && only == nil { // gone or moved since it was picked
		return send(errorMsg{&gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{msg.only}}})
	}
	f := newEditForm(x.c, msg.cat, msg.group, only)
	return send(openFormMsg{form: f, done: func() tea.Cmd {
		edit := f.Result()
		if editIsEmpty(edit) {
			return send(statusMsg(x.c.Tr.UI.NoChange))
		}
		return x.save(f.groupID, edit)
	}})
}

// conflictForm asks, for each field changed on disk since the form
// opened, which value to keep, then saves again (a new change on disk
// meanwhile asks again).
func (x *actions) conflictForm(q *conflictChoice) tea.Cmd {
	f := newConflictForm(x.c, q)
	return send(openFormMsg{form: f, done: func() tea.Cmd { return x.save(q.id, f.settle(q)) }})
}

func (x *actions) newForm(t target) tea.Cmd {
	if t.cat == nil {
		return nil
	}
	f := newNewForm(x.c, t.cat)
	return send(openFormMsg{form: f, done: func() tea.Cmd { return x.create(f.Result()) }})
}

// commitForm lets the person choose the edited files to commit.
func (x *actions) commitForm(msg pendingMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return send(errorMsg{msg.err})
	case len(msg.files) == 0:
		return send(statusMsg(x.c.Tr.Actions.NoPending))
	}
	return x.openCommitForm(newCommitForm(x.c, msg.files, msg.message, msg.messageFor))
}

// openCommitForm shows the commit form. Committing files whose front
// matter cannot be read asks first; no brings the form back as it was
// left, those files unticked.
func (x *actions) openCommitForm(f *commitForm) tea.Cmd {
	return send(openFormMsg{form: f, done: func() tea.Cmd {
		commit := func() tea.Cmd { return x.commit(f.chosen, f.message) }
		if broken := f.unreadableChosen(); len(broken) > 0 {
			tr, names := x.c.Tr, strings.Join(broken, ", ")
			return send(askMsg{question: tr.N(tr.Picker.CommitUnreadable, len(broken), "names", names), onYes: commit,
				noStatus: tr.N(tr.Picker.UnreadableUnticked, len(broken), "names", names),
				afterNo:  func() tea.Cmd { return x.openCommitForm(f.again()) }})
		}
		return commit()
	}})
}

// question is the footer's question before an archive that would include
// uncommitted edits. The file names come inside it, before its keys, as in
// every question; past three, an ellipsis, so that the keys stay in sight.
func (x *actions) question(q *dirtyQuestion) askMsg {
	names := make([]string, 0, 4)
	for i, p := range q.paths {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, common.SafeLine(path.Base(p)))
	}
	return askMsg{question: x.c.Tr.N(x.c.Tr.UI.IncludeEdits, len(q.paths), "paths", strings.Join(names, ", ")), onYes: func() tea.Cmd {
		opt := q.opt
		opt.WithChanges = true
		return x.archive(q.ids, opt, q.kind)
	}, afterNo: func() tea.Cmd {
		if u := q.offered(); u != nil {
			x.undo = u
		}
		return nil
	}}
}

// ShortHelp and FullHelp: the actions, in the list's and the preview's help.
func (x *actions) ShortHelp() []key.Binding {
	return []key.Binding{x.keys.Archive, x.keys.Undo, x.keys.Edit}
}

// PreviewHelp is the shorter list under the preview, whose own keys take
// more room.
func (x *actions) PreviewHelp() []key.Binding { return []key.Binding{x.keys.Archive, x.keys.Edit} }

// ReviewHelp: in the review, edit the translation, then commit it.
func (x *actions) ReviewHelp() []key.Binding { return []key.Binding{x.keys.EditBody, x.keys.Commit} }

func (x *actions) FullHelp() [][]key.Binding {
	k := x.keys
	return [][]key.Binding{{k.Archive, k.Undo, k.Edit, k.EditBody, k.New, k.Diff, k.Translate}, {k.Commit, k.Push, k.Pull, k.Open, k.Withdraw, k.Remove}}
}
