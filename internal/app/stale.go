package app

import (
	"context"
	"strconv"
	"time"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// StaleProblems are the stale-translation problems of the site (see
// gitops.StalePairs for the rule), without the source diffs.
func StaleProblems(r *gitops.Repo, cat *model.Catalog) ([]model.Problem, error) {
	pairs, err := gitops.StalePairs(r, cat)
	if err != nil {
		return nil, err
	}
	return StaleProblemsOf(pairs), nil
}

// StaleProblemsOf is the problem of each stale pair.
func StaleProblemsOf(pairs []*gitops.StalePair) []model.Problem {
	out := make([]model.Problem, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, StaleProblem(p))
	}
	return out
}

// StaleProblem is the stale-translation problem of a pair: lang is the
// translation's language, other the source's, since the date of the
// translation's last change (or last review, reviewed "true"), lines the
// lines the source changed since then when its diff is loaded,
// sourceChanged when the source first changed since then (RFC 3339,
// UTC; the oldest change not caught up with): how long the
// translation has waited.
func StaleProblem(p *gitops.StalePair) model.Problem {
	args := map[string]string{"lang": p.TranslationLang, "other": p.SourceLang,
		"since": p.Since.When.Format("2006-01-02"), "sinceHash": p.Since.Hash.String(),
		"sourceChanged": p.LeftBehind.When.UTC().Format(time.RFC3339)}
	if p.Reviewed {
		args["reviewed"] = "true"
	}
	if p.DiffLoaded {
		args["lines"] = strconv.Itoa(p.ChangedLines)
	}
	return model.Problem{
		Code: model.CodeStaleTranslation, Severity: model.SeverityWarning, Key: p.Group.Key, Lang: p.TranslationLang,
		Paths: p.Group.Paths(), Args: args,
	}
}

// StalePairs are the translations left behind by their source, oldest
// first, with the source's diff since the translation (git diff) when
// withDiffs. Outside a repository (r nil) there are none. The diffs need
// the git command line; without it the pairs come without them.
func StalePairs(ctx context.Context, r *gitops.Repo, cat *model.Catalog, withDiffs bool) ([]*gitops.StalePair, error) {
	if r == nil {
		return nil, nil
	}
	pairs, err := gitops.StalePairs(r, cat)
	if err != nil {
		return nil, err
	}
	if withDiffs {
		gitops.LoadDiffs(ctx, r, pairs)
	}
	return pairs, nil
}

// CheckWithDiffs is Check with the source diff of every stale translation
// (what check --json and the review need), and the stale pairs.
//
// When the history cannot be read, the catalog comes checked without the
// stale translations, with a *HistoryError saying why.
//
// The history is read while the postings are checked: it needs their
// groups, not the problems.
func CheckWithDiffs(ctx context.Context, r *gitops.Repo, site *model.Site) (*model.Catalog, []*gitops.StalePair, error) {
	if r == nil {
		cat, err := Load(site)
		return cat, nil, err
	}
	linked, err := model.LoadLinked(site)
	if err != nil {
		return nil, nil, err
	}
	type history struct {
		pairs []*gitops.StalePair
		err   error
	}
	read := make(chan history, 1)
	go func() {
		pairs, err := StalePairs(ctx, r, linked, true)
		read <- history{pairs, err}
	}()
	cat := linked.Checked()
	h := <-read
	pairs, err := h.pairs, h.err
	if err != nil {
		return cat, nil, &HistoryError{Err: err} // the other checks still stand
	}
	if len(pairs) == 0 {
		return cat, nil, nil
	}
	cat.SetProblems(append(append([]model.Problem{}, cat.Problems...), StaleProblemsOf(pairs)...))
	return cat, pairs, nil
}

// HistoryError says why the stale translations could not be checked (the
// history could not be read); the other checks stand.
type HistoryError struct{ Err error }

func (e *HistoryError) Error() string { return "history: " + e.Err.Error() }
func (e *HistoryError) Unwrap() error { return e.Err }
