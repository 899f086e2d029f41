package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
)

func (a *cli) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo " + a.tr.Args.Dir,
		Short: a.tr.CLI.DemoShort,
		Args:  a.oneArg(a.tr.Args.NeedDemo, nil),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := demo.Write(dir); err != nil {
				if errors.Is(err, demo.ErrNotEmpty) {
					return fail(exitCannot, "%s", i18n.F(a.tr.CLI.DirNotEmpty, "dir", dir))
				}
				return a.cannot(err)
			}
			cmd.Println(i18n.F(a.tr.CLI.DemoWritten, "dir", dir))
			return nil
		},
	}
}
