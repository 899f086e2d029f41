package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/gitops"
)

func init() {
	extraCommands = append(extraCommands, (*app).commitCommand)
}

func (a *app) commitCommand() *cobra.Command {
	var message string
	cmd := &cobra.Command{
		Use:   "commit [PATH...]",
		Short: a.tr.Actions.CommitShort,
		RunE: func(cmd *cobra.Command, args []string) error {
			shortLived()
			cat, err := a.loadCatalog()
			if err != nil {
				return err
			}
			repo, err := a.openRepo(cat.Site.Root)
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
			res, err := gitops.CommitPending(repo, cat, paths, message)
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
	}
	cmd.Flags().StringVarP(&message, "message", "m", "", a.tr.Actions.FlagMessage)
	return cmd
}
