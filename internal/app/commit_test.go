package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

func TestPendingAndCommit(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	site := openSite(t, dir)
	if _, err := Commit(r, site, nil, ""); !errors.Is(err, gitops.ErrNothingToCommit) {
		t.Fatalf("clean tree: %v, want ErrNothingToCommit", err)
	}
	writeFile(t, dir, enPath, "---\ntitle: Developer II\narchived: false\ntranslationKey: dev\n---\nBody\n")
	writeFile(t, dir, "content/fr/careers/positions/vieux.md", "---\ntitle: Vieux\narchived: true\ntranslationKey: old\n---\nNouveau corps\n")
	writeFile(t, dir, "README.md", "not a posting\n")
	res, err := Pending(r, site)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || res.Files[0].RepoPath != enPath || strings.Join(res.Files[0].Fields, ",") != "title" {
		t.Fatalf("pending: %+v", res.Files)
	}
	if want := "Update 2 postings: dev, old\n\n- dev: title (en)\n- old: body (fr)\n"; res.Message != want {
		t.Errorf("message %q, want %q", res.Message, want)
	}
	// Only the chosen file, with the default message for it alone.
	c, err := Commit(r, site, []string{enPath}, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject != "Update posting dev: title (en)" {
		t.Errorf("subject %q", c.Subject)
	}
	if got := runGit(t, dir, "show", "--name-only", "--format=", "HEAD"); got != enPath+"\n" {
		t.Errorf("committed %q", got)
	}
	if got := runGit(t, dir, "status", "--porcelain"); got != " M README.md\n M content/fr/careers/positions/vieux.md\n" {
		t.Errorf("status %q", got)
	}
}

func TestSaveGroupEditAndDiff(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	site := openSite(t, dir)
	title := "Développeuse"
	if _, err := SaveGroupEdit(site, "nope", editTitle("fr", &title)); !errors.Is(err, gitops.ErrUnknownPosting) {
		t.Errorf("unknown group: %v", err)
	}
	touched, err := SaveGroupEdit(site, "dev", editTitle("fr", &title))
	if err != nil || len(touched) != 1 || touched[0].Path != frPath {
		t.Fatalf("touched %v, %v", touched, err)
	}
	d, err := Diff(r, []string{site.Abs(enPath), site.Abs(frPath)})
	if err != nil {
		t.Fatal(err)
	}
	if len(d) != 1 || d[0].Path != frPath || len(d[0].Hunks) != 1 {
		t.Fatalf("diff: %+v", d)
	}
	var change []WordChange
	for _, p := range d[0].Hunks[0].Parts {
		if p.Changes != nil {
			change = append(change, p.Changes...)
		}
	}
	want := []WordChange{{Same, "title: '"}, {Removed, "Chef d’équipe"}, {Added, "Développeuse"}, {Same, "'"}}
	if fmt.Sprint(change) != fmt.Sprint(want) {
		t.Errorf("the changed line: %v, want %v", change, want)
	}
}

func editTitle(lang string, title *string) model.GroupEdit {
	return model.GroupEdit{Title: map[string]*string{lang: title}}
}
