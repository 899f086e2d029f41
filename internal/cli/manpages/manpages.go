// Package manpages writes jobtui's manual pages with cobra's generator,
// whose Markdown reader (blackfriday, through go-md2man) builds its tables
// when a program starts: jobtui-app links it and sets cli.ManPage; jobtui
// hands `jobtui man` over to jobtui-app, so that its other commands start
// without that initialisation.
package manpages

import (
	"io"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Page writes the manual page of c into w: source is the page's footer
// (the program and its version), manual the title of the manual, date
// the page's date.
func Page(c *cobra.Command, source, manual string, date time.Time, w io.Writer) error {
	header := &doc.GenManHeader{Title: "JOBTUI", Section: "1", Source: source, Manual: manual, Date: &date}
	return doc.GenMan(c, header, w)
}
