package app

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// ArchiveOptions tune Archive.
type ArchiveOptions struct {
	Unarchive   bool   // set archived: false instead of true
	NoCommit    bool   // edit the files, commit nothing
	WithChanges bool   // accept files that already have uncommitted edits
	Message     string // the commit message; default: built from the postings
	// Undoes is the commit this archive takes back (an undo's inverse
	// commit): the message's body says so, as git revert's does.
	Undoes *gitops.CommitResult
}

// ArchiveResult tells what Archive did.
type ArchiveResult struct {
	Unarchive bool // the action was an unarchive
	Groups    []*model.Group
	Changed   []*model.Posting     // the files whose archived line changed
	Commit    *gitops.CommitResult // nil when nothing was committed
	// Before is each changed file's bytes before Archive wrote it, by
	// repository path: what UndoArchive puts back.
	Before map[string][]byte
}

// Unchanged reports that every group already was in the requested state.
func (a *ArchiveResult) Unchanged() bool { return len(a.Changed) == 0 }

// ResolveGroups finds the groups named by ids (translationKeys or file
// paths); an unknown one is an error with the closest names, a file whose
// front matter cannot be read a *model.UnreadableError.
func ResolveGroups(cat *model.Catalog, ids []string) ([]*model.Group, error) {
	var out []*model.Group
	seen := map[*model.Group]bool{}
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			// An empty name (a shell variable left unset) names nothing,
			// and is shown quoted so that the message says so.
			return nil, &gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{strconv.Quote(id)}}
		}
		gs := cat.Find(id)
		if len(gs) == 0 {
			if p := cat.FindUnreadable(id); p != nil {
				return nil, &model.UnreadableError{Posting: p}
			}
			return nil, &gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{id}, Suggestions: cat.Suggest(id, 5)}
		}
		for _, g := range gs {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
			}
		}
	}
	return out, nil
}

// Archive sets archived on every file of the named groups, in both
// languages, changing one line per file, and commits exactly those files in
// one commit. It reads the site afresh. r may be nil with NoCommit (a site
// outside git).
//
// Every precondition is checked before the first write: the names resolve,
// no group has an unreadable file that may belong to it, no file has
// uncommitted edits (unless WithChanges), and every file on disk is the one
// that was read.
func Archive(r *gitops.Repo, site *model.Site, ids []string, opt ArchiveOptions) (*ArchiveResult, error) {
	wait := func() {}
	if r != nil && !opt.NoCommit {
		// git's settings, the index and HEAD's folders of the section
		// are read while the postings are read
		var done func()
		wait, done = r.PrefetchArchive(sectionDirs(site))
		defer done()
		defer wait() // never left running: the app goes on with r
	}
	// Only the files that can belong to the named groups are parsed; a
	// name that matches nothing reads them all, for the suggestions.
	cat, err := model.LoadGroups(site, ids)
	wait()
	if err == nil {
		if _, rerr := ResolveGroups(cat, ids); rerr != nil {
			cat, err = Load(site)
		}
	}
	if err != nil {
		return nil, err
	}
	return archiveCatalog(r, cat, ids, opt)
}

// sectionDirs are the section's folders of the languages edited (Site.
// SectionDir, mounts followed): where a posting pair's files are.
func sectionDirs(site *model.Site) []string {
	var out []string
	for _, l := range site.Langs {
		out = append(out, site.Abs(site.SectionDir(l)))
	}
	return out
}

