package gitops

import (
	"reflect"

	"github.com/jobtui/jobtui/internal/model"
)

// PendingFile is a posting file with uncommitted edits.
type PendingFile struct {
	Posting  *model.Posting
	RepoPath string
	State    FileState
	Fields   []string // front matter keys that differ from HEAD, and "body"
}

// postingStates is the git state of each posting file, keyed by
// repository path, with the postings by the same key. A file outside the
// repository is an error, or left out with skipOutside.
func postingStates(r *Repo, postings []*model.Posting, skipOutside bool) (states map[string]FileState, byRepo map[string]*model.Posting, paths []string, err error) {
	byRepo = map[string]*model.Posting{}
	dirs := map[string]string{} // each folder's symbolic links resolved once
	for _, p := range postings {
		rp, err := r.repoPath(p.Abs, dirs)
		if err != nil && skipOutside {
			continue
		}
		if err != nil {
			return nil, nil, nil, err
		}
		byRepo[rp] = p
		paths = append(paths, rp)
	}
	states, err = r.States(paths)
	return states, byRepo, paths, err
}

// PostingStates is the git state of each posting file, keyed by the
// posting's site path (files git knows nothing of, or outside the
// repository, are left out).
func PostingStates(r *Repo, postings []*model.Posting) (map[string]FileState, error) {
	states, byRepo, _, err := postingStates(r, postings, true)
	if err != nil {
		return nil, err
	}
	out := make(map[string]FileState, len(states))
	for rp, s := range states {
		out[byRepo[rp].Path] = s
	}
	return out, nil
}

// PendingPostings lists the posting files that differ from HEAD (edited,
// staged or new), with what changed in each.
func PendingPostings(r *Repo, cat *model.Catalog) ([]PendingFile, error) {
	states, byRepo, paths, err := postingStates(r, cat.Postings, false)
	if err != nil {
		return nil, err
	}
	tree, _, err := r.headTree()
	if err != nil {
		return nil, err
	}
	var out []PendingFile
	for _, rp := range paths {
		st, ok := states[rp]
		if !ok || st == StateUnchanged {
			continue
		}
		pf := PendingFile{Posting: byRepo[rp], RepoPath: rp, State: st}
		var old *model.Document
		if tree != nil {
			if f, err := tree.File(rp); err == nil {
				if s, err := f.Contents(); err == nil {
					old, _ = model.Parse([]byte(s))
				}
			}
		}
		pf.Fields = changedFields(old, pf.Posting.Doc)
		out = append(out, pf)
	}
	return out, nil
}

// changedFields lists the front matter keys whose values differ, in the
// file's order, then "body".
func changedFields(old, cur *model.Document) []string {
	if old == nil || cur == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, k := range append(cur.Keys(), old.Keys()...) {
		if seen[k] {
			continue
		}
		seen[k] = true
		a, _ := old.Value(k)
		b, _ := cur.Value(k)
		if !reflect.DeepEqual(a, b) {
			out = append(out, k)
		}
	}
	if string(old.Body()) != string(cur.Body()) {
		out = append(out, "body")
	}
	return out
}
