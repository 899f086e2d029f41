package gitops

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/model"
)

// ReviewTrailer is the commit trailer that records that a translation was
// reviewed against its source and needs no change: a commit whose message
// has a line "Translation-Reviewed: KEY" (KEY the posting's translationKey,
// or for a posting without one its file path relative to the section,
// without extension). The line is read anywhere in the message, so that it
// survives a squash merge that folds it into a longer message.
const ReviewTrailer = "Translation-Reviewed"

// Mark is a commit that records translation reviews.
type Mark struct {
	Hash plumbing.Hash `json:"hash"`
	When time.Time     `json:"when"`
	Keys []string      `json:"keys"`
}

// ReviewKeys reads the keys of the Translation-Reviewed lines of a commit
// message (the trailer's name in any case, as git reads trailers).
func ReviewKeys(message string) []string {
	var keys []string
	for _, line := range strings.Split(message, "\n") {
		line = strings.TrimRight(line, "\r")
		n := len(ReviewTrailer)
		if len(line) <= n || line[n] != ':' || !strings.EqualFold(line[:n], ReviewTrailer) {
			continue
		}
		if k := strings.TrimSpace(line[n+1:]); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// ReviewMarks lists the commits reachable from HEAD that record reviews,
// newest first. The scan reads every commit message once: the commits
// scanned and the marks found are kept under the git folder, so that a new
// HEAD that descends from the last one scanned costs only its new commits.
func (r *Repo) ReviewMarks() ([]Mark, error) {
	head, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	old := r.readMarkCache(false)
	if old != nil && old.Head == head.Hash() {
		return old.Marks, nil
	}
	if old != nil {
		old = r.readMarkCache(true)
	}
	repo, done := r.walkRepo()
	defer done()
	var known map[plumbing.Hash]struct{}
	if old != nil {
		known = old.scanned
	}
	marks, scanned, reachedOld, err := scanMarks(repo, head.Hash(), known, oldHead(old))
	if err != nil {
		return nil, err
	}
	if old != nil && reachedOld {
		marks = append(marks, old.Marks...)
		for h := range old.scanned {
			scanned[h] = struct{}{}
		}
	} else if old != nil {
		// HEAD moved elsewhere (another branch, a reset): what the cache
		// holds may not be reachable any more.
		if marks, scanned, _, err = scanMarks(repo, head.Hash(), nil, plumbing.ZeroHash); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].When.After(marks[j].When) })
	r.writeMarkCache(&markCache{Head: head.Hash(), Marks: marks, scanned: scanned})
	return marks, nil
}

func oldHead(c *markCache) plumbing.Hash {
	if c == nil {
		return plumbing.ZeroHash
	}
	return c.Head
}

// scanMarks reads the messages of the commits reachable from head that are
// not in known (known holds every ancestor of each of its commits), and
// says whether it met old on the way.
func scanMarks(repo *Store, head plumbing.Hash, known map[plumbing.Hash]struct{}, old plumbing.Hash) ([]Mark, map[plumbing.Hash]struct{}, bool, error) {
	var marks []Mark
	seen := map[plumbing.Hash]struct{}{}
	reached := false
	stack := []plumbing.Hash{head}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := seen[h]; ok {
			continue
		}
		if _, ok := known[h]; ok {
			reached = reached || h == old
			continue
		}
		seen[h] = struct{}{}
		c, err := repo.CommitObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) && h != head {
			continue // a shallow clone's boundary
		}
		if err != nil {
			return nil, nil, false, err
		}
		if keys := ReviewKeys(c.Message); len(keys) > 0 {
			marks = append(marks, Mark{Hash: h, When: c.Committer.When, Keys: keys})
		}
		stack = append(stack, c.ParentHashes...)
	}
	return marks, seen, reached, nil
}

// markCache is the file .git/jobtui/review-marks: one line of JSON (HEAD,
// the marks reachable from it, the number of commits scanned), then the
// 20-byte hashes of the commits scanned (every ancestor of HEAD).
type markCache struct {
	Version int           `json:"v"`
	Head    plumbing.Hash `json:"head"`
	Marks   []Mark        `json:"marks"`
	Count   int           `json:"count"`
	scanned map[plumbing.Hash]struct{}
}

const markCacheVersion = 1

func (r *Repo) markCachePath() string { return filepath.Join(r.GitDir, "jobtui", "review-marks") }

// readMarkCache reads the cache, with the scanned commits when withScanned;
// nil when there is none or it cannot be trusted.
func (r *Repo) readMarkCache(withScanned bool) *markCache {
	data, err := os.ReadFile(r.markCachePath())
	if err != nil {
		return nil
	}
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return nil
	}
	var c markCache
	if json.Unmarshal(data[:nl], &c) != nil || c.Version != markCacheVersion || c.Head.IsZero() {
		return nil
	}
	rest := data[nl+1:]
	if len(rest) != c.Count*20 {
		return nil
	}
	if withScanned {
		c.scanned = make(map[plumbing.Hash]struct{}, c.Count)
		for i := 0; i < c.Count; i++ {
			var h plumbing.Hash
			copy(h[:], rest[i*20:])
			c.scanned[h] = struct{}{}
		}
	}
	return &c
}

