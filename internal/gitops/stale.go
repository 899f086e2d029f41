package gitops

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/jobtui/jobtui/internal/model"
)

// StalePair is a translation left behind: its source changed in a commit
// that came after the translation's last change (and after its last review).
type StalePair struct {
	Group           *model.Group
	Key             string // the group's ID: what a review mark names
	SourceLang      string
	TranslationLang string
	Source          *model.Posting
	Translation     *model.Posting
	SourcePath      string // repository-relative
	TranslationPath string
	// SourceChange and TranslationChange are the last commits that changed
	// each file, as `git log -1 -- FILE` reports them.
	SourceChange      *Change
	TranslationChange *Change
	// LeftBehind is the first change of the source since Since (the
	// oldest the translation has not caught up with): the translation
	// has waited since then. SourceChange when there is one change only.
	LeftBehind Change
	// Since is the commit the source is compared from: the translation's
	// last change, or a later review mark of the pair (Reviewed).
	Since    Change
	Reviewed bool
	// SourceDiff is `git diff SINCE -- SOURCE` (the working copy included)
	// and ChangedLines the lines it changes, once LoadDiffs has run.
	SourceDiff   string
	ChangedLines int
	DiffLoaded   bool
}

// Age is how long the translation has waited: since the source's change
// that made it stale (LeftBehind, not the source's last change).
func (p *StalePair) Age(now time.Time) time.Duration { return now.Sub(p.LeftBehind.When) }

// StalePairs finds the translations left behind, oldest first (by the
// source change that left them behind). In a group with exactly one file
// per language, when the commits that last changed the two files differ
// and one descends from the other, the older side is stale, unless
//   - a commit whose message names the group in a Translation-Reviewed
//     line descends from the source's last change (reviewed since), or
//   - the source's committed content is the same as at Since (a change
//     undone, or a change of file mode only).
//
// Uncommitted edits do not count.
func StalePairs(r *Repo, cat *model.Catalog) ([]*StalePair, error) {
	pairs, paths, err := stalePairCandidates(r, cat)
	if err != nil || len(pairs) == 0 {
		return nil, err
	}
	m := &r.stale
	m.mu.Lock()
	defer m.mu.Unlock()
	head, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil // no commit yet: nothing can be left behind
	}
	if err != nil {
		return stalePairs(r, cat, pairs, paths)
	}
	shallow, key := r.shallowPrint(), staleKey(cat.Site.Langs, pairs)
	if out, ok := m.recall(head.Hash(), shallow, key, pairs, cat.Site.Langs); ok {
		return out, nil
	}
	out, err := stalePairs(r, cat, pairs, paths)
	if err == nil {
		if now, herr := r.Git.Head(); herr == nil && now.Hash() == head.Hash() {
			m.remember(head.Hash(), shallow, key, pairs, out)
		}
	}
	return out, err
}

