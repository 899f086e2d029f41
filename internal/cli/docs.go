package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/i18n"
)

// completionCommand prints cobra's completion script for a shell; the
// posting names come from completeKeys and completePending.
func (a *cli) completionCommand() *cobra.Command {
	return &cobra.Command{
		Use:       "completion " + a.tr.Args.Shell,
		Short:     a.tr.CLI.CompShort,
		Long:      a.tr.CLI.CompLong,
		ValidArgs: []string{"bash", "zsh", "fish"},
		Args:      a.oneArg(a.tr.Args.NeedShell, a.validShell),
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(a.stdout, true)
			case "zsh":
				err = root.GenZshCompletion(a.stdout)
			case "fish":
				err = root.GenFishCompletion(a.stdout, true)
			}
			if err != nil {
				return a.cannot(err)
			}
			return nil
		},
	}
}

// ManPage writes the manual page of c into w (manpages.Page: cobra's
// doc.GenMan with jobtui's header). jobtui-app sets it; in jobtui it is nil
// and `jobtui man` is handed over to jobtui-app, as the app is: the
// generator's Markdown reader (blackfriday) costs every program that links
// it about 2 ms of its start.
var ManPage func(c *cobra.Command, source, manual string, date time.Time, w io.Writer) error

// manCommand writes the manual pages, generated from the commands
// themselves so that they never drift from --help.
func (a *cli) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man " + a.tr.Args.Dir,
		Short: a.tr.CLI.ManShort,
		Long:  a.tr.CLI.ManLong,
		Args:  a.oneArg(a.tr.Args.NeedMan, nil),
		RunE: func(cmd *cobra.Command, args []string) error {
			if ManPage == nil {
				return a.handOffTo(a.tr.CLI.ManMissing)
			}
			date, err := manDate()
			if err != nil {
				return fail(exitCannot, "%s", i18n.F(a.tr.CLI.ManBadEpoch, "value", strconv.Quote(os.Getenv("SOURCE_DATE_EPOCH"))))
			}
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return a.cannot(err)
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // pages that do not change from one run to the next
			n, err := a.writeManPages(root, dir, date)
			if err != nil {
				return a.cannot(err)
			}
			fmt.Fprintln(a.stdout, i18n.F(a.tr.CLI.ManWritten, "n", fmt.Sprint(n), "dir", dir))
			return nil
		},
	}
}

// manDate is the date of the manual pages: SOURCE_DATE_EPOCH's when it is
// set (reproducible builds), else now. A value that is not a number of
// seconds is an error, as cobra's doc.GenManTree has it.
func manDate() (time.Time, error) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Now(), nil
	}
	epoch, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(epoch, 0), nil
}

// writeManPages writes the page of c and of each of its commands, as
// cobra's doc.GenManTree names them, dated date, in the user's language
// (localManPage); n is how many.
func (a *cli) writeManPages(c *cobra.Command, dir string, date time.Time) (n int, err error) {
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
			continue
		}
		m, err := a.writeManPages(sub, dir, date)
		if n += m; err != nil {
			return n, err
		}
	}
	var page bytes.Buffer
	if err := ManPage(c, "jobtui "+buildVersion(), a.tr.CLI.ManTitle, date, &page); err != nil {
		return n, err
	}
	name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
	return n + 1, os.WriteFile(filepath.Join(dir, name), a.localManPage(page.Bytes(), date), 0o644)
}

// localManPage puts the words cobra writes in English into the user's
// language: the section headings, the month of the date, and [flags] in
// the synopsis, which --help calls [options].
func (a *cli) localManPage(page []byte, date time.Time) []byte {
	lines := strings.Split(string(page), "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, ".SH "):
			if h, ok := a.tr.CLI.ManSections[strings.TrimPrefix(l, ".SH ")]; ok {
				lines[i] = ".SH " + h
			}
		case strings.HasPrefix(l, ".TH "):
			month := fmt.Sprintf("%s %d", a.tr.CLI.ManMonths[date.Month()-1], date.Year())
			lines[i] = strings.Replace(l, `"`+date.Format("Jan 2006")+`"`, `"`+month+`"`, 1)
		default:
			lines[i] = strings.ReplaceAll(l, " [flags]\\fP", " "+a.tr.Args.Options+"\\fP")
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
