package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// listFile and listRow are the JSON of `jobtui list --json`.
type listFile struct {
	Path     string `json:"path"`
	Title    string `json:"title"`
	Archived bool   `json:"archived"`
	LeverID  string `json:"leverId"`
}

// listRow lists a row's files under the codes of the two languages edited
// (--langs): {"key", "en": [...], "fr": [...], "problems"} for en,fr.
type listRow struct {
	Key      string
	HugoKey  string // the translation key Hugo pairs the files by; "" for an unreadable file
	Langs    [2]string
	Files    [2][]listFile
	Problems []string
}

func (r listRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	field := func(name string, v any) error {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		data, err := json.Marshal(v)
		b.Write(data)
		return err
	}
	if err := field("key", r.Key); err != nil {
		return nil, err
	}
	if err := field("hugoKey", r.HugoKey); err != nil {
		return nil, err
	}
	for i, l := range r.Langs {
		if err := field(l, r.Files[i]); err != nil {
			return nil, err
		}
	}
	if err := field("problems", r.Problems); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func (a *cli) listCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.tr.CLI.ListShort,
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			shortLived()
			cat, err := a.loadCatalog()
			if err != nil {
				return err
			}
			rows := app.Rows(cat, nil)
			if asJSON {
				return writeJSON(a.stdout, jsonRows(cat.Site.Langs, rows))
			}
			printList(a.stdout, a.tr, cat.Site.Langs, rows, a.termWidth())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.tr.CLI.FlagJSON)
	return cmd
}

func jsonRows(langs []string, rows []app.Row) []listRow {
	out := make([]listRow, 0, len(rows))
	files := func(ps []*model.Posting) []listFile {
		fs := []listFile{}
		for _, p := range ps {
			fs = append(fs, listFile{Path: p.Path, Title: p.Title, Archived: p.Archived, LeverID: p.LeverID})
		}
		return fs
	}
	for _, r := range rows {
		row := listRow{Key: r.Key, Langs: [2]string{langs[0], langs[1]}, Files: [2][]listFile{files(r.Left), files(r.Right)}, Problems: r.Codes}
		if r.Group != nil {
			row.HugoKey = r.Group.PairKey
		}
		out = append(out, row)
	}
	return out
}

// printList prints the rows as a table: a line per file pair, the file
// paths under the titles. On a terminal (width > 0) the cells are
// shortened to fit its width; to a pipe or a file they are whole.
func printList(out io.Writer, tr *i18n.Tr, langs []string, rows []app.Row, width int) {
	w := bufio.NewWriterSize(out, reportBuffer) // the table's cells were written one by one
	defer w.Flush()
	text := func(s string) tableCell { return tableCell{text: s} }
	path := func(s string) tableCell { return tableCell{text: s, path: true} }
	lines := [][]tableCell{{text(tr.CLI.ColKey), text(strings.ToUpper(i18n.LangName(tr, langs[0]))), text(strings.ToUpper(i18n.LangName(tr, langs[1]))), text(tr.CLI.ColProblems)}}
	groups, loose := 0, 0
	for _, r := range rows {
		if r.Group != nil {
			groups++
		} else {
			loose++
		}
		key := model.SafeText(r.Key, false)
		if key == "" {
			key = tr.CLI.NoKey
		}
		codes := ""
		if r.Errors+r.Warnings > 0 {
			codes = markProblems(r.Errors, r.Warnings) + " " + problemNames(tr, r.Codes)
		}
		for i := range max(1, len(r.Left), len(r.Right)) {
			ta, pa := listCell(tr, r.Left, i)
			tb, pb := listCell(tr, r.Right, i)
			k, c := "", ""
			if i == 0 {
				k, c = key, codes
			}
			lines = append(lines, []tableCell{path(k), text(ta), text(tb), text(c)})
			if pa != "" || pb != "" {
				lines = append(lines, []tableCell{text(""), path("  " + pa), path("  " + pb), text("")})
			}
		}
	}
	const gap = 2
	fitTable(lines, width, gap, 10, 16, 16, 10) // a title keeps room for its [archived] mark
	tw := tabwriter.NewWriter(&trimRight{w: w}, 0, 0, gap, ' ', 0)
	for _, l := range lines {
		cells := make([]string, len(l))
		for i, c := range l {
			cells[i] = c.text
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	total := tr.N(tr.CLI.Groups, groups)
	if loose > 0 { // every row is counted: a posting no group holds is one
		total += ", " + tr.N(tr.CLI.UnreadableRows, loose)
	}
	fmt.Fprintln(w, total)
}

// listCell is the title and path of a row's i-th file in one language.
func listCell(tr *i18n.Tr, ps []*model.Posting, i int) (title, path string) {
	if i >= len(ps) {
		if i == 0 {
			return "— " + tr.Check.Missing + " —", ""
		}
		return "", ""
	}
	p := ps[i]
	title = model.SafeText(p.Title, false)
	if !p.Readable() {
		title = "⚠ " + tr.CLI.Unreadable
	} else if p.Archived {
		title += " [" + tr.Check.Archived + "]"
	}
	return title, model.SafeText(p.Rel, false)
}

// problemNames are the codes' names in tr's language, in the order of
// the alphabet, comma-joined.
func problemNames(tr *i18n.Tr, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = i18n.ProblemName(tr, c)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

func markProblems(errs, warns int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, fmt.Sprintf("✗%d", errs))
	}
	if warns > 0 {
		parts = append(parts, fmt.Sprintf("⚠%d", warns))
	}
	return strings.Join(parts, " ")
}

// trimRight writes lines without the spaces at their end: tabwriter pads
// a cell before an empty last one (a row without problems), and a piped
// list had lines of 430 characters, most of them spaces.
type trimRight struct {
	w    io.Writer
	line []byte
}

func (t *trimRight) Write(p []byte) (int, error) {
	for _, b := range p {
		if b != '\n' {
			t.line = append(t.line, b)
			continue
		}
		t.line = append(bytes.TrimRight(t.line, " "), '\n')
		if _, err := t.w.Write(t.line); err != nil {
			return 0, err
		}
		t.line = t.line[:0]
	}
	return len(p), nil
}
