package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// publishing opens the site's repository and reads how it publishes
// (.jobtui.yaml, --publish).
func (a *cli) publishing() (*gitops.Repo, *app.Publish, error) {
	site, err := a.openSite()
	if err != nil {
		return nil, nil, err
	}
	repo, err := a.openRepo(site.Root)
	if err != nil {
		return nil, nil, err
	}
	pub, err := app.PublishSettings(context.Background(), repo, a.publish)
	if err != nil {
		return nil, nil, a.configError(err)
	}
	return repo, pub, nil
}

// publishMode is publishing for an action on site that commits: it opens
// the repository and reads only the publish mode, and asks git for the
// remote and its forge only when the change is to be proposed.
func (a *cli) publishMode(site *model.Site) (*gitops.Repo, *app.Publish, error) {
	repo, err := a.openRepo(site.Root)
	if err != nil {
		return nil, nil, err
	}
	pub, err := app.PublishFor(context.Background(), repo, a.publish)
	if err != nil {
		return nil, nil, a.configError(err)
	}
	return repo, pub, nil
}

// configError says what is wrong in a settings file, or any other error.
func (a *cli) configError(err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		return fail(exitCannot, "%s", i18n.ConfigErrorText(a.tr, ce))
	}
	return a.gitError(err)
}

// progress is where git's progress goes: the terminal's stderr.
func (a *cli) progress() io.Writer { return a.stderr }

func (a *cli) pullCommand() *cobra.Command {
	t := &a.tr.Publish
	return &cobra.Command{
		Use:   "pull",
		Short: t.PullShort,
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			repo, pub, err := a.publishing()
			if err != nil {
				return err
			}
			if pub.Remote != "" {
				fmt.Fprintln(a.stderr, i18n.F(t.Fetching, "remote", pub.Remote))
			}
			res, merged, err := app.Pull(context.Background(), repo, pub, a.progress())
			if err != nil {
				return a.gitError(err)
			}
			fmt.Fprintln(a.stdout, i18n.PullText(a.tr, res))
			if len(merged) > 0 {
				fmt.Fprintln(a.stdout, a.tr.N(t.MergedBranches, len(merged), "names", proposalNames(merged)))
			}
			return nil
		},
	}
}

func proposalNames(ps []gitops.ProposalBranch) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func (a *cli) proposeCommand() *cobra.Command {
	t := &a.tr.Publish
	return &cobra.Command{
		Use:   "propose",
		Short: t.ProposeShort,
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			repo, pub, err := a.publishing()
			if err != nil {
				return err
			}
			p, err := app.ProposeLocalCommits(context.Background(), repo, pub)
			if errors.Is(err, gitops.ErrNothingToCommit) {
				return fail(exitProblems, "%s", t.NothingToPropose)
			}
			if p != nil {
				fmt.Fprintln(a.stdout, i18n.ProposalText(a.tr, p))
			}
			if err != nil {
				return a.gitError(err)
			}
			if branch, err := repo.CurrentBranch(); err == nil {
				fmt.Fprintln(a.stdout, i18n.BranchAfterProposal(a.tr, branch, p))
			}
			return nil
		},
	}
}

// proposalJSON is one proposal in `proposals --json`.
type proposalJSON struct {
	Branch string   `json:"branch"`
	Action string   `json:"action"`
	Local  bool     `json:"local"`
	Remote bool     `json:"remote"`
	Merged bool     `json:"merged"`
	Commit string   `json:"commit"`
	Title  string   `json:"subject"`
	Paths  []string `json:"paths"`
}

