package gitops

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

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
	for _, p := range postings {
		rp, err := r.RepoPath(p.Abs)
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

// PendingMessage is the default message for committing files:
// "Update posting <key>: title, description (fr)".
func PendingMessage(cat *model.Catalog, files []PendingFile) string {
	type entry struct{ langs map[string][]string }
	byKey := map[string]*entry{}
	var keys []string
	for _, f := range files {
		k := f.Posting.TranslationKey
		if k == "" {
			k = strings.TrimSuffix(f.Posting.Rel, ".md")
		}
		e := byKey[k]
		if e == nil {
			e = &entry{langs: map[string][]string{}}
			byKey[k] = e
			keys = append(keys, k)
		}
		fields := f.Fields
		if len(fields) == 0 {
			fields = []string{"new"}
			if f.State != StateUntracked {
				fields = []string{"file"}
			}
		}
		e.langs[f.Posting.Lang] = append(e.langs[f.Posting.Lang], fields...)
	}
	sort.Strings(keys)
	describe := func(e *entry) string {
		var parts []string
		for _, l := range cat.Site.Langs {
			if fs := e.langs[l]; len(fs) > 0 {
				parts = append(parts, strings.Join(uniq(fs), ", ")+" ("+l+")")
			}
		}
		return strings.Join(parts, "; ")
	}
	if len(keys) == 1 {
		return "Update posting " + keys[0] + ": " + describe(byKey[keys[0]])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Update %d postings: %s\n\n", len(keys), strings.Join(keys, ", "))
	for _, k := range keys {
		b.WriteString("- " + k + ": " + describe(byKey[k]) + "\n")
	}
	return b.String()
}

// uniq drops repeated strings, keeping the first of each in order.
func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// CommitPending commits the given posting files (repository paths; all
// pending ones when empty) with message (the default one when empty).
func CommitPending(r *Repo, cat *model.Catalog, repoPaths []string, message string) (*CommitResult, error) {
	pending, err := PendingPostings(r, cat)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, p := range repoPaths {
		want[p] = true
	}
	var chosen []PendingFile
	var paths []string
	for _, f := range pending {
		if len(repoPaths) == 0 || want[f.RepoPath] {
			chosen = append(chosen, f)
			paths = append(paths, f.RepoPath)
		}
	}
	if len(chosen) == 0 {
		return nil, ErrNothingToCommit
	}
	if message == "" {
		message = PendingMessage(cat, chosen)
	}
	return r.CommitPaths(paths, message)
}
