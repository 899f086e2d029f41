package main

import (
	"fmt"
	"os"

	"github.com/jobtui/jobtui/internal/demo"
	"github.com/jobtui/jobtui/internal/i18n"
)

// runTUI opens the terminal app; until it lands, the list is printed.
func (a *app) runTUI(accessible bool) error {
	cat, err := a.loadCatalog()
	if err != nil {
		return err
	}
	printList(a.stdout, a.tr, cat)
	return nil
}

// makeDemo writes a fresh demo site into a new temporary folder and says
// where it is.
func (a *app) makeDemo() (string, error) {
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
