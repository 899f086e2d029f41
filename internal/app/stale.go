package app

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// StaleProblems finds the translations left behind: in a group with exactly
// one file per language, when the commits that last changed the two files
// differ and one descends from the other, the older side is stale.
// Uncommitted edits do not count.
func StaleProblems(r *gitops.Repo, cat *model.Catalog) ([]model.Problem, error) {
	if len(cat.Site.Langs) != 2 {
		return nil, nil
	}
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	type pair struct {
		g    *model.Group
		a, b string // repository paths
	}
	var pairs []pair
	var paths []string
	for _, g := range cat.Groups {
		if len(g.Files[l0]) != 1 || len(g.Files[l1]) != 1 {
			continue
		}
		a, err := r.RepoPath(g.Files[l0][0].Abs)
		if err != nil {
			return nil, err
		}
		b, err := r.RepoPath(g.Files[l1][0].Abs)
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, pair{g, a, b})
		paths = append(paths, a, b)
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	changes, err := r.LastChanges(paths)
	if err != nil {
		return nil, err
	}
	var out []model.Problem
	ancestry := r.NewAncestry()
	for _, p := range pairs {
		ca, cb := changes[p.a], changes[p.b]
		if ca == nil || cb == nil || ca.Hash == cb.Hash {
			continue
		}
		staleLang, newLang, stale, newer := "", "", ca, cb
		switch {
		case ancestry.Before(ca, cb):
			staleLang, newLang = l0, l1
		case ancestry.Before(cb, ca):
			staleLang, newLang, stale, newer = l1, l0, cb, ca
		default:
			continue
		}
		out = append(out, model.Problem{
			Code: model.CodeStaleTranslation, Severity: model.SeverityWarning, Key: p.g.Key, Lang: staleLang,
			Paths: p.g.Paths(),
			Args: map[string]string{"lang": staleLang, "other": newLang,
				"staleDate": stale.When.Format("2006-01-02"), "newDate": newer.When.Format("2006-01-02"), "subject": newer.Subject},
		})
	}
	return out, nil
}