func (a *cli) proposalsCommand() *cobra.Command {
	t := &a.tr.Publish
	var clean, asJSON bool
	cmd := &cobra.Command{
		Use:   "proposals",
		Short: t.ProposalsShort,
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			repo, pub, err := a.publishing()
			if err != nil {
				return err
			}
			ctx := context.Background()
			if pub.Remote != "" {
				if err := repo.Fetch(ctx, pub.Remote, nil); err != nil {
					return a.gitError(err)
				}
			}
			if clean {
				done, err := app.DeleteMerged(ctx, repo, pub)
				if len(done) > 0 {
					fmt.Fprintln(a.stdout, a.tr.N(t.Cleaned, len(done), "names", strings.Join(done, ", ")))
				}
				if err != nil {
					return a.gitError(err)
				}
			}
			props, err := app.Proposals(ctx, repo, pub)
			if err != nil {
				return a.gitError(err)
			}
			if asJSON {
				out := []proposalJSON{}
				for _, p := range props {
					out = append(out, proposalJSON{p.Name, app.ProposalAction(p.Name), p.Local, p.Remote, p.Merged, p.Tip.String(), p.Subject, p.Paths})
				}
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			if len(props) == 0 {
				fmt.Fprintln(a.stdout, t.NoProposals)
			}
			for _, p := range props {
				state := i18n.ProposalActionText(a.tr, p.Name)
				if p.Merged {
					state = t.Merged
				}
				fmt.Fprintf(a.stdout, "%s\t%s\t%s\n", p.Name, state, strings.Join(p.Paths, ", "))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&clean, "clean", false, t.FlagClean)
	cmd.Flags().BoolVar(&asJSON, "json", false, t.FlagJSON)
	return cmd
}

func (a *cli) withdrawCommand() *cobra.Command {
	t := &a.tr.Publish
	return &cobra.Command{
		Use:   "withdraw " + a.tr.Args.Branch,
		Short: t.WithdrawShort,
		Args:  a.oneArg(a.tr.Args.NeedWithdraw, nil),
		RunE: func(cmd *cobra.Command, args []string) error {
			repo, pub, err := a.publishing()
			if err != nil {
				return err
			}
			server, err := app.Withdraw(context.Background(), repo, pub, args[0])
			if err != nil {
				return a.gitError(err)
			}
			for _, l := range server {
				fmt.Fprintln(a.stderr, "remote: "+l)
			}
			fmt.Fprintln(a.stdout, i18n.F(t.Withdrawn, "branch", args[0]))
			return nil
		},
	}
}

func (a *cli) deleteCommand() *cobra.Command {
	t := &a.tr.Publish
	var archived bool
	var message string
	cmd := &cobra.Command{
		Use:   "delete [" + a.tr.Args.Key + "...]",
		Long:  t.DeleteShort + "\n\n" + a.tr.Args.KeyOrFile,
		Short: t.DeleteShort,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !archived {
				return a.usageErr(i18n.F(a.tr.Args.NeedDelete, "usage", cmd.CommandPath()+" "+a.tr.Args.Key+"..."))
			}
			repo, pub, err := a.publishing()
			if err != nil {
				return err
			}
			site, err := a.openSite()
			if err != nil {
				return err
			}
			ids := postingArgs(site, args)
			if archived {
				cat, err := app.Load(site)
				if err != nil {
					return a.cannot(err)
				}
				ids = append(ids, app.ArchivedIDs(cat)...)
				if len(ids) == 0 {
					fmt.Fprintln(a.stdout, t.NothingArchived)
					return nil
				}
			}
			res, err := app.Delete(context.Background(), repo, site, pub, ids, message)
			if err != nil {
				return a.gitError(err)
			}
			if res.Proposal != nil {
				fmt.Fprintln(a.stdout, i18n.ProposalText(a.tr, res.Proposal))
				return nil
			}
			fmt.Fprintln(a.stdout, i18n.RemovedText(a.tr, len(res.Removed), res.Commit.Short+" "+res.Commit.Subject))
			a.hookOutput(res.Commit)
			return nil
		},
		ValidArgsFunction: a.completeKeys,
	}
	cmd.Flags().BoolVar(&archived, "archived", false, t.FlagArchived)
	cmd.Flags().StringVarP(&message, "message", "m", "", a.tr.Actions.FlagMessage)
	return cmd
}
