package ui

import (
	"io/fs"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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
	unread bool // the first reading failed: nothing to show, the footer says why
	// detailed: print is known, from the details of a load ("" is the
	// fingerprint of sections without any file).
	detailed bool
	// catPrint is the files' fingerprint taken just before cat was read:
	// while the files still give it, cat is what reading them would give.
	catPrint string
	// changedWhileRead: a file changed while cat was first read, so that
	// no fingerprint is cat's; the watcher reads the files again.
	changedWhileRead bool
	// checkLaterFrom is the number of postings from which the first list
	// shows before their problems are found (below, checking costs a few
	// milliseconds: the list comes checked, as every later load does).
	checkLaterFrom int
}

// checkLaterFrom: at 1,000 postings the checks take some 10 ms of one
// core; at 10,000 a tenth of the first frame.
const checkLaterFrom = 1000

// Load reads, links and checks the postings in the background. Values are
// copied before the closure runs. The first time, on a big site, the list
// shows as soon as the postings are read and linked: the problems follow
// (check), then the git details. Later loads come checked, so that the
// problems shown do not blink out and back.
func (s *store) Load(note string) tea.Cmd {
	// The last git states known mark the rows until the new ones come (a
	// map never changed in place, so safe to read there).
	site, states, first, later := s.site, s.states, s.cat == nil, s.checkLaterFrom
	if !first {
		return func() tea.Msg {
			before := fingerprint(site)
			cat, err := app.Load(site)
			if err != nil {
				return catalogMsg{err: err}
			}
			return catalogMsg{cat: cat, rows: buildRows(cat, states), note: note, readPrint: before}
		}
	}
	return func() tea.Msg {
		// The first time, the fingerprint is taken after the reading
		// (printOfRead), not before: the list shows sooner.
		cat, err := model.LoadLinked(site)
		if err != nil {
			return catalogMsg{err: err}
		}
		if len(cat.Postings) >= later {
			return catalogMsg{cat: cat, rows: buildRows(cat, states), note: note, unchecked: true}
		}
		cat = cat.Checked()
		print, changed := asRead(site, cat)
		return catalogMsg{cat: cat, rows: buildRows(cat, states), note: note, readPrint: print, changedWhileRead: changed}
	}
}

// check finds the problems of a catalog shown unchecked, on a copy.
func (s *store) check(base *model.Catalog) tea.Cmd {
	site, states := s.site, s.states
	return func() tea.Msg {
		cat := base.Checked()
		print, changed := asRead(site, base)
		return catalogMsg{cat: cat, rows: buildRows(cat, states), checked: true, base: base, readPrint: print, changedWhileRead: changed}
	}
}

// asRead is printOfRead, and whether a file changed while cat read it:
// the fingerprint the details take later would hold that change, and the
// watcher would never read it. ("" is also the fingerprint of sections
// without any file.)
func asRead(site *model.Site, cat *model.Catalog) (print string, changed bool) {
	print = printOfRead(site, cat)
	return print, print == "" && (len(cat.Postings) > 0 || fingerprint(site) != "")
}

// printOfRead is the fingerprint of the files as cat read them, taken
// after the reading: "" unless every posting file is still the one read
// (same name, size and time, none added or removed). A file changed after
// the fingerprint changes the fingerprint; one changed before it, and
// after its reading, has another size or time than cat read.
func printOfRead(site *model.Site, cat *model.Catalog) string {
	print, stamps := fingerprintStamps(site, true) // before listing the files again: one added meanwhile shows there
	files, err := model.PostingFiles(site)
	if err != nil || len(files) != len(cat.Postings) {
		return ""
	}
	read := make(map[string]*model.Posting, len(cat.Postings))
	for _, p := range cat.Postings {
		read[p.Abs] = p
	}
	for _, f := range files {
		p, st, ok := read[f.Abs], fileStamp{}, false
		if p != nil {
			st, ok = stamps[f.Abs]
		}
		if !ok || st.size != p.Size || st.mtime != p.ModTime.UnixNano() {
			return ""
		}
	}
	return print
}

