package gitops

import (
	"container/heap"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/jobtui/jobtui/internal/model"
)

// Change is the last commit that changed a file.
type Change struct {
	Hash    plumbing.Hash `json:"hash"`
	When    time.Time     `json:"when"`
	Subject string        `json:"subject"`
	Author  string        `json:"author"`
}

// LastChanges finds, for every path (repository-relative), the last commit
// that changed it, as `git log -1 -- <path>` reports it with git's default
// history simplification: at a merge, a path the same as in one parent
// follows that parent only, and a commit changes a path when it differs from
// every parent. It is one walk from HEAD for all the paths, newest commits
// first, comparing folder tree hashes before files and stopping once every
// path is resolved. Paths not in HEAD are left out. Results are cached under
// the git folder, keyed by HEAD and the paths.
func (r *Repo) LastChanges(paths []string) (map[string]*Change, error) {
	head, err := r.Git.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return map[string]*Change{}, nil
	}
	if err != nil {
		return nil, err
	}
	key := historyCacheKey(head.Hash(), paths)
	if cached, ok := r.readHistoryCache(key); ok {
		return cached, nil
	}
	repo, done := r.walkRepo()
	out, err := lastChanges(repo, head.Hash(), paths)
	done()
	if err != nil {
		return nil, err
	}
	r.writeHistoryCache(key, out)
	return out, nil
}

type histKey struct {
	tree plumbing.Hash
	path string
}

// histWalker resolves paths in trees, caching trees by hash.
type histWalker struct {
	repo    *git.Repository
	trees   map[plumbing.Hash]*object.Tree
	commits map[plumbing.Hash]*object.Commit
	lookups map[histKey]plumbing.Hash // (tree, path) -> entry hash
}

func (w *histWalker) commit(h plumbing.Hash) (*object.Commit, error) {
	if c, ok := w.commits[h]; ok {
		return c, nil
	}
	c, err := w.repo.CommitObject(h)
	if err != nil {
		return nil, err
	}
	w.commits[h] = c
	return c, nil
}

// entry is the hash of path (a file or folder) in tree, zero when absent.
func (w *histWalker) entry(tree plumbing.Hash, p string) plumbing.Hash {
	if p == "" || p == "." {
		return tree
	}
	k := histKey{tree, p}
	if h, ok := w.lookups[k]; ok {
		return h
	}
	parent := w.entry(tree, path.Dir(p))
	var h plumbing.Hash
	if !parent.IsZero() {
		t, ok := w.trees[parent]
		if !ok {
			var err error
			if t, err = w.repo.TreeObject(parent); err != nil {
				t = nil
			}
			w.trees[parent] = t
		}
		if t != nil {
			name := path.Base(p)
			for _, e := range t.Entries {
				if e.Name == name && (e.Mode != filemode.Submodule) {
					h = e.Hash
					break
				}
			}
		}
	}
	w.lookups[k] = h
	return h
}

// same tells whether path is the same in two trees, comparing the folders
// above it first (a shared folder hash settles every file below it).
func (w *histWalker) same(a, b plumbing.Hash, p string) bool {
	if a == b {
		return true
	}
	if d := path.Dir(p); d != "." && w.entry(a, d) == w.entry(b, d) {
		return true
	}
	return w.entry(a, p) == w.entry(b, p)
}

type histItem struct {
	hash  plumbing.Hash
	when  time.Time
	paths map[string]bool
}

type histQueue []*histItem

func (q histQueue) Len() int           { return len(q) }
func (q histQueue) Less(i, j int) bool { return q[i].when.After(q[j].when) }
func (q histQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *histQueue) Push(x any)        { *q = append(*q, x.(*histItem)) }
func (q *histQueue) Pop() any          { old := *q; it := old[len(old)-1]; *q = old[:len(old)-1]; return it }

