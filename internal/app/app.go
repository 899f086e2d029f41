// Package app holds jobtui's workflows: archive, commit, push, pending
// edits, diff, new posting pair and form edits. Each is one plain function
// over model and gitops with a typed result and typed errors, called alike
// by the command line (cmd/jobtui) and the terminal app (internal/ui), so
// neither holds a workflow of its own. Nothing here makes words: callers
// render results and errors through internal/i18n.
package app

import (
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// Load reads, links and checks the postings of site. Every workflow that
// writes starts from a fresh Load, so that it acts on the files as they are
// on disk, not as a screen last showed them.
func Load(site *model.Site) (*model.Catalog, error) {
	// The problems' messages are not used by the workflows; the next step
	// of issue 12 drops the words from model altogether.
	return model.Load(site, i18n.For(i18n.EN))
}
