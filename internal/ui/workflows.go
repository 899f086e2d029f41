package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/editor"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The workflows of internal/app (the same functions as the command line),
// run in the background: every value a command needs is copied before its
// closure; the results are worded here, in the person's language.

// task wraps background work: the root shows the spinner and status first.
func task(status string, run tea.Cmd) tea.Cmd { return send(taskMsg{status: status, run: run}) }

// writeTask is a task that changes files or git (a commit, a push): q
// asks before leaving it half done.
func writeTask(status string, run tea.Cmd) tea.Cmd {
	return send(taskMsg{status: status, run: run, writes: true})
}

// pending finds the edited posting files, for the commit form.
func (x *actions) pending() tea.Cmd {
	site, repo := x.site, x.repo
	return task("", func() tea.Msg {
		res, err := app.Pending(repo, site)
		if err != nil {
			return pendingMsg{err: err}
		}
		return pendingMsg{files: res.Files, message: res.Message, messageFor: res.MessageFor}
	})
}

// push pushes the current branch; in pull-request mode it proposes the
// local commits instead. A push the server refuses shows its reason whole
// and offers to propose the commits.
func (x *actions) push() tea.Cmd {
	if x.remote.pub.Proposing() {
		return x.proposeLocal()
	}
	return x.pushDirect()
}

// pushDirect pushes the current branch to its upstream, or, the first
// time, to the remote under its own name, which becomes its upstream.
func (x *actions) pushDirect() tea.Cmd {
	repo, tr := x.repo, x.c.Tr
	propose, pull := x.proposeLocal, x.pull // bound here: the command reads nothing of x
	return writeTask(tr.UI.Working, func() tea.Msg {
		res, err := app.Push(context.Background(), repo)
		if ask := gitQuestion(tr, err, "", offers{pull: pull, propose: propose}); ask != nil {
			return actionMsg{ask: ask, sync: true}
		}
		if err != nil {
			return actionMsg{err: err, sync: true}
		}
		return actionMsg{status: i18n.PushSummary(tr, res), sync: true}
	})
}

// commit commits the chosen files with the message.
func (x *actions) commit(paths []string, message string) tea.Cmd {
	site, repo, tr, publish := x.site, x.repo, x.c.Tr, x.publish
	return writeTask("", func() tea.Msg {
		if len(paths) == 0 {
			return actionMsg{err: gitops.ErrNothingToCommit}
		}
		ctx := context.Background()
		pub, err := app.PublishFor(ctx, repo, publish)
		if err != nil {
			return actionMsg{err: err}
		}
		res, err := app.CommitEdits(ctx, repo, site, pub, paths, message)
		if err != nil { // a proposal may have pushed its branch before it failed
			return actionMsg{err: err, reload: true, sync: pub.Proposing()}
		}
		if res.Proposal != nil {
			return proposed(tr, res.Proposal, "")
		}
		c := res.Commit
		status := i18n.WithUndoHint(tr, i18n.F(tr.UI.Committed, "hash", c.Short, "subject", c.Subject))
		undo := &undoAction{drop: &dropUndo{commit: c, undone: tr.UI.CommitUndone}} // the edits stay in the files
		return actionMsg{status: withHookOutput(tr, status, c), undo: undo, readWhole: hooksSaid(c), reload: true}
	})
}

