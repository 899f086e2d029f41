package cli

import (
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jobtui/jobtui/internal/i18n"
)

// localizeHelp puts cobra's help and usage texts in the interface language:
// the usage is a template of our own (cobra's names [flags] and writes
// (default "…") in English), as are the messages about options.
func (a *cli) localizeHelp(root *cobra.Command) {
	t := &a.tr.CLI
	// Parsed when a usage is shown, not by every command that shows none.
	tmpl := sync.OnceValue(func() *template.Template {
		return template.Must(template.New("usage").Funcs(template.FuncMap{
			"useLine":    a.useLine,
			"flagUsages": a.flagUsages,
			"rpad":       func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) },
		}).Parse(a.usageTemplate()))
	})
	root.SetUsageFunc(func(c *cobra.Command) error { return tmpl().Execute(c.OutOrStderr(), c) })
	root.SetFlagErrorFunc(a.flagError)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: t.HelpShort,
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil || (cmd == c.Root() && len(args) > 0) {
				// help bogus: the root says it knows no such command.
				return a.noArgs(c.Root(), args)
			}
			return cmd.Help()
		},
	})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = i18n.F(t.HelpFlag, "cmd", c.Name())
		}
		c.Flags().SortFlags = false
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	// completionCommand replaces cobra's own, whose help is English only.
	root.CompletionOptions.DisableDefaultCmd = true
}

func (a *cli) usageTemplate() string {
	t, g := &a.tr.CLI, &a.tr.Args
	return t.HelpUsage + `{{if .Runnable}}
  {{useLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} ` + g.Command + `{{end}}{{if .HasExample}}

{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + t.HelpCommands + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + t.HelpFlags + `
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + t.HelpGlobal + `
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

` + i18n.F(t.HelpMore, "cmd", "{{.CommandPath}}") + `{{end}}
`
}

// useLine is cobra's use line with [options] in the user's language.
func (a *cli) useLine(c *cobra.Command) string {
	line := strings.TrimSuffix(c.UseLine(), " [flags]")
	if c.HasAvailableFlags() {
		line += " " + a.tr.Args.Options
	}
	return line
}

// flagUsages lists the options of fs as pflag does, with the words in the
// user's language: the type of the value and the default.
func (a *cli) flagUsages(fs *pflag.FlagSet) string {
	var lefts, usages []string
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + a.typeName(name)
		}
		if d := a.defaultText(f); d != "" {
			usage += " " + d
		}
		lefts, usages = append(lefts, left), append(usages, usage)
		width = max(width, utf8.RuneCountInString(left))
	})
	var b strings.Builder
	for i, left := range lefts {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(left)+3)
		b.WriteString(strings.TrimRight(left+pad+usages[i], " ") + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (a *cli) typeName(name string) string {
	switch name {
	case "string":
		return a.tr.Args.TypeString
	case "strings":
		return a.tr.Args.TypeStrings
	}
	return name
}

// defaultText is "(default …)" for an option whose default is not its
// type's zero value, as pflag writes it.
func (a *cli) defaultText(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "[]", "0":
		return ""
	}
	v := f.DefValue
	if f.Value.Type() == "string" {
		v = strconv.Quote(v)
		if a.tr.Lang == i18n.FR {
			v = "« " + f.DefValue + " »"
		}
	}
	return i18n.F(a.tr.Args.Default, "value", v)
}