// details completes a loaded catalog with what git knows: each file's
// state and the history problems (stale translations), on a copy of the
// catalog so that the list keeps reading the one it has meanwhile.
func (s *store) details(base *model.Catalog) tea.Cmd {
	// The watcher compares with the files as cat read them (one changed
	// between that reading and these details is then noticed); walked
	// afresh only when that fingerprint is not known.
	site, repo, print := s.site, s.repo, s.catPrint
	return func() tea.Msg {
		if print == "" {
			print = fingerprint(site)
		}
		cat := base
		states := map[string]gitops.FileState{}
		var historyErr error
		if repo != nil {
			cat, historyErr = app.WithHistory(repo, base)
			// States git could not tell stay unknown (nil): a quit then
			// looks again, and asks if it cannot tell either.
			states, _ = gitops.PostingStates(repo, cat.Postings)
		}
		return catalogMsg{cat: cat, rows: buildRows(cat, states), states: states, print: print, details: true, base: base, historyErr: historyErr}
	}
}

// Update takes a loaded catalog. It reports whether the rows changed, and
// asks for the git details after a first read.
func (s *store) Update(msg catalogMsg) (changed bool, cmd tea.Cmd) {
	if (msg.details || msg.checked) && msg.base != s.cat {
		return false, nil // details or problems of a catalog replaced since
	}
	s.cat, s.loaded = msg.cat, true
	switch {
	case msg.details:
		s.states, s.print, s.detailed = msg.states, msg.print, true
		return true, nil
	case msg.unchecked:
		s.catPrint = "" // until the check tells whether the files are still those read
		return true, s.check(s.cat)
	}
	s.catPrint = msg.readPrint // details keep the postings of their base
	s.changedWhileRead = msg.changedWhileRead
	return true, s.details(s.cat)
}

// Current is the catalog shown and the fingerprint of the files it was
// read from.
func (s *store) Current() (*model.Catalog, string) { return s.cat, s.catPrint }

// Changed tells a file watcher's fingerprint that differs from the last
// details read, or that the files changed while the catalog shown was read.
func (s *store) Changed(print string) bool {
	return s.detailed && (print != s.print || s.changedWhileRead)
}

// StatesKnown tells that the git states of the postings were read:
// before, Unsaved counts none.
func (s *store) StatesKnown() bool { return s.states != nil }

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
	print, _ := fingerprintStamps(site, false)
	return print
}

// fileStamp is what the fingerprint tells of a file.
type fileStamp struct{ size, mtime int64 }

// fingerprintStamps is the fingerprint and, when asked, the stamp of each
// file by path. Each language's folder is walked on a core of its own (a
// stat a file: a sixth of the first frame at 10,000 postings when walked
// one after the other).
func fingerprintStamps(site *model.Site, withStamps bool) (string, map[string]fileStamp) {
	parts := make([]string, len(site.Langs))
	stamps := make([]map[string]fileStamp, len(site.Langs))
	var wg sync.WaitGroup
	for i, l := range site.Langs {
		if withStamps {
			stamps[i] = map[string]fileStamp{}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = fingerprintDir(site.Abs(site.SectionDir(l)), stamps[i])
		}()
	}
	wg.Wait()
	var all map[string]fileStamp
	if withStamps {
		all = stamps[0]
		for _, m := range stamps[1:] {
			maps.Copy(all, m)
		}
	}
	return strings.Join(parts, ""), all
}

// fingerprintDir is the name, size and time of every file under dir, each
// also put in stamps unless it is nil.
func fingerprintDir(dir string, stamps map[string]fileStamp) string {
	var b []byte
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			st := fileStamp{info.Size(), info.ModTime().UnixNano()}
			b = append(append(b, p...), ' ')
			b = append(strconv.AppendInt(b, st.size, 10), ' ')
			b = append(strconv.AppendInt(b, st.mtime, 10), '\n')
			if stamps != nil {
				stamps[p] = st
			}
		}
		return nil
	})
	return string(b)
}

// watchCmd looks at the files every two seconds.
func watchCmd(site *model.Site) tea.Cmd {
	return tea.Tick(2*time.Second, func(time.Time) tea.Msg { return watchMsg{print: fingerprint(site)} })
}
