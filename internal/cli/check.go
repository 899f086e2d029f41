package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// checkReport is the JSON of `jobtui check --json`.
type checkReport struct {
	Root      string        `json:"root"`
	Section   string        `json:"section"`
	Languages []string      `json:"languages"`
	Postings  int           `json:"postings"`
	Groups    int           `json:"groups"`
	Problems  []jsonProblem `json:"problems"`
}

// jsonProblem is a problem with its message in the interface language,
// rendered as it is written out. A stale translation also says since which
// commit (`since`) and how its source changed since then (`sourceDiff`, as
// `git diff SINCE -- SOURCE` prints it).
type jsonProblem struct {
	model.Problem
	Message    string     `json:"message"`
	Since      *sinceJSON `json:"since,omitempty"`
	SourceDiff *string    `json:"sourceDiff,omitempty"`
}

type sinceJSON struct {
	Hash     string `json:"hash"`
	Date     string `json:"date"` // RFC 3339, the committer date
	Reviewed bool   `json:"reviewed"`
}

// staleID matches a stale pair with its problem.
func staleID(key, lang string, paths []string) string {
	return key + "\x00" + lang + "\x00" + strings.Join(paths, "\x00")
}

func jsonProblems(tr *i18n.Tr, ps []model.Problem, pairs []*gitops.StalePair) []jsonProblem {
	byID := map[string]*gitops.StalePair{}
	for _, p := range pairs {
		byID[staleID(p.Group.Key, p.TranslationLang, p.Group.Paths())] = p
	}
	out := make([]jsonProblem, 0, len(ps))
	for _, p := range ps {
		j := jsonProblem{Problem: p, Message: i18n.ProblemText(tr, p)}
		if sp := byID[staleID(p.Key, p.Lang, p.Paths)]; sp != nil && p.Code == model.CodeStaleTranslation {
			j.Since = &sinceJSON{Hash: sp.Since.Hash.String(), Date: sp.Since.When.Format(time.RFC3339), Reviewed: sp.Reviewed}
			if sp.DiffLoaded {
				d := sp.SourceDiff
				j.SourceDiff = &d
			}
		}
		out = append(out, j)
	}
	return out
}

func (a *cli) checkCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: a.tr.CLI.CheckShort,
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			shortLived()
			site, err := a.openSite()
			if err != nil {
				return err
			}
			cat, pairs, err := app.CheckWithDiffs(cmd.Context(), a.historyRepo(site), site)
			if err = a.historyUnread(err); err != nil {
				return a.cannot(err)
			}
			if asJSON {
				rep := checkReport{Root: cat.Site.Root, Section: cat.Site.Section, Languages: cat.Site.Langs,
					Postings: len(cat.Postings), Groups: len(cat.Groups), Problems: jsonProblems(a.tr, cat.Problems, pairs)}
				if err := writeJSON(a.stdout, rep); err != nil {
					return a.cannot(err)
				}
			} else {
				printProblems(a.stdout, a.tr, cat)
			}
			if errs, _ := model.Summary(cat.Problems); errs > 0 {
				return &exitError{code: exitProblems}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.tr.CLI.FlagJSON)
	return cmd
}

// reportBuffer is the room a report is gathered in before it is written.
const reportBuffer = 64 << 10

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printProblems prints the problems grouped by posting, in the user's
// language, then a one-line summary, written at once (a line at a time,
// the corpus's report took 400 system calls).
func printProblems(out io.Writer, tr *i18n.Tr, cat *model.Catalog) {
	w := bufio.NewWriterSize(out, reportBuffer)
	defer w.Flush()
	ps := cat.Problems
	errs, warns := model.Summary(ps)
	last := "\x00"
	for _, p := range ps {
		if p.Key != last {
			if last != "\x00" {
				fmt.Fprintln(w)
			}
			last = p.Key
			if p.Key == "" {
				fmt.Fprintln(w, tr.CLI.NoKey)
			} else {
				fmt.Fprintln(w, model.SafeText(p.Key, false))
			}
		}
		sev := tr.Check.SeverityWarning
		if p.Severity == model.SeverityError {
			sev = tr.Check.SeverityError
		}
		lang := p.Lang
		if lang == "" {
			lang = "--"
		}
		fmt.Fprintf(w, "  %-13s %-24s %-2s  %s\n", sev, i18n.ProblemName(tr, p.Code), lang, model.SafeText(i18n.ProblemText(tr, p), false))
		for _, path := range p.Paths {
			fmt.Fprintf(w, "      %s\n", model.SafeText(path, false))
		}
	}
	if len(ps) == 0 {
		fmt.Fprintln(w, tr.Check.NoProblems)
	} else {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, i18n.F(tr.Check.Summary, "postings", tr.N(tr.Check.SummaryPostings, len(cat.Postings)),
		"groups", tr.N(tr.Check.SummaryGroups, len(cat.Groups)),
		"errors", tr.N(tr.Check.SummaryErrors, errs), "warnings", tr.N(tr.Check.SummaryWarnings, warns)))
}

// staleNotChecked says, in the user's language, that the stale
// translations were not checked and why.
func (a *cli) staleNotChecked(err error) string {
	return i18n.StaleNotChecked(a.tr, err)
}

// historyRepo is the repository whose history the checks read: nil
// outside one (those checks are then silently absent); one go-git cannot
// open is said on stderr.
func (a *cli) historyRepo(site *model.Site) *gitops.Repo {
	r, err := gitops.Open(site.Root)
	if err != nil && !errors.Is(err, gitops.ErrNoRepository) {
		fmt.Fprintln(a.stderr, "jobtui: "+a.staleNotChecked(err))
	}
	return r
}

// historyUnread says a *app.HistoryError on stderr and drops it (the
// other checks stand); any other error is returned.
func (a *cli) historyUnread(err error) error {
	var he *app.HistoryError
	if errors.As(err, &he) {
		fmt.Fprintln(a.stderr, "jobtui: "+a.staleNotChecked(he.Err))
		return nil
	}
	return err
}
