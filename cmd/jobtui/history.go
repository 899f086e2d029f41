package main

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// The checks that need git history join check, list and the app when the
// site is in a repository; outside one they are silently absent.
func init() {
	historyProblems = func(a *app, cat *model.Catalog) []model.Problem {
		r, err := gitops.Open(cat.Site.Root)
		if err != nil {
			return nil
		}
		return staleOf(r, cat, a.tr)
	}
	uiHistoryProblems = staleOf
}

func staleOf(r *gitops.Repo, cat *model.Catalog, tr *i18n.Tr) []model.Problem {
	ps, err := gitops.StaleProblems(r, cat, tr)
	if err != nil {
		return nil
	}
	return ps
}
