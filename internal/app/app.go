// Package app holds jobtui's workflows: archive, commit, push, pending
// edits, diff, new posting pair and form edits. Each is one plain function
// over model and gitops with a typed result and typed errors, called alike
// by the command line (cmd/jobtui) and the terminal app (internal/ui), so
// neither holds a workflow of its own. Nothing here makes words: callers
// render results and errors through internal/i18n.
package app

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Load reads, links and checks the postings of site. Every workflow that
// writes starts from a fresh Load, so that it acts on the files as they are
// on disk, not as a screen last showed them.
func Load(site *model.Site) (*model.Catalog, error) {
	return model.Load(site)
}

// Check is Load and then the checks that need git history (stale
// translations) when r is not nil. A history that cannot be read leaves
// those out, with a *HistoryError: the other checks still stand.
func Check(r *gitops.Repo, site *model.Site) (*model.Catalog, error) {
	cat, err := Load(site)
	if err != nil || r == nil {
		return cat, err
	}
	return WithHistory(r, cat)
}

// WithHistory is cat with the problems found in git history added, as a
// new catalog value: cat itself is not changed, so that a screen may keep
// reading it meanwhile.
//
// A history that cannot be read leaves cat as it is, with a *HistoryError.
func WithHistory(r *gitops.Repo, cat *model.Catalog) (*model.Catalog, error) {
	ps, err := StaleProblems(r, cat)
	if err != nil {
		return cat, &HistoryError{Err: err}
	}
	return withProblems(cat, ps), nil
}

// withProblems is cat with ps added, as a new catalog value (cat when ps
// is empty).
func withProblems(cat *model.Catalog, ps []model.Problem) *model.Catalog {
	if len(ps) == 0 {
		return cat
	}
	cp := *cat
	cp.SetProblems(append(append([]model.Problem{}, cat.Problems...), ps...))
	return &cp
}
