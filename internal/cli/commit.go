package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

func (a *cli) commitCommand() *cobra.Command {
	var message string
	cmd := &cobra.Command{
		Use:   "commit [" + a.tr.Args.Path + "...]",
		Short: a.tr.Actions.CommitShort,
		RunE: func(cmd *cobra.Command, args []string) error {
			shortLived()
			site, err := a.openSite()
			if err != nil {
				return err
			}
			repo, pub, err := a.publishMode(site)
			if err != nil {
				return err
			}
			var paths []string
			for _, p := range args {
				abs, err := filepath.Abs(p)
				if err != nil {
					return a.cannot(err)
				}
				rp, err := repo.RepoPath(abs)
				if err != nil {
					return a.gitError(err)
				}
				paths = append(paths, rp)
			}
			ctx := context.Background()
			res, p, err := app.CommitOrPropose(ctx, repo, site, pub, paths, message)
			if errors.Is(err, gitops.ErrNothingToCommit) {
				fmt.Fprintln(a.stdout, a.tr.Actions.NoPending)
				return nil
			}
			if p != nil {
				fmt.Fprintln(a.stdout, i18n.ProposalText(a.tr, p))
			}
			if err != nil {
				return a.gitError(err)
			}
			if p == nil {
				fmt.Fprintln(a.stdout, res.Short+" "+res.Subject)
				a.hookOutput(res)
			} else if tr, _ := repo.Tracking(ctx); tr != nil {
				fmt.Fprintln(a.stdout, i18n.F(a.tr.Publish.EditsMoved, "branch", tr.Branch))
			}
			return nil
		},
		ValidArgsFunction: a.completePending,
	}
	cmd.Flags().StringVarP(&message, "message", "m", "", a.tr.Actions.FlagMessage)
	return cmd
}

// hookOutput prints, after a commit's line, what git and the hooks said
// while committing (on stderr, as git prints it), its control characters
// and escape sequences as visible placeholders.
func (a *cli) hookOutput(c *gitops.CommitResult) {
	if c != nil && c.Output != "" {
		fmt.Fprintln(a.stderr, model.SafeText(c.Output, true))
	}
}