// archive archives (or unarchives) groups and commits, then reloads; with
// uncommitted edits in them it asks first. A redo says so.
func (x *actions) archive(ids []string, opt app.ArchiveOptions, kind archiveKind) tea.Cmd {
	if kind.undo != nil {
		return x.undoArchive(kind.undo, opt.WithChanges)
	}
	site, repo, tr, publish := x.site, x.repo, x.c.Tr, x.publish
	ids = append([]string(nil), ids...)
	return writeTask(tr.UI.Working, func() tea.Msg {
		if kind.redo && repo.HeadCommit() != kind.from {
			return actionMsg{status: tr.UI.NothingToRedo}
		}
		ctx := context.Background()
		pub, err := app.PublishFor(ctx, repo, publish)
		if err != nil {
			return actionMsg{err: err}
		}
		res, p, err := app.ArchiveOrPropose(ctx, repo, site, pub, ids, opt)
		var ge *gitops.Error
		if errors.As(err, &ge) && ge.Kind == gitops.KindDirtyPostings {
			return actionMsg{dirty: &dirtyQuestion{ids: ids, opt: opt, kind: kind, paths: ge.Paths}}
		}
		if err != nil { // a proposal may have pushed its branch before it failed
			return actionMsg{err: err, reload: true, sync: pub.Proposing()}
		}
		if p != nil {
			return proposed(tr, p, "")
		}
		status := archiveStatus(tr, res)
		if kind.redo && res.Commit != nil {
			status = i18n.F(tr.UI.Redone, "status", status)
		}
		if kind.leftOut > 0 { // first: it must not be cut off
			status = tr.N(tr.Flow.MarksLeftOut, kind.leftOut) + " " + status
		}
		if res.Commit == nil {
			return actionMsg{status: status, reload: true}
		}
		opt.WithChanges = false // a redo asks again about edits made since
		return actionMsg{status: status, undo: &undoAction{ids: ids, opt: opt, done: res}, readWhole: hooksSaid(res.Commit), reload: true}
	})
}

// undoArchive takes back the last archive (app.UndoArchive): its commit is
// dropped when that is safe, else a new commit sets the files back and the
// status says why. Either way u then redoes.
func (x *actions) undoArchive(u *undoAction, withChanges bool) tea.Cmd {
	site, repo, tr := x.site, x.repo, x.c.Tr
	return writeTask(tr.UI.Working, func() tea.Msg {
		head := repo.HeadCommit()
		res, err := app.UndoArchive(repo, site, u.ids, u.opt, u.done, withChanges)
		var ge *gitops.Error
		if errors.As(err, &ge) && ge.Kind == gitops.KindDirtyPostings {
			return actionMsg{dirty: &dirtyQuestion{ids: u.ids, opt: u.opt, kind: archiveKind{undo: u}, paths: ge.Paths}}
		}
		if err != nil {
			return actionMsg{err: err, undo: againIfStill(repo, head, u), reload: true}
		}
		redo := &undoAction{ids: u.ids, opt: u.opt, redo: true, head: repo.HeadCommit()}
		if res.Dropped {
			return actionMsg{status: i18n.F(tr.UI.Undone, "hash", u.done.Commit.Short, "redo", tr.UI.RedoHint), undo: redo, reload: true}
		}
		if res.Inverse.Commit == nil {
			return actionMsg{status: archiveStatus(tr, res.Inverse), reload: true}
		}
		why := map[gitops.DropRefusal]string{gitops.DropNoGit: tr.UI.UndoWhyNoGit, gitops.DropMoved: tr.UI.UndoWhyMoved,
			gitops.DropPushed: tr.UI.UndoWhyPushed, gitops.DropChanged: tr.UI.UndoWhyChanged}[res.Why]
		status := i18n.F(tr.UI.UndoneByCommit, "hash", res.Inverse.Commit.Short, "why", why, "redo", tr.UI.RedoHint)
		return actionMsg{status: withHookOutput(tr, status, res.Inverse.Commit), undo: redo, readWhole: hooksSaid(res.Inverse.Commit), reload: true}
	})
}

// againIfStill is u, to be tried again, when HEAD is still at head: a
// refused undo (a read-only file, a lock) changed nothing. Where HEAD
// moved all the same (git failed after its commit), u is not offered.
func againIfStill(repo *gitops.Repo, head plumbing.Hash, u *undoAction) *undoAction {
	if repo.HeadCommit() != head {
		return nil
	}
	return u
}

// archiveStatus says what an archive did.
func archiveStatus(tr *i18n.Tr, res *app.ArchiveResult) string {
	if res.Commit == nil {
		if res.Unarchive {
			return tr.Actions.AlreadyOpen
		}
		return tr.Actions.AlreadyArchived
	}
	tmpl := tr.UI.ArchiveDone
	if res.Unarchive {
		tmpl = tr.UI.UnarchiveDone
	}
	return withHookOutput(tr, tr.N(tmpl, len(res.Groups), "hash", res.Commit.Short, "undo", tr.UI.UndoHint, "subject", res.Commit.Subject), res.Commit)
}

