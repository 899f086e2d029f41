// Command jobtui edits the bilingual job postings of a Hugo site: the
// headless commands, and the terminal app, which it hands over to
// jobtui-app (installed beside it) so that the commands start fast.
package main

import (
	"os"

	"github.com/jobtui/jobtui/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
