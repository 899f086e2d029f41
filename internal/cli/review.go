package cli

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// reviewJSON is a stale pair as `jobtui review --json` prints it.
type reviewJSON struct {
	Key             string    `json:"key"`
	Translation     string    `json:"translation"` // site-relative path
	TranslationLang string    `json:"translationLang"`
	Source          string    `json:"source"`
	SourceLang      string    `json:"sourceLang"`
	Since           sinceJSON `json:"since"`
	SourceChanged   string    `json:"sourceChanged"` // RFC 3339: the source change that left the translation behind
	AgeDays         int       `json:"ageDays"`
	ChangedLines    int       `json:"changedLines"`
	SourceDiff      string    `json:"sourceDiff"`
}

func (a *cli) reviewCommand() *cobra.Command {
	var mark, asJSON bool
	var message string
	t := &a.tr.Review
	cmd := &cobra.Command{
		Use:   "review [" + a.tr.Args.Key + "...]",
		Long:  t.Short + "\n\n" + a.tr.Args.KeyOrFile,
		Short: t.Short,
		RunE: func(cmd *cobra.Command, args []string) error {
			if mark && len(args) == 0 {
				return a.usageErr(i18n.F(a.tr.Args.NeedMark, "usage", cmd.CommandPath()+" --mark "+a.tr.Args.Key+"..."))
			}
			site, err := a.openSite()
			if err != nil {
				return err
			}
			r, err := a.openRepo(site.Root)
			if err != nil {
				return err
			}
			if mark {
				return a.markReviewed(cmd, r, site, postingArgs(site, args), message)
			}
			cat, pairs, err := app.CheckWithDiffs(cmd.Context(), r, site)
			if he := (*app.HistoryError)(nil); errors.As(err, &he) {
				return fail(exitCannot, "%s", a.staleNotChecked(he.Err))
			}
			if err != nil {
				return a.cannot(err)
			}
			if len(args) > 0 {
				groups, err := app.ResolveGroups(cat, postingArgs(site, args))
				if err != nil {
					return a.gitError(err)
				}
				pairs, err = pairsOf(pairs, groups)
				if err != nil {
					return a.gitError(err)
				}
			}
			now := time.Now()
			switch {
			case asJSON:
				out := []reviewJSON{}
				for _, p := range pairs {
					out = append(out, reviewJSON{Key: p.Key, Translation: p.Translation.Path, TranslationLang: p.TranslationLang,
						Source: p.Source.Path, SourceLang: p.SourceLang,
						Since:         sinceJSON{Hash: p.Since.Hash.String(), Date: p.Since.When.Format(time.RFC3339), Reviewed: p.Reviewed},
						SourceChanged: p.LeftBehind.When.Format(time.RFC3339), AgeDays: ageDays(p, now),
						ChangedLines: p.ChangedLines, SourceDiff: p.SourceDiff})
				}
				return writeJSON(a.stdout, out)
			case len(args) > 0:
				for i, p := range pairs {
					if i > 0 {
						fmt.Fprintln(a.stdout)
					}
					fmt.Fprintln(a.stdout, model.SafeText(p.Key, false))
					fmt.Fprintln(a.stdout, reviewHeader(a.tr, p, now))
					fmt.Fprint(a.stdout, model.SafeText(p.SourceDiff, true))
				}
			default:
				printReviewList(a.stdout, a.tr, pairs, now)
			}
			return nil
		},
		ValidArgsFunction: a.completeKeys,
	}
	f := cmd.Flags()
	f.BoolVar(&mark, "mark", false, t.FlagMark)
	f.StringVarP(&message, "message", "m", "", t.FlagMessage)
	f.BoolVar(&asJSON, "json", false, a.tr.CLI.FlagJSON)
	return cmd
}

// markReviewed is review --mark: an empty commit recording that the named
// pairs' translations were reviewed.
func (a *cli) markReviewed(cmd *cobra.Command, r *gitops.Repo, site *model.Site, args []string, message string) error {
	shortLived()
	res, err := app.MarkReviewed(cmd.Context(), r, site, args, message)
	if err != nil {
		return a.gitError(err)
	}
	fmt.Fprintln(a.stdout, res.Commit.Short+" "+res.Commit.Subject)
	a.hookOutput(res.Commit)
	return nil
}

// pairsOf keeps the stale pairs of the named groups, in their order; a
// group whose translation is not behind is refused.
func pairsOf(pairs []*gitops.StalePair, groups []*model.Group) ([]*gitops.StalePair, error) {
	byGroup := map[*model.Group]*gitops.StalePair{}
	for _, p := range pairs {
		byGroup[p.Group] = p
	}
	var out []*gitops.StalePair
	for _, g := range groups {
		p := byGroup[g]
		if p == nil {
			return nil, &gitops.Error{Kind: gitops.KindNotStale, Paths: []string{g.ID()}}
		}
		out = append(out, p)
	}
	return out, nil
}

func ageDays(p *gitops.StalePair, now time.Time) int { return int(p.Age(now).Hours() / 24) }

// reviewHeader: "English changed 3 lines since the French was last updated
// on 2023-05-01 (commit 1a2b3c4); waiting for 12 days".
func reviewHeader(tr *i18n.Tr, p *gitops.StalePair, now time.Time) string {
	return i18n.ReviewHeader(tr, i18n.StaleHeader{Reviewed: p.Reviewed, Source: p.SourceLang, Lang: p.TranslationLang,
		Lines: p.ChangedLines, Since: p.Since.When.Format("2006-01-02"), Hash: p.Since.Hash.String()[:7], Days: ageDays(p, now)})
}

// printReviewList prints the stale pairs, oldest first, one a line.
func printReviewList(w io.Writer, tr *i18n.Tr, pairs []*gitops.StalePair, now time.Time) {
	if len(pairs) == 0 {
		fmt.Fprintln(w, tr.Review.NothingToReview)
		return
	}
	t := &tr.Review
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ColAge, t.ColPosting, t.ColTranslation, t.ColSince, t.ColSource)
	for _, p := range pairs {
		since := p.Since.When.Format("2006-01-02")
		if p.Reviewed {
			since += " (" + t.Reviewed + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", i18n.Age(tr, ageDays(p, now)), model.SafeText(p.Key, false),
			i18n.LangName(tr, p.TranslationLang), since,
			i18n.LangName(tr, p.SourceLang)+", "+i18n.LineCount(tr, p.ChangedLines))
	}
	tw.Flush()
}
