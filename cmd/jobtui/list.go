package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

type listFile struct {
	Path     string `json:"path"`
	Title    string `json:"title"`
	Archived bool   `json:"archived"`
	LeverID  string `json:"leverId"`
}

type listRow struct {
	Key      string     `json:"key"`
	EN       []listFile `json:"en"`
	FR       []listFile `json:"fr"`
	Problems []string   `json:"problems"`
}

func (a *app) listCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: a.tr.CLI.ListShort,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.loadCatalog()
			if err != nil {
				return err
			}
			a.addHistoryProblems(cat)
			if asJSON {
				return writeJSON(a.stdout, listRows(cat))
			}
			printList(a.stdout, a.tr, cat)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.tr.CLI.FlagJSON)
	return cmd
}

func listFiles(ps []*model.Posting) []listFile {
	out := []listFile{}
	for _, p := range ps {
		out = append(out, listFile{Path: p.Path, Title: p.Title, Archived: p.Archived, LeverID: p.LeverID})
	}
	return out
}

func problemCodes(ps []model.Problem) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, p := range ps {
		if !seen[p.Code] {
			seen[p.Code] = true
			out = append(out, p.Code)
		}
	}
	sort.Strings(out)
	return out
}

// listRows are the groups, then each unreadable file as a row of its own (so
// that a broken posting is listed as broken, not hidden).
func listRows(cat *model.Catalog) []listRow {
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	rows := []listRow{}
	for _, g := range cat.Groups {
		rows = append(rows, listRow{Key: g.Key, EN: listFiles(g.Files[l0]), FR: listFiles(g.Files[l1]), Problems: problemCodes(cat.GroupProblems(g))})
	}
	for _, p := range cat.Unreadable {
		r := listRow{EN: []listFile{}, FR: []listFile{}, Problems: problemCodes(cat.PathProblems(p.Path))}
		f := listFile{Path: p.Path}
		if p.Lang == l0 {
			r.EN = append(r.EN, f)
		} else {
			r.FR = append(r.FR, f)
		}
		rows = append(rows, r)
	}
	return rows
}

func printList(w io.Writer, tr *i18n.Tr, cat *model.Catalog) {
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", tr.CLI.ColKey, strings.ToUpper(model.LangName(tr, l0)), strings.ToUpper(model.LangName(tr, l1)), tr.CLI.ColProblems)
	cell := func(ps []*model.Posting, i int) (string, string) {
		if i >= len(ps) {
			if i == 0 {
				return "— " + tr.Check.Missing + " —", ""
			}
			return "", ""
		}
		p := ps[i]
		title := model.SafeText(p.Title, false)
		if !p.Readable() {
			title = "⚠ " + tr.CLI.Unreadable
		} else if p.Archived {
			title += " [" + tr.Check.Archived + "]"
		}
		return title, model.SafeText(p.Rel, false)
	}
	row := func(key string, a, b []*model.Posting, probs []model.Problem) {
		n := max(1, len(a), len(b))
		codes := ""
		if errs, warns := model.Summary(probs); errs+warns > 0 {
			codes = markProblems(errs, warns) + " " + strings.Join(problemCodes(probs), ",")
		}
		for i := 0; i < n; i++ {
			ta, pa := cell(a, i)
			tb, pb := cell(b, i)
			k := ""
			c := ""
			if i == 0 {
				k, c = key, codes
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", k, ta, tb, c)
			if pa != "" || pb != "" {
				fmt.Fprintf(tw, "\t  %s\t  %s\t\n", pa, pb)
			}
		}
	}
	for _, g := range cat.Groups {
		key := model.SafeText(g.Key, false)
		if key == "" {
			key = tr.CLI.NoKey
		}
		row(key, g.Files[l0], g.Files[l1], cat.GroupProblems(g))
	}
	for _, p := range cat.Unreadable {
		var a, b []*model.Posting
		if p.Lang == l0 {
			a = []*model.Posting{p}
		} else {
			b = []*model.Posting{p}
		}
		row(tr.CLI.NoKey, a, b, cat.PathProblems(p.Path))
	}
	tw.Flush()
	fmt.Fprintln(w, i18n.F(tr.CLI.Groups, "n", fmt.Sprint(len(cat.Groups))))
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
