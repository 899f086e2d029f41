package app

import (
	"sort"
	"time"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// RowState is whether a row's postings are open, archived or both.
type RowState int

const (
	RowOpen RowState = iota
	RowArchived
	RowMixed // some files archived, some open: a problem of its own
)

// GitMark sums up the git state of a row's files.
type GitMark string

const (
	GitClean    GitMark = ""
	GitModified GitMark = "M" // a file edited, staged or deleted
	GitNew      GitMark = "N" // a file git does not know yet
)

// Row is one line of the list of postings: a group (a posting and its
// translations), or a file that belongs to none because its front matter
// cannot be read. The list of the app and `jobtui list` (text and JSON) are
// built from the same rows.
type Row struct {
	ID     string         // the group's ID, or the unreadable file's path in the section
	Key    string         // the translationKey; "" when there is none
	Group  *model.Group   // nil for an unreadable file
	Broken *model.Posting // the unreadable file, when Group is nil
	Left   []*model.Posting
	Right  []*model.Posting // the files in the site's first and second language

	Problems []model.Problem
	Errors   int
	Warnings int
	Worst    string   // the code of the first error, else of the first warning
	Codes    []string // the problems' codes, sorted, once each

	State   RowState
	Git     GitMark
	Changed time.Time // the latest modification time of its files
}

// Files are the row's files, first language first.
func (r *Row) Files() []*model.Posting {
	return append(append([]*model.Posting{}, r.Left...), r.Right...)
}

// Rows are the catalog's groups in order, then each unreadable file as a
// row of its own (so that a broken posting is listed as broken, not
// hidden). states, the git state of files by site path, may be nil.
func Rows(cat *model.Catalog, states map[string]gitops.FileState) []Row {
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	rows := make([]Row, 0, len(cat.Groups)+len(cat.Unreadable))
	for _, g := range cat.Groups {
		r := Row{ID: g.ID(), Key: g.Key, Group: g, Left: g.Files[l0], Right: g.Files[l1]}
		r.fill(cat.GroupProblems(g), states)
		rows = append(rows, r)
	}
	for _, p := range cat.Unreadable {
		r := Row{ID: p.Rel, Broken: p}
		if p.Lang == l0 {
			r.Left = []*model.Posting{p}
		} else {
			r.Right = []*model.Posting{p}
		}
		r.fill(cat.PathProblems(p.Path), states)
		rows = append(rows, r)
	}
	return rows
}

func (r *Row) fill(probs []model.Problem, states map[string]gitops.FileState) {
	r.Problems = probs
	seen := map[string]bool{}
	r.Codes = []string{}
	for _, pr := range probs {
		if pr.Severity == model.SeverityError {
			r.Errors++
			if r.Worst == "" || r.Errors == 1 {
				r.Worst = pr.Code
			}
		} else {
			r.Warnings++
			if r.Errors == 0 && r.Worst == "" {
				r.Worst = pr.Code
			}
		}
		if !seen[pr.Code] {
			seen[pr.Code] = true
			r.Codes = append(r.Codes, pr.Code)
		}
	}
	sort.Strings(r.Codes)
	arch, open := false, false
	for _, p := range r.Files() {
		if p.ModTime.After(r.Changed) {
			r.Changed = p.ModTime
		}
		switch states[p.Path] {
		case gitops.StateUntracked:
			r.Git = GitNew
		case gitops.StateModified, gitops.StateStaged, gitops.StateDeleted:
			if r.Git == GitClean {
				r.Git = GitModified
			}
		}
		if !p.Readable() {
			continue
		}
		if p.Archived {
			arch = true
		} else {
			open = true
		}
	}
	switch {
	case arch && open:
		r.State = RowMixed
	case arch:
		r.State = RowArchived
	}
}