func lastChanges(repo *git.Repository, head plumbing.Hash, paths []string) (map[string]*Change, error) {
	w := &histWalker{repo: repo, trees: map[plumbing.Hash]*object.Tree{}, commits: map[plumbing.Hash]*object.Commit{}, lookups: map[histKey]plumbing.Hash{}}
	out := map[string]*Change{}
	hc, err := w.commit(head)
	if err != nil {
		return nil, err
	}
	start := map[string]bool{}
	for _, p := range paths {
		if !w.entry(hc.TreeHash, p).IsZero() {
			start[p] = true
		}
	}
	if len(start) == 0 {
		return out, nil
	}
	q := &histQueue{}
	queued := map[plumbing.Hash]*histItem{}
	push := func(c *object.Commit, ps map[string]bool) {
		if it, ok := queued[c.Hash]; ok {
			for p := range ps {
				it.paths[p] = true
			}
			return
		}
		it := &histItem{hash: c.Hash, when: c.Committer.When, paths: ps}
		queued[c.Hash] = it
		heap.Push(q, it)
	}
	push(hc, start)
	for q.Len() > 0 && len(out) < len(start) {
		it := heap.Pop(q).(*histItem)
		delete(queued, it.hash)
		c, err := w.commit(it.hash)
		if err != nil {
			return nil, err
		}
		var parents []*object.Commit
		for _, ph := range c.ParentHashes {
			pc, err := w.commit(ph)
			if err != nil {
				return nil, err
			}
			parents = append(parents, pc)
		}
		follow := make([]map[string]bool, len(parents))
		for p := range it.paths {
			if _, done := out[p]; done {
				continue
			}
			treesame := -1
			for i, pc := range parents {
				if w.same(c.TreeHash, pc.TreeHash, p) {
					treesame = i
					break
				}
			}
			if treesame < 0 {
				out[p] = &Change{Hash: c.Hash, When: c.Committer.When, Subject: strings.SplitN(c.Message, "\n", 2)[0], Author: c.Author.Name}
				continue
			}
			if follow[treesame] == nil {
				follow[treesame] = map[string]bool{}
			}
			follow[treesame][p] = true
		}
		for i, ps := range follow {
			if len(ps) > 0 {
				push(parents[i], ps)
			}
		}
	}
	return out, nil
}

// walkRepo opens the object store for a long walk: go-git otherwise opens
// the pack file again for every object it reads (measured: a third of the
// walk in open and lstat calls). done closes the kept descriptors; a
// repository that cannot be opened this way is walked as is.
func (r *Repo) walkRepo() (repo *git.Repository, done func()) {
	st := filesystem.NewStorageWithOptions(osfs.New(r.GitDir), cache.NewObjectLRU(256*cache.MiByte), filesystem.Options{KeepDescriptors: true})
	repo, err := git.Open(st, nil)
	if err == nil {
		_, err = repo.Head()
	}
	if err != nil {
		st.Close()
		return r.Git, func() {}
	}
	return repo, func() { st.Close() }
}

func historyCacheKey(head plumbing.Hash, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	h := sha256.New()
	h.Write([]byte(head.String()))
	for _, p := range sorted {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

type historyCache struct {
	Key     string             `json:"key"`
	Changes map[string]*Change `json:"changes"`
}

func (r *Repo) historyCachePath() string {
	return filepath.Join(r.GitDir, "jobtui", "history-cache.json")
}

func (r *Repo) readHistoryCache(key string) (map[string]*Change, bool) {
	data, err := os.ReadFile(r.historyCachePath())
	if err != nil {
		return nil, false
	}
	var c historyCache
	if json.Unmarshal(data, &c) != nil || c.Key != key || c.Changes == nil {
		return nil, false
	}
	return c.Changes, true
}

// writeHistoryCache stores the result; a cache that cannot be written only
// costs speed next time.
func (r *Repo) writeHistoryCache(key string, changes map[string]*Change) {
	data, err := json.Marshal(historyCache{Key: key, Changes: changes})
	if err != nil {
		return
	}
	p := r.historyCachePath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	model.WriteFileAtomic(p, data, [32]byte{})
}
