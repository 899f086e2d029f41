package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// version is set at build time with
// -ldflags "-X github.com/jobtui/jobtui/internal/cli.version=...".
var version = ""

// Exit codes of the headless commands.
const (
	exitOK       = 0
	exitProblems = 1 // the check found errors, or the action was refused
	exitCannot   = 2 // the command could not run
)

// exitError carries an exit code and an already translated message.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func fail(code int, format string, args ...any) error {
	return &exitError{code: code, msg: fmt.Sprintf(format, args...)}
}

// cli holds the global flags and what every command shares.
type cli struct {
	tr      *i18n.Tr
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	repo    string
	lang    string
	langs   []string
	section string
	publish string
	user    *config.User // the user's settings file
	args    []string     // the command line, for the hand-over to jobtui-app
}

// langFromArgs finds --lang before cobra parses, so that help texts are
// already in the right language.
func langFromArgs(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// Run runs the command line args (without the program's name) and returns
// the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flagLang := langFromArgs(args)
	// The user's settings: their language comes after --lang and before
	// the environment's; a bad value stops every command, named.
	user, uerr := config.LoadUser()
	if flagLang == "" && user != nil {
		flagLang = user.Lang
	}
	a := &cli{tr: i18n.For(i18n.Detect(flagLang)), stdin: stdin, stdout: stdout, stderr: stderr, user: user, args: args}
	if uerr != nil {
		var ce *config.Error
		if errors.As(uerr, &ce) {
			fmt.Fprintln(stderr, "jobtui: "+i18n.ConfigErrorText(a.tr, ce))
		} else {
			fmt.Fprintln(stderr, "jobtui: "+uerr.Error())
		}
		return exitCannot
	}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "jobtui: "+ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "jobtui: "+i18n.ErrorText(a.tr, err))
	return exitCannot
}

func (a *cli) rootCommand() *cobra.Command {
	t := &a.tr.CLI
	var demo, accessible bool
	root := &cobra.Command{
		Use:           "jobtui",
		Short:         t.Short,
		Long:          t.Long,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          a.noArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if a.lang != "" {
				if _, ok := i18n.Parse(a.lang); !ok {
					return fail(exitCannot, "%s", i18n.F(t.BadLang, "lang", a.lang))
				}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if App == nil && a.onTerminal() {
				return a.handOff()
			}
			if demo {
				dir, err := a.makeDemo()
				if err != nil {
					return err
				}
				a.repo = dir
			}
			return a.runTUI(accessible || os.Getenv("ACCESSIBLE") != "")
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.repo, "repo", "", t.FlagRepo)
	pf.StringVar(&a.lang, "lang", "", t.FlagLang)
	pf.StringSliceVar(&a.langs, "langs", nil, t.FlagLangs)
	pf.StringVar(&a.section, "section", model.DefaultSection, t.FlagSection)
	pf.StringVar(&a.publish, "publish", "", a.tr.Publish.FlagPublish)
	root.Flags().BoolVar(&demo, "demo", false, t.FlagDemo)
	root.Flags().BoolVar(&accessible, "accessible", false, t.FlagAccessible)
	// Every subcommand (cobra sorts them for the help).
	root.AddCommand(
		a.checkCommand(),
		a.listCommand(),
		a.archiveCommand(),
		a.commitCommand(),
		a.pushCommand(),
		a.pullCommand(),
		a.proposeCommand(),
		a.proposalsCommand(),
		a.withdrawCommand(),
		a.deleteCommand(),
		a.reviewCommand(),
		a.demoCommand(),
		a.versionCommand(),
		a.completionCommand(),
		a.manCommand(),
	)
	a.localizeHelp(root)
	return root
}

// openSite finds and reads the site named by --repo.
// A bad value in the team's settings of its repository stops every
// command, as one in the user's own settings does: nothing runs on
// settings the team did not mean.
func (a *cli) openSite() (*model.Site, error) {
	site, err := model.OpenSite(a.siteDir(), model.SiteOptions{Langs: a.langs, Section: a.section})
	if err != nil {
		return nil, a.cannot(err)
	}
	if root := gitops.WorkTreeRoot(site.Root); root != "" {
		if _, err := config.LoadTeam(root); err != nil {
			return nil, a.configError(err)
		}
	}
	return site, nil
}

// siteDir is --repo, else the site of the user's settings, else here.
func (a *cli) siteDir() string {
	switch {
	case a.repo != "":
		return a.repo
	case a.user != nil && a.user.Site != "":
		if rest, ok := strings.CutPrefix(a.user.Site, "~/"); ok {
			if home, err := os.UserHomeDir(); err == nil {
				return filepath.Join(home, rest)
			}
		}
		return a.user.Site
	}
	return "."
}

// cannot is the error of a command that could not run, said in the
// user's language.
func (a *cli) cannot(err error) error {
	return fail(exitCannot, "%s", i18n.ErrorText(a.tr, err))
}

// loadCatalog opens the site and reads, links and checks its postings,
// with the checks that need git history when the site is in a repository
// (outside one they are silently absent; a history that cannot be read is
// said on stderr).
func (a *cli) loadCatalog() (*model.Catalog, error) {
	site, err := a.openSite()
	if err != nil {
		return nil, err
	}
	cat, err := app.Check(a.historyRepo(site), site)
	if err = a.historyUnread(err); err != nil {
		return nil, a.cannot(err)
	}
	return cat, nil
}

func (a *cli) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: a.tr.CLI.VersionShort,
		Args:  a.noArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(a.stdout, "jobtui "+buildVersion())
		},
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "dev-" + s.Value[:12]
			}
		}
	}
	return "dev"
}