// withHookOutput adds to a commit's status what git and its hooks printed
// while committing, its lines on one line, control characters and escape
// sequences as visible placeholders. The status is said first: it is
// what a status too long for its lines keeps, and ? shows it whole.
func withHookOutput(tr *i18n.Tr, status string, c *gitops.CommitResult) string {
	if c == nil {
		return status
	}
	var lines []string
	for _, l := range strings.Split(c.Output, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, common.SafeLine(l))
		}
	}
	if len(lines) == 0 {
		return status
	}
	// git's words end as git ended them: no full stop is added.
	return i18n.Sentences(status) + " " + i18n.F(tr.UI.HookOutput, "output", strings.Join(lines, " · "))
}

// hooksSaid tells a commit during which git or its hooks printed words
// (withHookOutput adds them to the status, to be read whole).
func hooksSaid(c *gitops.CommitResult) bool { return c != nil && strings.TrimSpace(c.Output) != "" }

// save writes a form's edit; fields changed on disk since the form opened
// wait for the person's choice (conflictForm).
func (x *actions) save(id string, edit model.GroupEdit) tea.Cmd {
	site, tr := x.site, x.c.Tr
	return writeTask("", func() tea.Msg {
		touched, restore, err := app.SaveGroupEditUndoable(site, id, edit)
		var ce *model.ConflictError
		if errors.As(err, &ce) {
			return actionMsg{conflict: &conflictChoice{id: id, edit: edit, conflicts: ce.Conflicts}}
		}
		if err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				err = fmt.Errorf("%s: %w", ve.Field, validationText(tr, err))
			}
			return actionMsg{err: err, reload: true}
		}
		status, undo := tr.N(tr.UI.Saved, len(touched)), (*undoAction)(nil)
		if restore != nil {
			status = i18n.WithUndoHint(tr, status)
			undo = &undoAction{restore: restore}
		}
		return actionMsg{status: status, undo: undo, reload: true}
	})
}

// create writes a new pair, then selects it.
func (x *actions) create(np model.NewPair) tea.Cmd {
	site, tr := x.site, x.c.Tr
	return writeTask("", func() tea.Msg {
		ps, err := app.CreatePair(site, np)
		if err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				err = fmt.Errorf("%s: %w", ve.Field, validationText(tr, err))
			}
			return actionMsg{err: err, reload: true}
		}
		return actionMsg{status: i18n.F(tr.Picker.CreatedArchived, "paths", common.SafeLine(filepath.Base(ps[0].Path))), reload: true, selectKey: ps[0].TranslationKey}
	})
}

// diff shows the changes of the target's files since the last commit.
func (x *actions) diff(t target) tea.Cmd {
	if t.row == nil {
		return nil
	}
	repo := x.repo
	var abs []string
	for _, p := range t.row.Files() {
		abs = append(abs, p.Abs)
	}
	return task("", func() tea.Msg {
		files, err := app.Diff(repo, abs)
		return diffMsg{files: files, err: err}
	})
}

// editor opens a file of the target in the person's editor: the one
// chosen in the preview or the review, the only one, or the one picked
// (e English, f French, or a number). What the editor changed is said when
// it closes (editorDone).
func (x *actions) editor(t target) tea.Cmd {
	switch len(t.files) {
	case 0:
		return nil
	case 1:
		return readBeforeEditor(t.files[0])
	}
	p := newFilePicker(x.c, x.c.Tr.Flow.ChooseEditor, t.files, 0)
	return send(openFormMsg{form: p, done: func() tea.Cmd { return readBeforeEditor(p.Chosen()) }})
}

// readBeforeEditor reads the file as it is before the editor opens, so
// that what the editor changed can be told afterwards.
func readBeforeEditor(p *model.Posting) tea.Cmd {
	abs, rel := p.Abs, p.Path
	return func() tea.Msg {
		before, err := os.ReadFile(abs)
		return editorReadyMsg{path: abs, rel: rel, before: before, err: err}
	}
}

