package gitops

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"

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
}

// staleFound is one stale pair, by the index of its candidate.
type staleFound struct {
	i                   int
	swap                bool // the source is the candidate's second file
	source, translation Change
	since               Change
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
	st, err := os.Stat(filepath.Join(r.GitDir, "shallow"))
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
			source: *sp.SourceChange, translation: *sp.TranslationChange, since: sp.Since, reviewed: sp.Reviewed})
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
		sp := &StalePair{Group: p.g, Key: p.g.ID(), Since: f.since, Reviewed: f.reviewed}
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
