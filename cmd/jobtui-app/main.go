// Command jobtui-app is jobtui with its terminal app: every command of
// jobtui, and the app, which jobtui hands over to it. It links the Markdown
// renderer (glamour, chroma) and the manual pages' generator, whose package
// initialisation jobtui's headless commands do without.
package main

import (
	"os"

	"github.com/jobtui/jobtui/internal/cli"
	"github.com/jobtui/jobtui/internal/cli/manpages"
	"github.com/jobtui/jobtui/internal/ui"
)

func main() {
	cli.App = func(o cli.AppOptions) error { return ui.Run(ui.Options(o)) }
	cli.ManPage = manpages.Page
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
