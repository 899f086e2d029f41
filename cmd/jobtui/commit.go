package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
)

func (a *cli) commitCommand() *cobra.Command {
	var message string
	cmd := &cobra.Command{
		Use:   "commit [PATH...]",
		Short: a.tr.Actions.CommitShort,
		RunE: func(cmd *cobra.Command, args []string) error {
			shortLived()
			site, err := a.openSite()
			if err != nil {
				return err
			}
			repo, err := a.openRepo(site.Root)
			if err != nil {
				return err
			}
			var paths []string
			for _, p := range args {
				abs, err := filepath.Abs(p)
				if err != nil {
					return fail(exitCannot, "%v", err)
				}
				rp, err := repo.RepoPath(abs)
				if err != nil {
					return a.gitError(err)
				}
				paths = append(paths, rp)
			}
			res, err := app.Commit(repo, site, paths, message)
			if errors.Is(err, gitops.ErrNothingToCommit) {
				fmt.Fprintln(a.stdout, a.tr.Actions.NoPending)
				return nil
			}
			if err != nil {
				return a.gitError(err)
			}
			fmt.Fprintln(a.stdout, res.Short+" "+res.Subject)
			return nil
		},
		ValidArgsFunction: a.completePending,
	}
	cmd.Flags().StringVarP(&message, "message", "m", "", a.tr.Actions.FlagMessage)
	return cmd
}
