package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
			res, err := app.CommitEdits(ctx, repo, site, pub, paths, message)
			if res != nil {
				a.leftOut(res.LeftOut)
			}
			if errors.Is(err, gitops.ErrNothingToCommit) {
				fmt.Fprintln(a.stdout, a.tr.Actions.NoPending)
				return nil
			}
			if res != nil && res.Proposal != nil {
				fmt.Fprintln(a.stdout, i18n.ProposalText(a.tr, res.Proposal))
			}
			if err != nil {
				return a.gitError(err)
			}
			if res.Proposal == nil {
				fmt.Fprintln(a.stdout, res.Commit.Short+" "+res.Commit.Subject)
				a.hookOutput(res.Commit)
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

// leftOut says, on stderr, which edited files whose front matter cannot
// be read a commit of every edited file left out, and how to commit them
// anyway: by naming them (as paths from the current folder).
func (a *cli) leftOut(files []gitops.PendingFile) {
	if len(files) == 0 {
		return
	}
	cwd, _ := os.Getwd()
	names := make([]string, len(files))
	paths := make([]string, len(files))
	for i, f := range files {
		names[i] = model.SafeText(f.Posting.Path, false)
		p := f.Posting.Abs
		if rel, err := filepath.Rel(cwd, p); err == nil && cwd != "" {
			p = rel
		}
		paths[i] = shellWord(model.SafeText(p, false))
	}
	fmt.Fprintln(a.stderr, "jobtui: "+a.tr.N(a.tr.Actions.LeftOutUnreadable, len(files), "names", strings.Join(names, ", "), "paths", strings.Join(paths, " ")))
}

// shellWord quotes a path for a command line to copy, where it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
