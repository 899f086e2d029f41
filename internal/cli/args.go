package cli

import (
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jobtui/jobtui/internal/i18n"
)

// The arguments' checks replace cobra's (NoArgs, MinimumNArgs, ExactArgs,
// OnlyValidArgs), whose messages are English and do not say what is
// missing.

// usageErr is a command line that cannot run as given.
func (a *cli) usageErr(msg string) error { return fail(exitCannot, "%s", msg) }

// shortUse is the command's use line without its options, for the
// messages that say what to write.
func shortUse(c *cobra.Command) string { return strings.TrimSuffix(c.UseLine(), " [flags]") }

// noArgs: the root names an unknown command, a subcommand takes nothing.
func (a *cli) noArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	t := &a.tr.Args
	if !c.HasParent() {
		if c.SuggestionsMinimumDistance <= 0 {
			c.SuggestionsMinimumDistance = 2 // cobra's own default
		}
		suggest := ""
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			suggest = i18n.F(t.DidYouMean, "names", strings.Join(s, ", "))
		}
		return a.usageErr(i18n.F(t.UnknownCommand, "arg", args[0], "suggest", suggest))
	}
	return a.usageErr(i18n.F(t.NoArgs, "cmd", strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" "), "arg", args[0]))
}

// needArgs wants at least one argument; need says what to name.
func (a *cli) needArgs(need string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return a.usageErr(i18n.F(need, "usage", shortUse(c)))
		}
		return nil
	}
}

// oneArg wants exactly one argument; need says what to name, valid (when
// given) checks it.
func (a *cli) oneArg(need string, valid func(string) error) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return a.usageErr(i18n.F(need, "usage", shortUse(c), "shell", a.tr.Args.Shell))
		case len(args) > 1:
			extra := args[1:]
			return a.usageErr(a.tr.N(a.tr.Args.Extra, len(extra), "args", strings.Join(extra, " "), "usage", shortUse(c)))
		case valid != nil:
			return valid(args[0])
		}
		return nil
	}
}

// validShell accepts the shells completionCommand writes scripts for.
func (a *cli) validShell(s string) error {
	if !slices.Contains([]string{"bash", "zsh", "fish"}, s) {
		return a.usageErr(i18n.F(a.tr.Args.BadShell, "arg", s))
	}
	return nil
}

// flagError says what is wrong with an option, from pflag's typed errors.
func (a *cli) flagError(c *cobra.Command, err error) error {
	t := &a.tr.Args
	var ne *pflag.NotExistError
	var vr *pflag.ValueRequiredError
	var iv *pflag.InvalidValueError
	var is *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &ne):
		return a.usageErr(i18n.F(t.UnknownOption, "flag", dashed(ne.GetSpecifiedName(), ne.GetSpecifiedShortnames()), "cmd", c.CommandPath()))
	case errors.As(err, &vr):
		return a.usageErr(i18n.F(t.NeedsValue, "flag", dashed(vr.GetSpecifiedName(), vr.GetSpecifiedShortnames())))
	case errors.As(err, &iv):
		return a.usageErr(i18n.F(t.BadValue, "value", iv.GetValue(), "flag", "--"+iv.GetFlag().Name))
	case errors.As(err, &is):
		return a.usageErr(i18n.F(t.BadOption, "flag", is.GetSpecifiedFlag()))
	}
	return a.usageErr(err.Error())
}

// dashed is an option as it was written: -x for a shorthand, else --name.
func dashed(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}
