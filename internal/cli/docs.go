package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/jobtui/jobtui/internal/i18n"
)

// completionCommand prints cobra's completion script for a shell; the
// posting names come from completeKeys and completePending.
func (a *cli) completionCommand() *cobra.Command {
	return &cobra.Command{
		Use:       "completion " + a.tr.Args.Shell,
		Short:     a.tr.CLI.CompShort,
		Long:      a.tr.CLI.CompLong,
		ValidArgs: []string{"bash", "zsh", "fish"},
		Args:      a.oneArg(a.tr.Args.NeedShell, a.validShell),
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(a.stdout, true)
			case "zsh":
				err = root.GenZshCompletion(a.stdout)
			case "fish":
				err = root.GenFishCompletion(a.stdout, true)
			}
			if err != nil {
				return a.cannot(err)
			}
			return nil
		},
	}
}

// manCommand writes the manual pages, generated from the commands
// themselves so that they never drift from --help.
func (a *cli) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man " + a.tr.Args.Dir,
		Short: a.tr.CLI.ManShort,
		Long:  a.tr.CLI.ManLong,
		Args:  a.oneArg(a.tr.Args.NeedMan, nil),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return a.cannot(err)
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // pages that do not change from one run to the next
			header := &doc.GenManHeader{Title: "JOBTUI", Section: "1", Source: "jobtui " + buildVersion(), Manual: a.tr.CLI.ManTitle}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return a.cannot(err)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "jobtui*.1"))
			fmt.Fprintln(a.stdout, i18n.F(a.tr.CLI.ManWritten, "n", fmt.Sprint(len(pages)), "dir", dir))
			return nil
		},
	}
}
