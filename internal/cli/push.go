package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
)

func (a *cli) pushCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "push",
		Short: a.tr.Actions.PushShort,
		Args:  a.noArgs,
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
			res, err := app.Push(context.Background(), repo)
			if err != nil {
				return a.gitError(err)
			}
			fmt.Fprintln(a.stdout, i18n.PushSummary(a.tr, res))
			return nil
		},
	}
}
