package app

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// PendingResult is what waits to be committed.
type PendingResult struct {
	Files   []gitops.PendingFile
	Message string // the default commit message for all of Files
}

// Pending lists the posting files of site that differ from HEAD (edited,
// staged or new), with what changed in each and a default message.
func Pending(r *gitops.Repo, site *model.Site) (*PendingResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	files, err := gitops.PendingPostings(r, cat)
	if err != nil {
		return nil, err
	}
	return &PendingResult{Files: files, Message: PendingMessage(cat, files)}, nil
}

// Commit commits the given posting files (repository paths; all pending
// ones when empty) with message (the default one when empty). Nothing to
// commit is gitops.ErrNothingToCommit.
func Commit(r *gitops.Repo, site *model.Site, repoPaths []string, message string) (*gitops.CommitResult, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	chosen, err := choosePending(r, cat, repoPaths)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(chosen))
	for i, f := range chosen {
		paths[i] = f.RepoPath
	}
	if message == "" {
		message = PendingMessage(cat, chosen)
	}
	return r.CommitPaths(paths, message)
}

// maxSubject is where a commit subject stops being read as one line (git's
// own advice is 50 to 72 characters); past it the details go in the body.
const maxSubject = 72

// PendingMessage is the default message for committing files, built from
// exactly those files: a subject, then, when there is more to say than a
// subject holds, a blank line and a line per posting. A posting all of whose
// files are new is added ("Add posting key: English title / French title");
// the others are updated ("Update posting key: title, description (fr)").
func PendingMessage(cat *model.Catalog, files []gitops.PendingFile) string {
	type entry struct {
		langs  map[string][]string
		titles map[string]string
		allNew bool
	}
	byKey := map[string]*entry{}
	var keys []string
	for _, f := range files {
		k := f.Posting.TranslationKey
		if k == "" {
			k = strings.TrimSuffix(f.Posting.Rel, path.Ext(f.Posting.Rel))
		}
		e := byKey[k]
		if e == nil {
			e = &entry{langs: map[string][]string{}, titles: map[string]string{}, allNew: true}
			byKey[k] = e
			keys = append(keys, k)
		}
		if f.State != gitops.StateUntracked {
			e.allNew = false
		}
		if _, ok := e.titles[f.Posting.Lang]; !ok {
			e.titles[f.Posting.Lang] = oneLine(f.Posting.Title)
		}
		fields := f.Fields
		if len(fields) == 0 {
			fields = []string{"new"}
			if f.State != gitops.StateUntracked {
				fields = []string{"file"}
			}
		}
		e.langs[f.Posting.Lang] = append(e.langs[f.Posting.Lang], fields...)
	}
	sort.Strings(keys)
	describe := func(e *entry) string {
		var parts []string
		for _, l := range cat.Site.Langs {
			if e.allNew {
				if t := e.titles[l]; t != "" {
					parts = append(parts, t)
				}
				continue
			}
			if fs := e.langs[l]; len(fs) > 0 {
				parts = append(parts, strings.Join(uniq(fs), ", ")+" ("+l+")")
			}
		}
		if e.allNew {
			return strings.Join(parts, " / ")
		}
		return strings.Join(parts, "; ")
	}
	added, updated := 0, 0
	for _, k := range keys {
		if byKey[k].allNew {
			added++
		} else {
			updated++
		}
	}
	if len(keys) == 1 {
		e := byKey[keys[0]]
		verb := "Update posting "
		if e.allNew {
			verb = "Add posting "
		}
		if subject := verb + keys[0] + ": " + describe(e); len([]rune(subject)) <= maxSubject {
			return subject
		}
		var b strings.Builder
		b.WriteString(verb + keys[0] + "\n\n")
		for _, l := range cat.Site.Langs {
			if e.allNew && e.titles[l] != "" {
				b.WriteString("- " + l + ": " + e.titles[l] + "\n")
			} else if fs := e.langs[l]; !e.allNew && len(fs) > 0 {
				b.WriteString("- " + l + ": " + strings.Join(uniq(fs), ", ") + "\n")
			}
		}
		return b.String()
	}
	var verb string
	switch {
	case updated == 0:
		verb = fmt.Sprintf("Add %d postings", added)
	case added == 0:
		verb = fmt.Sprintf("Update %d postings", updated)
	default:
		verb = fmt.Sprintf("Add %d and update %d postings", added, updated)
	}
	subject := verb + ": " + strings.Join(keys, ", ")
	if len([]rune(subject)) > maxSubject {
		subject = verb
	}
	var b strings.Builder
	b.WriteString(subject + "\n\n")
	for _, k := range keys {
		e := byKey[k]
		if e.allNew {
			b.WriteString("- " + k + " (new): " + describe(e) + "\n")
		} else {
			b.WriteString("- " + k + ": " + describe(e) + "\n")
		}
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

// choosePending is the edited posting files at repoPaths (all when empty);
// a path the user named that is not an edited posting is an error that
// names it, since committing the others silently would not be what was
// asked; none at all is gitops.ErrNothingToCommit.
func choosePending(r *gitops.Repo, cat *model.Catalog, repoPaths []string) ([]gitops.PendingFile, error) {
	pending, err := gitops.PendingPostings(r, cat)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, p := range repoPaths {
		want[p] = true
	}
	var chosen []gitops.PendingFile
	for _, f := range pending {
		if len(repoPaths) == 0 || want[f.RepoPath] {
			chosen = append(chosen, f)
			delete(want, f.RepoPath)
		}
	}
	if len(want) > 0 {
		var missing []string
		for _, p := range repoPaths {
			if want[p] {
				missing = append(missing, p)
			}
		}
		return nil, &gitops.Error{Kind: gitops.KindNotPending, Paths: missing}
	}
	if len(chosen) == 0 {
		return nil, gitops.ErrNothingToCommit
	}
	return chosen, nil
}