// archiveCatalog is Archive on postings already read (tests change files
// between the read and the write).
func archiveCatalog(r *gitops.Repo, cat *model.Catalog, ids []string, opt ArchiveOptions) (*ArchiveResult, error) {
	groups, err := ResolveGroups(cat, ids)
	if err != nil {
		return nil, err
	}
	if r == nil && !opt.NoCommit {
		return nil, &gitops.Error{Kind: gitops.KindNoRepository}
	}
	want := !opt.Unarchive
	res := &ArchiveResult{Unarchive: opt.Unarchive, Groups: groups}
	for _, g := range groups {
		if bad := ambiguous(cat, g); len(bad) > 0 {
			return nil, &gitops.Error{Kind: gitops.KindAmbiguousGroup, Paths: bad, Detail: g.ID()}
		}
		for _, p := range g.Postings(cat.Site.Langs) {
			if p.Archived != want {
				res.Changed = append(res.Changed, p)
			}
		}
	}
	if res.Unchanged() {
		return res, nil
	}
	repoPaths, err := archiveChecks(r, res, opt)
	if err != nil {
		return nil, err
	}
	for _, p := range res.Changed {
		if err := p.Doc.SetBool(model.KeyArchived, want); err != nil {
			return nil, fmt.Errorf("archive %s: %w", p.Path, err)
		}
	}
	// The new texts are written and synced beside the files while the
	// commit makes its checks and reads the index; it puts them in place
	// (place) before it reads them.
	pending, err := gitops.StageAll(res.Changed)
	if err != nil {
		return nil, err
	}
	var rb *gitops.Rollback
	place := func() (err error) {
		rb, err = pending.Place()
		return err
	}
	defer func() { rb.Synced() }() // the folders are synced while the commit is made
	if opt.NoCommit {
		if err := place(); err != nil {
			return nil, err
		}
		return res, nil
	}
	msg := opt.Message
	if msg == "" {
		msg = ArchiveMessage(cat, changedGroups(groups, res.Changed), opt.Unarchive)
	}
	if opt.Undoes != nil {
		msg = strings.TrimRight(msg, "\n") + "\n\n" + UndoBody(opt.Undoes)
	}
	// CheckCommit ran above; without WithChanges every changed file was as
	// in HEAD and now has one line changed: the commit is not empty.
	expect := make(map[string][32]byte, len(repoPaths))
	for i, p := range res.Changed {
		expect[repoPaths[i]] = sha256.Sum256(p.Doc.Bytes()) // the bytes Place writes
	}
	res.Commit, err = r.CommitPathsWith(repoPaths, msg, gitops.CommitOptions{SigningChecked: true, Changed: !opt.WithChanges, Place: place, Expect: expect})
	if err != nil {
		// A refused commit (hook, signing, a lock taken meanwhile) leaves
		// the files as they were, so that the same action can be retried.
		if rb == nil { // refused before they were placed
			pending.Discard()
			return nil, err
		}
		if rerr := rb.Restore(); rerr != nil {
			return nil, fmt.Errorf("%w; %v", err, rerr)
		}
		return nil, err
	}
	return res, nil
}

// archiveChecks makes every refusal of an archive before its first write:
// the changed files' uncommitted edits (unless WithChanges), the commit's
// own checks (identity, branch, operation in progress, lock; unless
// NoCommit), then the files on disk, each still the one read. It gives
// the files' repository paths and keeps their bytes in res.Before.
func archiveChecks(r *gitops.Repo, res *ArchiveResult, opt ArchiveOptions) ([]string, error) {
	var err error
	repoPaths := make([]string, len(res.Changed))
	if r != nil {
		for i, p := range res.Changed {
			if repoPaths[i], err = r.RepoPath(p.Abs); err != nil {
				return nil, err
			}
		}
		if !opt.WithChanges {
			if err := refuseDirty(r, repoPaths, res.Changed); err != nil {
				return nil, err
			}
		}
	}
	if !opt.NoCommit {
		if err := r.CheckCommit(); err != nil {
			return nil, err
		}
	}
	if readOnly := model.ReadOnlyPaths(res.Changed); len(readOnly) > 0 {
		return nil, &gitops.Error{Kind: gitops.KindReadOnly, Paths: readOnly}
	}
	res.Before = map[string][]byte{}
	for i, p := range res.Changed {
		data, err := os.ReadFile(p.Abs)
		if err != nil || sha256.Sum256(data) != p.Hash {
			return nil, &gitops.Error{Kind: gitops.KindChangedOnDisk, Paths: []string{p.Path}}
		}
		if r != nil {
			res.Before[repoPaths[i]] = data
		}
	}
	return repoPaths, nil
}