// runEditor hands the terminal to the editor.
func runEditor(s *common.Signals, msg editorReadyMsg) tea.Cmd {
	done := editorDoneMsg{path: msg.path, rel: msg.rel, before: msg.before}
	if msg.err != nil {
		done.err = msg.err
		return send(done)
	}
	cmd, err := editorCommand(msg.path)
	if err != nil {
		done.editor, done.err = "$EDITOR", err
		return send(done)
	}
	done.editor = cmd.Args[0]
	return handOver(s, osCommand{cmd}, func(err error) tea.Msg { done.err = err; return done })
}

// editorDone says what the editor changed in the file, then reloads.
func (x *actions) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return send(reloadMsg{}) // the footer says the editor failed
	}
	tr := x.c.Tr
	return task("", func() tea.Msg {
		ch, err := app.EditorChange(msg.path, msg.before)
		status, undo := editorStatus(tr, msg.rel, ch, err), (*undoAction)(nil)
		if restore := app.EditorRestore(msg.rel, msg.path, msg.before); err == nil && !ch.Same && restore != nil {
			status = i18n.WithUndoHint(tr, status)
			undo = &undoAction{restore: restore}
		}
		return actionMsg{status: status, undo: undo, reload: true}
	})
}

// editorStatus words what the editor changed.
func editorStatus(tr *i18n.Tr, rel string, ch model.FileChange, err error) string {
	f, path := &tr.Flow, common.SafeLine(filepath.Base(rel)) // the name: the status must fit
	switch {
	case err != nil:
		return i18n.F(f.EditorGone, "path", path)
	case ch.Same:
		return i18n.F(f.EditorNoChange, "path", path)
	case ch.Unreadable && ch.WasUnreadable:
		reason := ""
		if ch.Err != nil {
			reason = common.SafeLine(i18n.ProblemText(tr, model.ParseProblem(ch.Err)))
		}
		return i18n.F(tr.Picker.EditorStillUnreadable, "path", path, "reason", reason)
	case ch.Unreadable:
		return i18n.F(f.EditorUnreadable, "path", path)
	}
	what := make([]string, 0, len(ch.Fields)+1)
	for _, k := range ch.Fields {
		what = append(what, common.SafeLine(k))
	}
	if ch.BodyLines > 0 {
		what = append(what, tr.N(f.EditorBody, ch.BodyLines))
	}
	if len(what) == 0 { // only spacing the comparison does not count
		what = append(what, tr.N(f.EditorBody, 0))
	}
	if ch.WasUnreadable {
		return i18n.F(tr.Picker.EditorNowReadable, "path", path, "what", strings.Join(what, ", "))
	}
	return i18n.F(f.EditorChanged, "path", path, "what", strings.Join(what, ", "))
}

// translate creates the missing language of the target's posting from its
// other language (app.CreateTranslation), then shows it.
func (x *actions) translate(t target) tea.Cmd {
	if t.row == nil || t.row.Group == nil || t.cat == nil {
		return nil
	}
	lang, src := app.MissingTranslation(t.cat, t.row.Group)
	if lang == "" {
		return send(statusMsg(x.c.Tr.Flow.NothingToTrans))
	}
	site, tr, id, from := x.site, x.c.Tr, t.row.ID, src.Lang
	return writeTask("", func() tea.Msg {
		p, err := app.CreateTranslation(site, id, lang)
		if errors.Is(err, model.ErrNothingToTranslate) {
			return actionMsg{status: tr.Flow.NothingToTrans}
		}
		if err != nil {
			return actionMsg{err: err, reload: true}
		}
		return actionMsg{status: i18n.F(tr.Flow.Translated, "path", common.SafeLine(filepath.Base(p.Path)), "lang", i18n.LangName(tr, from)),
			reload: true, selectKey: p.TranslationKey}
	})
}

// editorCommand is x/editor's command ($EDITOR with its arguments, so that
// "code --wait" works, else nano), with two more choices jobtui has always
// made: $VISUAL first, and vi where nano is missing.
func editorCommand(path string) (*exec.Cmd, error) {
	if f := strings.Fields(os.Getenv("VISUAL")); len(f) > 0 {
		return exec.Command(f[0], append(f[1:], path)...), nil
	}
	if strings.TrimSpace(os.Getenv("EDITOR")) == "" {
		if _, err := exec.LookPath("nano"); err != nil {
			return exec.Command("vi", path), nil
		}
	}
	return editor.Command("jobtui", path)
}
