package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// AppOptions is what the terminal app is opened with (the fields of
// ui.Options, which this package does not import: see App).
type AppOptions struct {
	Site       *model.Site
	Lang       i18n.Lang
	Accessible bool
	NoColor    bool
	Fetch      bool // fetch the remote in the background at the start
	// Publish overrides the team's way of publishing (.jobtui.yaml's
	// publish) for this session: "direct" or "pull-request"; "" keeps it.
	Publish string
}

// App opens the terminal app. The jobtui-app program sets it. In jobtui it
// is nil: jobtui links no terminal interface, so that its commands start
// without the Markdown renderer's package initialisation (about two thirds
// of a command's start), and hands the app over to jobtui-app (handoff.go).
var App func(AppOptions) error

// onTerminal reports whether the output is a terminal.
func (a *cli) onTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runTUI opens the terminal app. Without a terminal (a pipe, a script) it
// prints the list instead.
func (a *cli) runTUI(accessible bool) error {
	site, err := a.openSite()
	if err != nil {
		return err
	}
	if err := config.CheckPublish(a.publish); err != nil {
		return a.configError(err)
	}
	if !a.onTerminal() || App == nil {
		cat, err := app.Load(site)
		if err != nil {
			return a.cannot(err)
		}
		printList(a.stdout, a.tr, site.Langs, app.Rows(cat, nil), a.termWidth())
		return nil
	}
	err = App(AppOptions{Site: site, Lang: a.tr.Lang, Accessible: accessible,
		NoColor: os.Getenv("NO_COLOR") != "", Fetch: a.user == nil || a.user.Fetch, Publish: a.publish})
	var stopped interface{ ExitCode() int } // ui.StoppedError: a signal, said in the user's language
	if errors.As(err, &stopped) {
		return fail(stopped.ExitCode(), "%s", err.Error())
	}
	if err != nil {
		return a.cannot(err)
	}
	return nil
}

// makeDemo writes a fresh demo site into a new temporary folder and says
// where it is.
func (a *cli) makeDemo() (string, error) {
	dir, err := os.MkdirTemp("", "jobtui-demo-")
	if err != nil {
		return "", a.cannot(err)
	}
	if err := demo.Write(dir); err != nil {
		return "", a.cannot(err)
	}
	fmt.Fprintln(a.stderr, i18n.F(a.tr.CLI.DemoOpened, "dir", dir))
	return dir, nil
}