// refuseDirty is an error naming the files (of changed, at repoPaths) that
// have uncommitted edits.
func refuseDirty(r *gitops.Repo, repoPaths []string, changed []*model.Posting) error {
	states, err := r.States(repoPaths)
	if err != nil {
		return err
	}
	var dirty []string
	for i, rp := range repoPaths {
		if s, ok := states[rp]; ok && s != gitops.StateUnchanged {
			dirty = append(dirty, changed[i].Path)
		}
	}
	if len(dirty) > 0 {
		return &gitops.Error{Kind: gitops.KindDirtyPostings, Paths: dirty}
	}
	return nil
}

// changedGroups are the groups with a file among changed, in order.
func changedGroups(groups []*model.Group, changed []*model.Posting) []*model.Group {
	var out []*model.Group
	for _, g := range groups {
		for _, p := range changed {
			if g.Contains(p) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// ambiguous lists the unreadable files that may belong to the group, so
// that its real extent is unknown: one whose raw text names the group's
// translationKey, or one at the same path as a file of the group (Hugo
// would link it by name).
func ambiguous(cat *model.Catalog, g *model.Group) []string {
	rels := map[string]bool{}
	for _, p := range g.Postings(cat.Site.Langs) {
		rels[p.Rel] = true
	}
	var out []string
	for _, u := range cat.Unreadable {
		if rels[u.Rel] || (g.Key != "" && u.GuessedKey == g.Key) {
			out = append(out, u.Path)
		}
	}
	return out
}

// ArchiveMessage is the default commit message, bilingual by construction
// (it quotes both titles): "Archive posting key: EN title / FR title", or for
// several postings a subject listing them and a line each.
func ArchiveMessage(cat *model.Catalog, groups []*model.Group, unarchive bool) string {
	verb := "Archive"
	if unarchive {
		verb = "Unarchive"
	}
	if len(groups) == 1 {
		return verb + " posting " + postingLine(cat, groups[0])
	}
	ids := make([]string, len(groups))
	for i, g := range groups {
		ids[i] = oneLine(g.ID())
	}
	return fmt.Sprintf("%s %d postings: %s\n\n%s", verb, len(groups), strings.Join(ids, ", "), postingLines(cat, groups))
}

// UndoBody is the paragraph of an inverse commit's message that names
// the commit it undoes, as git revert's does: "This undoes 1a2b3c4
// (Archive posting key: EN title / FR title).", then "This reverts commit
// <full hash>.", the line tools that follow reverts read.
func UndoBody(c *gitops.CommitResult) string {
	return fmt.Sprintf("This undoes %s (%s).\n\nThis reverts commit %s.\n", c.Short, oneLine(c.Subject), c.Hash)
}

// postingLine names a group in a commit message: "key: EN title / FR
// title", its titles in the site's languages.
func postingLine(cat *model.Catalog, g *model.Group) string {
	var titles []string
	for _, l := range cat.Site.Langs {
		if p := g.First(l); p != nil {
			titles = append(titles, oneLine(p.Title))
		}
	}
	return oneLine(g.ID()) + ": " + strings.Join(titles, " / ")
}

// postingLines is the body of a message about several groups: a line
// "- key: titles" each.
func postingLines(cat *model.Catalog, groups []*model.Group) string {
	var body strings.Builder
	for _, g := range groups {
		body.WriteString("- " + postingLine(cat, g) + "\n")
	}
	return body.String()
}

// oneLine is a title or key as a commit message quotes it: on one line,
// its control characters (an escape sequence, a bell) as the visible
// placeholders of model.SafeText, so that git log, and jobtui printing the
// subject, never send them to a terminal.
func oneLine(s string) string {
	return model.SafeText(strings.Join(strings.Fields(s), " "), false)
}