// stalePairs applies the rule to the candidate pairs, reading history.
func stalePairs(r *Repo, cat *model.Catalog, pairs []candidatePair, paths []string) ([]*StalePair, error) {
	changes, err := r.LastChanges(paths)
	if err != nil {
		return nil, err
	}
	marks, err := r.ReviewMarks()
	if err != nil {
		return nil, err
	}
	marksOf := map[string][]Mark{}
	for _, m := range marks {
		for _, k := range m.Keys {
			marksOf[k] = append(marksOf[k], m)
		}
	}
	head, err := r.Git.Head()
	if err != nil {
		return nil, err
	}
	h := r.newHistory()
	defer h.close()
	var out []*StalePair
	for _, p := range pairs {
		sp := h.ordered(p, changes[p.a], changes[p.b], cat.Site.Langs)
		if sp == nil {
			continue
		}
		stale, err := h.stillStale(sp, marksOf[sp.Key], head.Hash())
		if err != nil {
			return nil, err
		}
		if stale {
			out = append(out, sp)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].LeftBehind.When, out[j].LeftBehind.When
		if !a.Equal(b) {
			return a.Before(b)
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// candidatePair is a group with one file per language, by repository path
// (a in the first language, b in the second).
type candidatePair struct {
	g    *model.Group
	a, b string
}

// stalePairCandidates are the groups that can be stale: one file in each
// of the two languages; paths are all their files.
func stalePairCandidates(r *Repo, cat *model.Catalog) (pairs []candidatePair, paths []string, err error) {
	if len(cat.Site.Langs) != 2 {
		return nil, nil, nil
	}
	l0, l1 := cat.Site.Langs[0], cat.Site.Langs[1]
	dirs := map[string]string{} // each folder's symbolic links resolved once
	for _, g := range cat.Groups {
		if len(g.Files[l0]) != 1 || len(g.Files[l1]) != 1 {
			continue
		}
		a, err := r.repoPath(g.Files[l0][0].Abs, dirs)
		if err != nil {
			return nil, nil, err
		}
		b, err := r.repoPath(g.Files[l1][0].Abs, dirs)
		if err != nil {
			return nil, nil, err
		}
		pairs = append(pairs, candidatePair{g, a, b})
		paths = append(paths, a, b)
	}
	return pairs, paths, nil
}

// ordered is the pair with its source (the side changed last) and its
// translation, or nil when neither descends from the other's change.
func (h *history) ordered(p candidatePair, ca, cb *Change, langs []string) *StalePair {
	if ca == nil || cb == nil || ca.Hash == cb.Hash {
		return nil
	}
	l0, l1 := langs[0], langs[1]
	sp := &StalePair{Group: p.g, Key: p.g.ID()}
	switch {
	case h.isAncestor(ca.Hash, cb.Hash):
		sp.TranslationLang, sp.SourceLang = l0, l1
		sp.TranslationPath, sp.SourcePath = p.a, p.b
		sp.TranslationChange, sp.SourceChange = ca, cb
	case h.isAncestor(cb.Hash, ca.Hash):
		sp.TranslationLang, sp.SourceLang = l1, l0
		sp.TranslationPath, sp.SourcePath = p.b, p.a
		sp.TranslationChange, sp.SourceChange = cb, ca
	default:
		return nil
	}
	sp.Source, sp.Translation = p.g.Files[sp.SourceLang][0], p.g.Files[sp.TranslationLang][0]
	return sp
}

// stillStale applies the exceptions of the rule to an ordered pair, and
// sets Since (and Reviewed) on the way: marks are the pair's review marks,
// newest first.
func (h *history) stillStale(sp *StalePair, marks []Mark, head plumbing.Hash) (bool, error) {
	// The source's last change caught it up with the translation (the
	// source was behind until then): in step, nothing to review.
	prev, err := h.previous(sp.SourceChange.Hash, sp.SourcePath)
	if err != nil {
		return false, err
	}
	if prev.IsZero() || (prev != sp.TranslationChange.Hash && h.isAncestor(prev, sp.TranslationChange.Hash)) {
		return false, nil
	}
	sp.Since = *sp.TranslationChange
	for _, m := range marks {
		if h.isAncestor(sp.SourceChange.Hash, m.Hash) {
			return false, nil // reviewed since the source changed
		}
		if !sp.Reviewed && m.Hash != sp.TranslationChange.Hash && h.isAncestor(sp.TranslationChange.Hash, m.Hash) {
			sp.Since, sp.Reviewed = h.change(m.Hash, m.When), true
		}
	}
	same, err := h.sameBlob(sp.SourcePath, sp.Since.Hash, head)
	if err != nil || same {
		return false, err
	}
	sp.LeftBehind, err = h.firstChangeSince(sp.SourceChange, sp.Since.Hash, sp.SourcePath)
	return err == nil, err
}

// history reads commits and trees for the stale rule on one object store.
type history struct {
	repo  *Repo
	w     *histWalker
	graph commitgraph.Index
	facts *historyFacts
	an    *ancestry
	done  func()
	trees map[plumbing.Hash]*object.Tree
	blobs map[blobKey]plumbing.Hash // the Repo's, kept across calls
}

func (r *Repo) newHistory() *history {
	m := &r.stale // its lock is held
	repo, graph := m.reader(r)
	shallow := r.shallowCommits()
	if shallow != nil {
		graph = nil // as git: no commit-graph in a shallow repository
	}
	w := newHistWalker(repo, graph, nil)
	w.shallow = shallow
	if m.facts == nil {
		m.facts, m.blobs = r.readFacts(), map[blobKey]plumbing.Hash{}
	}
	facts := m.facts
	if len(m.blobs) > 1<<16 {
		clear(m.blobs)
	}
	h := &history{repo: r, w: w, graph: graph, facts: facts, an: newAncestry(w, facts), trees: map[plumbing.Hash]*object.Tree{}, blobs: m.blobs}
	h.done = func() { r.writeFacts(facts) }
	return h
}

func (h *history) close()                             { h.done() }
func (h *history) isAncestor(a, b plumbing.Hash) bool { return h.an.isAncestor(a, b) }

// previous is the commit that changed path before commit c (which changed
// it), as git log shows it next (from c's first parent); zero when c
// created the file.
func (h *history) previous(c plumbing.Hash, path string) (plumbing.Hash, error) {
	k := c.String() + " " + path
	if p, ok := h.facts.Previous[k]; ok {
		return p, nil
	}
	n, err := h.w.node(c)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	var prev plumbing.Hash
	if len(n.parents) > 0 {
		ch, err := lastChanges(h.w.repo, h.graph, nil, n.parents[0], []string{path}, nil, h.w.shallow)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if x := ch[path]; x != nil {
			prev = x.Hash
		}
	}
	h.facts.Previous[k], h.facts.added = prev, true
	return prev, nil
}

// change describes a commit with its subject and author.
func (h *history) change(hash plumbing.Hash, when time.Time) Change {
	ch := Change{Hash: hash, When: when}
	if c, err := h.w.repo.CommitObject(hash); err == nil {
		ch.When, ch.Subject, ch.Author = c.Committer.When, strings.SplitN(c.Message, "\n", 2)[0], c.Author.Name
	}
	return ch
}

// blob is the hash of path in commit's tree (zero: absent).
func (h *history) blob(path string, commit plumbing.Hash) (plumbing.Hash, error) {
	k := blobKey{commit, path}
	if b, ok := h.blobs[k]; ok {
		return b, nil
	}
	b, err := h.readBlob(path, commit)
	if err == nil {
		h.blobs[k] = b
	}
	return b, err
}

func (h *history) readBlob(path string, commit plumbing.Hash) (plumbing.Hash, error) {
	t, ok := h.trees[commit]
	if !ok {
		c, err := h.w.repo.CommitObject(commit)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if t, err = c.Tree(); err != nil {
			return plumbing.ZeroHash, err
		}
		h.trees[commit] = t
	}
	e, err := t.FindEntry(path)
	if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return e.Hash, nil
}

func (h *history) sameBlob(path string, a, b plumbing.Hash) (bool, error) {
	ha, err := h.blob(path, a)
	if err != nil {
		return false, err
	}
	hb, err := h.blob(path, b)
	if err != nil {
		return false, err
	}
	return ha == hb, nil
}

// FileAt is the content of a repository path in a commit (nil, nil when
// the commit has no such file).
func (r *Repo) FileAt(commit plumbing.Hash, repoPath string) ([]byte, error) {
	c, err := r.Git.CommitObject(commit)
	if err != nil {
		return nil, err
	}
	t, err := c.Tree()
	if err != nil {
		return nil, err
	}
	f, err := t.File(repoPath)
	if errors.Is(err, object.ErrFileNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rd, err := f.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// LoadDiffs fills SourceDiff and ChangedLines of every pair, two git
// processes at a time.
func LoadDiffs(ctx context.Context, r *Repo, pairs []*StalePair) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	sem := make(chan struct{}, 2)
	for _, p := range pairs {
		if p.DiffLoaded {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(p *StalePair) {
			defer func() { <-sem; wg.Done() }()
			d, err := SourceDiff(ctx, r, p.Since.Hash, p.SourcePath)
			if err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
				return
			}
			p.SourceDiff, p.ChangedLines, p.DiffLoaded = d, ChangedLines(d), true
		}(p)
	}
	wg.Wait()
	return first
}

// SourceDiff is exactly what `git diff SINCE -- PATH` prints, in the work
// tree (uncommitted edits included): git itself is asked, with colour and
// external diff tools off and the path taken literally. Diffing with git,
// not go-git, is what makes it exact (git's diff algorithm and its
// heuristics, its abbreviations, its quoting of names, the user's diff
// settings).
func SourceDiff(ctx context.Context, r *Repo, since plumbing.Hash, repoPath string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", "--literal-pathspecs", "diff", "--no-color", "--no-ext-diff", since.String(), "--", repoPath)
	cmd.Dir = r.Root
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git diff %s -- %s: %w: %s", since, repoPath, err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// ChangedLines counts the lines a unified diff changes as a person counts
// them: in each run of removed and added lines, the larger of the two (a
// line rewritten is one line changed, not two).
func ChangedLines(diff string) int {
	n, del, add := 0, 0, 0
	flush := func() {
		n += max(del, add)
		del, add = 0, 0
	}
	inHunk := false
	for _, line := range strings.Split(diff, "\n") {
		switch {
		case strings.HasPrefix(line, "@@"):
			flush()
			inHunk = true
		case strings.HasPrefix(line, "diff "):
			flush()
			inHunk = false
		case !inHunk:
		case strings.HasPrefix(line, "-"):
			del++
		case strings.HasPrefix(line, "+"):
			add++
		case strings.HasPrefix(line, "\\"): // "\ No newline at end of file"
		default:
			flush()
		}
	}
	flush()
	return n
}
