package app

import (
	"context"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// MarkResult tells what MarkReviewed did.
type MarkResult struct {
	Pairs  []*gitops.StalePair // the pairs marked, in the order named
	Commit *gitops.CommitResult
}

// MarkReviewed records in git that the translations of the named postings
// were reviewed against their source and need no change: one empty commit
// whose message has a "Translation-Reviewed: KEY" line per posting (see
// gitops.ReviewTrailer), which every clone's history walk reads, so the
// pairs stop being stale for the whole team until their source changes
// again. message is the commit's first line (default: built from the
// keys).
//
// Refused, with nothing written: an unknown name (with close matches), a
// posting whose translation is not behind its source, and whatever
// gitops.CheckCommit refuses.
func MarkReviewed(ctx context.Context, r *gitops.Repo, site *model.Site, ids []string, message string) (*MarkResult, error) {
	if r == nil {
		return nil, &gitops.Error{Kind: gitops.KindNoRepository}
	}
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	groups, err := ResolveGroups(cat, ids)
	if err != nil {
		return nil, err
	}
	pairs, err := gitops.StalePairs(r, cat)
	if err != nil {
		return nil, err
	}
	byGroup := map[*model.Group]*gitops.StalePair{}
	for _, p := range pairs {
		byGroup[p.Group] = p
	}
	res := &MarkResult{}
	for _, g := range groups {
		p := byGroup[g]
		if p == nil {
			return nil, &gitops.Error{Kind: gitops.KindNotStale, Paths: []string{g.ID()}}
		}
		res.Pairs = append(res.Pairs, p)
	}
	if err := r.CheckCommit(); err != nil {
		return nil, err
	}
	if res.Commit, err = r.CommitReviewMark(ctx, ReviewMessage(res.Pairs, message)); err != nil {
		return nil, err
	}
	return res, nil
}

// ReviewMessage is the message of a review mark: a first line (subject, or
// "Translation reviewed: KEY (LANG)" for each pair), then a
// Translation-Reviewed line per pair.
func ReviewMessage(pairs []*gitops.StalePair, subject string) string {
	subject = strings.TrimSpace(strings.SplitN(subject, "\n", 2)[0])
	if subject == "" {
		var names []string
		for _, p := range pairs {
			names = append(names, oneLine(p.Key)+" ("+p.TranslationLang+")")
		}
		prefix := "Translation reviewed: "
		if len(pairs) > 1 {
			prefix = "Translations reviewed: "
		}
		subject = prefix + strings.Join(names, ", ")
	}
	var b strings.Builder
	b.WriteString(subject + "\n\n")
	for _, p := range pairs {
		// The key as the history walk matches it: not made safe to print.
		b.WriteString(gitops.ReviewTrailer + ": " + strings.Join(strings.Fields(p.Key), " ") + "\n")
	}
	return b.String()
}