// writeMarkCache stores the scan; a cache that cannot be written only costs
// speed next time.
func (r *Repo) writeMarkCache(c *markCache) {
	c.Version, c.Count = markCacheVersion, len(c.scanned)
	if c.Marks == nil {
		c.Marks = []Mark{}
	}
	line, err := json.Marshal(c)
	if err != nil {
		return
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.Write(line)
	w.WriteByte('\n')
	for h := range c.scanned {
		w.Write(h[:])
	}
	w.Flush()
	p := r.markCachePath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	model.WriteFileAtomic(p, b.Bytes(), [32]byte{})
}

// ancestry answers "is a an ancestor of b" on one history, with the
// commit-graph's generation numbers to cut the search where there is one,
// else with the set of b's ancestors, computed once per b. Answers never
// change (commits are immutable): they are kept under the git folder, so
// that a warm check reads no commit at all.
type ancestry struct {
	w       *histWalker
	closure map[plumbing.Hash]map[plumbing.Hash]struct{}
	facts   *historyFacts
}

func newAncestry(w *histWalker, facts *historyFacts) *ancestry {
	return &ancestry{w: w, closure: map[plumbing.Hash]map[plumbing.Hash]struct{}{}, facts: facts}
}

// isAncestor reports whether a is b or one of its ancestors.
func (an *ancestry) isAncestor(a, b plumbing.Hash) bool {
	if a == b {
		return true
	}
	k := a.String() + " " + b.String()
	if v, ok := an.facts.Ancestor[k]; ok {
		return v
	}
	v := an.search(a, b)
	an.facts.Ancestor[k], an.facts.added = v, true
	return v
}

func (an *ancestry) search(a, b plumbing.Hash) bool {
	na, err := an.w.node(a)
	if err != nil {
		return false
	}
	if na.gen > 0 {
		seen := map[plumbing.Hash]struct{}{b: {}}
		stack := []plumbing.Hash{b}
		for len(stack) > 0 {
			h := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n, err := an.w.node(h)
			if err != nil {
				continue
			}
			for _, p := range n.parents {
				if p == a {
					return true
				}
				if _, ok := seen[p]; ok {
					continue
				}
				seen[p] = struct{}{}
				pn, err := an.w.node(p)
				if err != nil || (pn.gen > 0 && pn.gen <= na.gen) {
					continue // too old to reach a
				}
				stack = append(stack, p)
			}
		}
		return false
	}
	set, ok := an.closure[b]
	if !ok {
		set = map[plumbing.Hash]struct{}{}
		stack := []plumbing.Hash{b}
		for len(stack) > 0 {
			h := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if _, ok := set[h]; ok {
				continue
			}
			set[h] = struct{}{}
			if n, err := an.w.node(h); err == nil {
				stack = append(stack, n.parents...)
			}
		}
		an.closure[b] = set
	}
	_, ok = set[a]
	return ok
}

// historyFacts are answers about commits that never change (commits are
// immutable), kept under the git folder so that a warm check reads no
// commit at all: "is A an ancestor of B", "which commit changed PATH
// before C". Version 2: answers kept by earlier versions, which could read
// an unreadable tree as an absent folder (a linked worktree after git gc,
// a partial clone), are not used.
type historyFacts struct {
	Version  int                      `json:"v"`
	Ancestor map[string]bool          `json:"ancestor"` // "A B"
	Previous map[string]plumbing.Hash `json:"previous"` // "C PATH", zero: none
	added    bool
}

const factsVersion = 2

func (r *Repo) factsPath() string { return filepath.Join(r.GitDir, "jobtui", "history-facts.json") }

func (r *Repo) readFacts() *historyFacts {
	f := &historyFacts{}
	if data, err := os.ReadFile(r.factsPath()); err == nil && json.Unmarshal(data, f) == nil && f.Version == factsVersion {
		if f.Ancestor == nil {
			f.Ancestor = map[string]bool{}
		}
		if f.Previous == nil {
			f.Previous = map[string]plumbing.Hash{}
		}
		return f
	}
	return &historyFacts{Version: factsVersion, Ancestor: map[string]bool{}, Previous: map[string]plumbing.Hash{}}
}

// writeFacts keeps the answers (20,000 of each at most: they are few per
// HEAD, and an old HEAD's are rarely asked again).
func (r *Repo) writeFacts(f *historyFacts) {
	if !f.added {
		return
	}
	if len(f.Ancestor) > 20000 {
		clear(f.Ancestor)
	}
	if len(f.Previous) > 20000 {
		clear(f.Previous)
	}
	data, err := json.Marshal(f)
	if err != nil {
		return
	}
	p := r.factsPath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	if model.WriteFileAtomic(p, data, [32]byte{}) == nil {
		f.added = false
	}
}

// CommitReviewMark records translation reviews: an empty commit on the
// current branch whose message holds a Translation-Reviewed line per key.
// It is made by git itself, `git commit --only --allow-empty` through the
// path of every commit (runCommit), so that the repository's hooks run,
// signing is as configured and whatever is staged stays staged and out of
// the commit. Every precondition of CheckCommit is checked first; a
// refusal (a hook) leaves HEAD where it was.
func (r *Repo) CommitReviewMark(ctx context.Context, message string) (*CommitResult, error) {
	if len(ReviewKeys(message)) == 0 {
		return nil, fmt.Errorf("review mark: the message has no %s line", ReviewTrailer)
	}
	cfg, err := r.checkCommit(true)
	if err != nil {
		return nil, err
	}
	return r.runCommit(ctx, cfg, message, []string{"--allow-empty", "--cleanup=strip"}, nil, func() {})
}
