package gitops

import (
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// changesMemo is LastChanges' last answer, in memory on the Repo: when
// HEAD has moved on by a few commits of one parent each (a commit, a
// review mark, a fast-forward pull of such commits), the new answer is
// the old one with the paths those commits changed: `git log -1 -- PATH`
// from the new HEAD meets them first, then goes on as from the old HEAD.
type changesMemo struct {
	mu      sync.Mutex
	head    plumbing.Hash
	key     string // the paths
	changes map[string]*Change
}

// maxLinearSteps bounds the commits looked at before a full walk.
const maxLinearSteps = 64

func cloneChanges(m map[string]*Change) map[string]*Change {
	out := make(map[string]*Change, len(m))
	for p, c := range m {
		cc := *c
		out[p] = &cc
	}
	return out
}

func (m *changesMemo) remember(head plumbing.Hash, key string, changes map[string]*Change) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.head, m.key, m.changes = head, key, cloneChanges(changes)
}

// since is the answer for head made from the last one, false when HEAD
// did not move on from it by commits of one parent each.
func (r *Repo) changesSince(head plumbing.Hash, key string, paths []string) (map[string]*Change, bool) {
	m := &r.changes
	m.mu.Lock()
	old, oldChanges := m.head, m.changes
	ok := !old.IsZero() && m.key == key
	m.mu.Unlock()
	if !ok {
		return nil, false
	}
	if head == old {
		return cloneChanges(oldChanges), true
	}
	w := newHistWalker(r.Git, nil, paths)
	var chain []plumbing.Hash // newest first
	for h := head; h != old; {
		n, err := w.node(h)
		if err != nil || len(n.parents) != 1 || len(chain) == maxLinearSteps {
			return nil, false
		}
		chain = append(chain, h)
		h = n.parents[0]
	}
	hn, err := w.node(head)
	if err != nil {
		return nil, false
	}
	todo, _ := w.present(hn)
	out := map[string]*Change{}
	resolved := map[plumbing.Hash]pathSet{}
	for _, c := range chain {
		n, err := w.node(c)
		if err != nil {
			return nil, false
		}
		pn, err := w.node(n.parents[0])
		if err != nil {
			return nil, false
		}
		mine, theirs := w.dirHashes(n.tree), w.dirHashes(pn.tree)
		diff := newPathSet(len(paths))
		for k := range w.dirs {
			if mine[k] != theirs[k] {
				w.differing(k, mine[k], theirs[k], diff)
			}
		}
		same := todo.clone()
		same.andNot(diff)
		changed := todo.clone()
		changed.andNot(same)
		if !changed.empty() {
			resolved[c] = changed
			changed.each(func(i int) { out[paths[i]] = &Change{Hash: c, When: n.when} })
		}
		todo = same
	}
	if w.failed.take() != nil {
		return nil, false // a tree it could not read: the full walk says so
	}
	missing := false
	todo.each(func(i int) {
		c, ok := oldChanges[paths[i]]
		if !ok {
			missing = true // cannot be: a path new since old was changed by a commit
			return
		}
		cc := *c
		out[paths[i]] = &cc
	})
	if missing || describeChanges(r.Git.CommitObject, resolved, paths, out) != nil {
		return nil, false
	}
	return out, true
}
