package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// completeKeys offers the postings' names (translationKeys, or file paths
// for keyless ones) with their first title, for archive.
func (a *cli) completeKeys(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	cat, err := a.quietCatalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, g := range cat.Groups {
		id := g.ID()
		if !strings.HasPrefix(id, toComplete) {
			continue
		}
		if p := g.First(cat.Site.Langs[0]); p != nil && p.Title != "" {
			id += "\t" + strings.Join(strings.Fields(model.SafeText(p.Title, false)), " ")
		}
		out = append(out, id)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completePending offers the posting files with uncommitted edits, as
// paths from the current folder, for commit.
func (a *cli) completePending(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	site, err := a.quietSite()
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	r, err := gitops.Open(site.Root)
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	res, err := app.Pending(r, site)
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	wd, _ := os.Getwd()
	var out []string
	for _, f := range res.Files {
		p := f.Posting.Abs
		if rel, err := filepath.Rel(wd, p); err == nil {
			p = rel
		}
		if strings.HasPrefix(p, toComplete) {
			out = append(out, p)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// quietSite and quietCatalog read the site for a completion, where an
// error is no completion rather than a message.
func (a *cli) quietSite() (*model.Site, error) {
	return model.OpenSite(a.siteDir(), model.SiteOptions{Langs: a.langs, Section: a.section})
}

func (a *cli) quietCatalog() (*model.Catalog, error) {
	site, err := a.quietSite()
	if err != nil {
		return nil, err
	}
	return app.Load(site)
}
