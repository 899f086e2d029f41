package gitops

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	commitgraph "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/jobtui/jobtui/internal/model"
)

// staleMemo is what StalePairs found for one HEAD and one list of
// candidate pairs, kept in memory on the Repo: the rule reads only
// committed history (uncommitted edits do not count), so while HEAD, the
// shallow boundary and the pairs asked about stay the same, the answer is
// the same, and a warm call reads no commit at all. A new HEAD (a commit,
// a review mark, a pull, a checkout) is a new key: the rule runs again,
// on the caches under the git folder.
type staleMemo struct {
	mu      sync.Mutex // held while the rule runs: one walk at a time
	head    plumbing.Hash
	shallow string // .git/shallow's size and time
	key     [32]byte
	found   []staleFound // in StalePairs' order
	// Answers that never change (commits are immutable), kept across
	// HEADs: the history facts as read from and written to the git
	// folder, and the blob of a path in a commit.
	facts *historyFacts
	blobs map[blobKey]plumbing.Hash
	read  staleReader
}

type blobKey struct {
	commit plumbing.Hash
	path   string
}

// staleFound is one stale pair, by the index of its candidate.
type staleFound struct {
	i                   int
	swap                bool // the source is the candidate's second file
	source, translation Change
	since, leftBehind   Change
	reviewed            bool
}

// staleKey sums up the languages and the candidate pairs: paths and keys.
func staleKey(langs []string, pairs []candidatePair) [32]byte {
	h := sha256.New()
	for _, l := range langs {
		h.Write([]byte(l))
		h.Write([]byte{0})
	}
	for _, p := range pairs {
		h.Write([]byte(strconv.Itoa(len(p.a)) + ":" + p.a + strconv.Itoa(len(p.b)) + ":" + p.b))
		id := p.g.ID()
		h.Write([]byte(strconv.Itoa(len(id)) + ":" + id))
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// shallowPrint tells a change of the shallow boundary (a fetch that
// deepens the history reaches commits the last answer did not see).
func (r *Repo) shallowPrint() string {
	st, err := os.Stat(filepath.Join(r.commonDir(), "shallow"))
	if err != nil {
		return ""
	}
	return strconv.FormatInt(st.Size(), 10) + " " + strconv.FormatInt(st.ModTime().UnixNano(), 10)
}

// remember keeps the pairs found for head.
func (m *staleMemo) remember(head plumbing.Hash, shallow string, key [32]byte, pairs []candidatePair, out []*StalePair) {
	index := make(map[*model.Group]int, len(pairs))
	for i, p := range pairs {
		index[p.g] = i
	}
	found := make([]staleFound, 0, len(out))
	for _, sp := range out {
		i := index[sp.Group]
		found = append(found, staleFound{i: i, swap: sp.SourcePath == pairs[i].a,
			source: *sp.SourceChange, translation: *sp.TranslationChange, since: sp.Since, leftBehind: sp.LeftBehind, reviewed: sp.Reviewed})
	}
	m.head, m.shallow, m.key, m.found = head, shallow, key, found
}

// recall makes the pairs found for head again, on the postings asked
// about; false when the memo is for another HEAD or other pairs.
func (m *staleMemo) recall(head plumbing.Hash, shallow string, key [32]byte, pairs []candidatePair, langs []string) ([]*StalePair, bool) {
	if m.head.IsZero() || m.head != head || m.shallow != shallow || m.key != key {
		return nil, false
	}
	var out []*StalePair
	for _, f := range m.found {
		p := pairs[f.i]
		sp := &StalePair{Group: p.g, Key: p.g.ID(), Since: f.since, LeftBehind: f.leftBehind, Reviewed: f.reviewed}
		sp.SourceLang, sp.TranslationLang = langs[1], langs[0]
		sp.SourcePath, sp.TranslationPath = p.b, p.a
		if f.swap {
			sp.SourceLang, sp.TranslationLang = langs[0], langs[1]
			sp.SourcePath, sp.TranslationPath = p.a, p.b
		}
		src, tr := f.source, f.translation
		sp.SourceChange, sp.TranslationChange = &src, &tr
		sp.Source, sp.Translation = p.g.Files[sp.SourceLang][0], p.g.Files[sp.TranslationLang][0]
		out = append(out, sp)
	}
	return out, true
}

// staleReader is the object store and commit-graph the rule reads with,
// kept open across calls while the pack files and the commit-graph are
// the same (git gc, a fetch or git maintenance replace them): a new store
// reads every pack index again, which cost more than the rest of the rule
// after a commit.
type staleReader struct {
	print string
	repo  *Store
	st    *filesystem.Storage // nil: repo is the Repo's own
	graph commitgraph.Index
}

// reader is the store and commit-graph for this call (under m.mu).
func (m *staleMemo) reader(r *Repo) (*Store, commitgraph.Index) {
	print := objectsPrint(r.commonDir())
	if m.read.repo != nil && m.read.print == print {
		return m.read.repo, m.read.graph
	}
	m.closeReader()
	m.read = staleReader{print: print, repo: r.Git, graph: r.commitGraph()}
	st := r.walkStore(64 * cache.MiByte)
	repo := &Store{Storer: st}
	err := checkStore(st) // as go-git's git.Open
	if err == nil {
		_, err = repo.Head()
	}
	if err != nil {
		st.Close()
	} else {
		m.read.repo, m.read.st = repo, st
	}
	return m.read.repo, m.read.graph
}

func (m *staleMemo) closeReader() {
	if c, ok := m.read.graph.(io.Closer); ok && m.read.graph != nil {
		c.Close()
	}
	if m.read.st != nil {
		m.read.st.Close()
	}
	m.read = staleReader{}
}

// objectsPrint sums up the pack files and commit-graph files: names,
// sizes and times.
func objectsPrint(gitDir string) string {
	var b strings.Builder
	for _, d := range []string{"objects/pack", "objects/info", "objects/info/commit-graphs"} {
		es, _ := os.ReadDir(filepath.Join(gitDir, d))
		for _, e := range es {
			if info, err := e.Info(); err == nil && !e.IsDir() {
				fmt.Fprintf(&b, "%s/%s %d %d\n", d, e.Name(), info.Size(), info.ModTime().UnixNano())
			}
		}
	}
	return b.String()
}
