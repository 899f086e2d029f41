package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui"
)

// runTUI opens the terminal app. Without a terminal (a pipe, a script) it
// prints the list instead.
func (a *cli) runTUI(accessible bool) error {
	site, err := a.openSite()
	if err != nil {
		return err
	}
	if f, ok := a.stdout.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
		cat, err := app.Load(site)
		if err != nil {
			return fail(exitCannot, "%v", err)
		}
		printList(a.stdout, a.tr, site.Langs, app.Rows(cat, nil))
		return nil
	}
	err = ui.Run(ui.Options{Site: site, Lang: a.tr.Lang, Accessible: accessible,
		NoColor: os.Getenv("NO_COLOR") != "", Fetch: a.user == nil || a.user.Fetch})
	if err != nil {
		return fail(exitCannot, "%v", err)
	}
	return nil
}

// makeDemo writes a fresh demo site into a new temporary folder and says
// where it is.
func (a *cli) makeDemo() (string, error) {
	dir, err := os.MkdirTemp("", "jobtui-demo-")
	if err != nil {
		return "", fail(exitCannot, "%v", err)
	}
	if err := demo.Write(dir); err != nil {
		return "", fail(exitCannot, "%v", err)
	}
	fmt.Fprintln(a.stderr, i18n.F(a.tr.CLI.DemoOpened, "dir", dir))
	return dir, nil
}
