package ui

import (
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// commitForm chooses the edited posting files to commit and the message.
type commitForm struct {
	huhChild
	chosen  []string
	message string
}

func newCommitForm(c *common.Common, files []gitops.PendingFile, message string) *commitForm {
	f := &commitForm{message: message}
	opts := make([]huh.Option[string], len(files))
	for i, p := range files {
		state := c.Tr.UI.Modified
		if p.State == gitops.StateUntracked {
			state = c.Tr.UI.New
		}
		label := common.SafeLine(p.Posting.Path) + "  (" + state + ")"
		opts[i] = huh.NewOption(label, p.RepoPath).Selected(true)
		f.chosen = append(f.chosen, p.RepoPath)
	}
	f.huhChild = newHuhForm(c, huh.NewGroup(
		huh.NewMultiSelect[string]().Title(c.Tr.UI.CommitFiles).Options(opts...).Value(&f.chosen).Height(min(len(opts), 12)+1),
		huh.NewInput().Title(withValue(c, c.Tr.UI.CommitMessage, f.message)).Value(&f.message),
	))
	orig, n := message, len(f.chosen)
	f.dirty = func() bool { return f.message != orig || len(f.chosen) != n }
	return f
}
