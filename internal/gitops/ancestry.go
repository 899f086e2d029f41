package gitops

import "github.com/go-git/go-git/v5/plumbing"

// Ancestry answers, with a memory, whether one commit descends from
// another; many pairs of postings share the same few commits.
type Ancestry struct {
	r    *Repo
	memo map[[2]plumbing.Hash]bool
}

// NewAncestry starts an empty memory over r's commits.
func (r *Repo) NewAncestry() *Ancestry {
	return &Ancestry{r: r, memo: map[[2]plumbing.Hash]bool{}}
}

// Before reports whether the commit of older is an ancestor of the commit
// of newer (false when either cannot be read).
func (a *Ancestry) Before(older, newer *Change) bool {
	k := [2]plumbing.Hash{older.Hash, newer.Hash}
	if v, ok := a.memo[k]; ok {
		return v
	}
	v := false
	co, err1 := a.r.Git.CommitObject(older.Hash)
	cn, err2 := a.r.Git.CommitObject(newer.Hash)
	if err1 == nil && err2 == nil {
		ok, err := co.IsAncestor(cn)
		v = err == nil && ok
	}
	a.memo[k] = v
	return v
}
