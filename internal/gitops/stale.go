package gitops

import (
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// StaleProblems finds the translations left behind: in a group with exactly
// one file per language, when the commits that last changed the two files
// differ and one descends from the other, the older side is stale.
// Uncommitted edits do not count.
func StaleProblems(r *Repo, cat *model.Catalog, tr *i18n.Tr) ([]model.Problem, error) {
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
	ancestry := map[[2]plumbing.Hash]bool{}
	isAncestor := func(older, newer plumbing.Hash) bool {
		k := [2]plumbing.Hash{older, newer}
		if v, ok := ancestry[k]; ok {
			return v
		}
		co, err1 := r.Git.CommitObject(older)
		cn, err2 := r.Git.CommitObject(newer)
		v := err1 == nil && err2 == nil && func() bool { ok, err := co.IsAncestor(cn); return err == nil && ok }()
		ancestry[k] = v
		return v
	}
	for _, p := range pairs {
		ca, cb := changes[p.a], changes[p.b]
		if ca == nil || cb == nil || ca.Hash == cb.Hash {
			continue
		}
		staleLang, newLang, stale, newer := "", "", ca, cb
		switch {
		case isAncestor(ca.Hash, cb.Hash):
			staleLang, newLang = l0, l1
		case isAncestor(cb.Hash, ca.Hash):
			staleLang, newLang, stale, newer = l1, l0, cb, ca
		default:
			continue
		}
		out = append(out, model.Problem{
			Code: model.CodeStaleTranslation, Severity: model.SeverityWarning, Key: p.g.Key, Lang: staleLang,
			Paths: p.g.Paths(),
			Message: i18n.F(tr.Check.StaleTranslation, "lang", model.LangName(tr, staleLang), "other", model.LangName(tr, newLang),
				"staleDate", stale.When.Format("2006-01-02"), "newDate", newer.When.Format("2006-01-02"), "subject", newer.Subject),
		})
	}
	return out, nil
}
