package ui

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// store holds what the views show: the catalog read from disk, each file's
// git state, and the fingerprint the file watcher compares. It reads in
// the background and changes only on its own messages.
type store struct {
	site   *model.Site
	repo   *gitops.Repo
	cat    *model.Catalog
	states map[string]gitops.FileState
	print  string
	loaded bool
	// catPrint is the files' fingerprint taken just before cat was read:
	// while the files still give it, cat is what reading them would give.
	catPrint string
}

// Load reads, links and checks the postings in the background. Values are
// copied before the closure runs.
func (s *store) Load(note string) tea.Cmd {
	// The last git states known mark the rows until the new ones come (a
	// map never changed in place, so safe to read there).
	site, states := s.site, s.states
	return func() tea.Msg {
		before := fingerprint(site)
		cat, err := app.Load(site)
		if err != nil {
			return catalogMsg{err: err}
		}
		return catalogMsg{cat: cat, rows: buildRows(cat, states), note: note, readPrint: before}
	}
}

// details completes a loaded catalog with what git knows: each file's
// state and the history problems (stale translations), on a copy of the
// catalog so that the list keeps reading the one it has meanwhile.
func (s *store) details(base *model.Catalog) tea.Cmd {
	site, repo := s.site, s.repo
	return func() tea.Msg {
		cat := base
		states := map[string]gitops.FileState{}
		if repo != nil {
			cat = app.WithHistory(repo, base)
			if st, err := gitops.PostingStates(repo, cat.Postings); err == nil {
				states = st
			}
		}
		return catalogMsg{cat: cat, rows: buildRows(cat, states), states: states, print: fingerprint(site), details: true, base: base}
	}
}

// Update takes a loaded catalog. It reports whether the rows changed, and
// asks for the git details after a first read.
func (s *store) Update(msg catalogMsg) (changed bool, cmd tea.Cmd) {
	if msg.details && msg.base != s.cat {
		return false, nil // details of a catalog replaced since
	}
	s.cat, s.loaded = msg.cat, true
	if !msg.details {
		s.catPrint = msg.readPrint // details keep the postings of their base
	}
	if msg.details {
		s.states, s.print = msg.states, msg.print
		return true, nil
	}
	return true, s.details(s.cat)
}

// Current is the catalog shown and the fingerprint of the files it was
// read from.
func (s *store) Current() (*model.Catalog, string) { return s.cat, s.catPrint }

// Changed tells a file watcher's fingerprint that differs from the last
// details read.
func (s *store) Changed(print string) bool { return s.loaded && s.print != "" && print != s.print }

// Unsaved counts the posting files git sees as changed.
func (s *store) Unsaved() int {
	n := 0
	for _, st := range s.states {
		if st != gitops.StateUnchanged {
			n++
		}
	}
	return n
}

// fingerprint sums up the posting files' names, sizes and times, so that a
// change on disk (an editor, git checkout) is noticed without reading them.
func fingerprint(site *model.Site) string {
	var b strings.Builder
	for _, l := range site.Langs {
		dir := site.Abs(site.SectionDir(l))
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}

// watchCmd looks at the files every two seconds.
func watchCmd(site *model.Site) tea.Cmd {
	return tea.Tick(2*time.Second, func(time.Time) tea.Msg { return watchMsg{print: fingerprint(site)} })
}
