package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// The typed messages between the root and its components. Components ask
// the root for a change of focus with a message; they never reach into
// each other.
type (
	// contextMsg tells every component that the shared context changed
	// (language or colours): rebuild keys and text.
	contextMsg struct{}
	// selectMsg: the list's cursor is on another row.
	selectMsg struct{}
	// openPreviewMsg: the list asks for the preview of the selected row.
	openPreviewMsg struct{}
	// backMsg: the preview, the diff or the help asks to go back to the list.
	// keepStatus: the status says what an action just did, and stays.
	backMsg struct{ keepStatus bool }
	// taskMsg starts background work: the footer shows the spinner and the
	// status until its result comes.
	taskMsg struct {
		status   string
		run      tea.Cmd
		progress *progressLine // git's progress, shown after the status while it runs
		writes   bool          // it changes files or git: quitting asks first
	}
	// statusMsg and errorMsg end in the footer at once.
	statusMsg string
	// moreStatusMsg is said after the status there (what an action did
	// stays first).
	moreStatusMsg string
	errorMsg      struct{ err error }
	// askMsg puts a yes/no question in the footer.
	askMsg struct {
		question string
		onYes    func() tea.Cmd
		noStatus string         // the status after no; "" for "Nothing changed."
		keep     bool           // no leaves the status as it is (a task's, or its result)
		afterNo  func() tea.Cmd // run after no (what no keeps on offer), may be nil
	}
	// reloadMsg asks for a fresh read of the files (after a workflow).
	reloadMsg struct{}
	// openDiffMsg: the diff has text to show.
	openDiffMsg struct{}
	// openFormMsg shows a form; done runs when it is completed.
	openFormMsg struct {
		form formChild
		done func() tea.Cmd
	}

	// catalogMsg comes twice per load: first the postings read and
	// checked (the list shows at once), then, with details set, the git
	// states and history problems of that same catalog. The first load
	// comes three times: the postings read and linked (unchecked), their
	// problems (checked), then the details.
	catalogMsg struct {
		cat    *model.Catalog
		rows   []row
		states map[string]gitops.FileState
		print  string // fingerprint of the files, for the change watcher
		// readPrint is the fingerprint taken just before cat was read.
		readPrint string
		// changedWhileRead: a first reading found a file changed since it
		// read it (readPrint is then "").
		changedWhileRead bool
		err              error
		note             string
		watched          bool // read again because the files changed on disk
		details          bool
		unchecked        bool           // read and linked, the problems to follow
		checked          bool           // the problems of base
		base             *model.Catalog // with details or checked: the catalog they complete
		// historyErr: with details, why the stale translations are not
		// among the problems (the history could not be read).
		historyErr error
	}
	watchMsg struct{ print string }

	// Results of the workflows.
	actionMsg struct {
		status    string
		err       error
		undo      *undoAction
		dirty     *dirtyQuestion
		conflict  *conflictChoice // a save that waits for a choice
		reload    bool
		selectKey string
		link      string  // a web address the footer shows as a link (OSC 8)
		hint      string  // the end of status that leads to link ("o opens the pull request:"); "" for all of it
		readWhole bool    // status holds what git and the hooks said: wrapped whole until the next key
		sync      bool    // read the remote's state again (tracking, proposals)
		ask       *askMsg // a question that follows (propose instead, delete merged)
	}
	diffMsg struct {
		files []app.FileDiff
		err   error
	}
	pendingMsg struct {
		files      []gitops.PendingFile
		message    string
		messageFor func([]gitops.PendingFile) string
		err        error
	}
	// editorReadyMsg: the file was read, the editor may open.
	editorReadyMsg struct {
		path, rel string // absolute, and as the site names it
		before    []byte
		err       error
	}
	editorDoneMsg struct {
		path, rel string
		before    []byte // the file when the editor opened
		editor    string // the editor's command, once started ("" when the file could not be read)
		err       error
	}
	// editReadyMsg is a group read afresh for its edit form; print is the
	// files' fingerprint, for the store to reload if they changed.
	editReadyMsg struct {
		cat   *model.Catalog
		group *model.Group
		print string
		only  string // the one file the form edits, if picked
	}
)

// undoAction is what u does next: take back the last archive (dropping
// its commit when that is safe, else an inverse commit: app.UndoArchive),
// or, after an undo, do that archive again.
type undoAction struct {
	ids  []string
	opt  app.ArchiveOptions // of the archive to take back or do again
	done *app.ArchiveResult // the archive to take back
	redo bool
	// head: for a redo, the commit HEAD was at once undone; a redo where
	// HEAD has moved since (a commit outside the app) is not made.
	head    plumbing.Hash
	drop    *dropUndo    // a commit that goes (a removal, a commit of edits, a review mark)
	restore *app.Restore // files put back as before an edit not committed (a form, the editor)
}

// dropUndo is a commit u takes back (gitops.DropCommit), and what the
// status says once it is gone.
type dropUndo struct {
	commit *gitops.CommitResult
	before map[string][]byte // the files' bytes to put back; nil: they stay as they are
	undone string            // the status once the commit is gone ({hash})
}

// archiveKind tells an archive from a redo and an undo, which say so in
// the status.
type archiveKind struct {
	redo    bool
	from    plumbing.Hash // a redo's HEAD when undone
	undo    *undoAction   // an undo whose inverse commit asked about edits
	leftOut int           // marked groups hidden by the filter, not acted on
}

// dirtyQuestion asks whether to include uncommitted edits in an archive.
type dirtyQuestion struct {
	ids   []string
	opt   app.ArchiveOptions
	kind  archiveKind
	paths []string
}

// offered is what u offered before the question, an undo or a redo,
// which no keeps on offer (nil for an archive, which leaves u's offer as
// it was).
func (q *dirtyQuestion) offered() *undoAction {
	switch {
	case q.kind.undo != nil:
		return q.kind.undo
	case q.kind.redo:
		return &undoAction{ids: q.ids, opt: q.opt, redo: true, head: q.kind.from}
	}
	return nil
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// The translation review's messages.
type (
	// openReviewMsg asks for the review of a stale pair (by group ID).
	openReviewMsg struct{ id string }
	// reviewMsg is a review built in the background.
	reviewMsg struct {
		id      string
		review  *app.Review
		err     error
		refresh bool // read again after an action, whose status stays
	}
)
