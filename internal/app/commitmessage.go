package app

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// maxSubject is where a commit subject stops being read as one line (git's
// own advice is 50 to 72 characters); past it the details go in the body.
const maxSubject = 72

// PendingMessage is the default message for committing files, built from
// exactly those files: a subject, then, when there is more to say than a
// subject holds, a blank line and a line per posting. A posting all of whose
// files are new is added ("Add posting key: English title / French title");
// the others are updated ("Update posting key: title, description (fr)").
func PendingMessage(cat *model.Catalog, files []gitops.PendingFile) string {
	keys, byKey := pendingByPosting(files)
	if len(keys) == 1 {
		return onePostingMessage(cat.Site.Langs, keys[0], byKey[keys[0]])
	}
	return postingsMessage(cat.Site.Langs, keys, byKey)
}

// pendingPosting is what a commit changes in one posting: the fields by
// language, its title in each, and whether all its files are new.
type pendingPosting struct {
	langs  map[string][]string
	titles map[string]string
	allNew bool
}

// pendingByPosting gathers files by posting (translation key, else the
// file's path without its extension), the keys sorted.
func pendingByPosting(files []gitops.PendingFile) ([]string, map[string]*pendingPosting) {
	byKey := map[string]*pendingPosting{}
	var keys []string
	for _, f := range files {
		k := f.Posting.TranslationKey
		if k == "" {
			k = strings.TrimSuffix(f.Posting.Rel, path.Ext(f.Posting.Rel))
		}
		k = oneLine(k) // quoted in the message
		e := byKey[k]
		if e == nil {
			e = &pendingPosting{langs: map[string][]string{}, titles: map[string]string{}, allNew: true}
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
	return keys, byKey
}

// describe is a new posting's titles ("EN title / FR title") or an updated
// one's fields by language ("title (en); title, description (fr)").
func (e *pendingPosting) describe(langs []string) string {
	var parts []string
	for _, l := range langs {
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

// onePostingMessage is the message for one posting: a subject that says it
// all, or a shorter one and a line per language.
func onePostingMessage(langs []string, key string, e *pendingPosting) string {
	verb := "Update posting "
	if e.allNew {
		verb = "Add posting "
	}
	if subject := verb + key + ": " + e.describe(langs); len([]rune(subject)) <= maxSubject {
		return subject
	}
	var b strings.Builder
	b.WriteString(verb + key + "\n\n")
	for _, l := range langs {
		if e.allNew && e.titles[l] != "" {
			b.WriteString("- " + l + ": " + e.titles[l] + "\n")
		} else if fs := e.langs[l]; !e.allNew && len(fs) > 0 {
			b.WriteString("- " + l + ": " + strings.Join(uniq(fs), ", ") + "\n")
		}
	}
	return b.String()
}

// postingsMessage is the message for several postings: how many are added
// and updated (and their keys, when they fit), then a line for each.
func postingsMessage(langs []string, keys []string, byKey map[string]*pendingPosting) string {
	added, updated := 0, 0
	for _, k := range keys {
		if byKey[k].allNew {
			added++
		} else {
			updated++
		}
	}
	var verb string
	switch {
	case updated == 0:
		verb = fmt.Sprintf("Add %d postings", added)
	case added == 0:
		verb = fmt.Sprintf("Update %d postings", updated)
	default: // "Add 1 posting and update 1 posting", not "Add 1 and update 1 postings"
		verb = "Add " + postingsCount(added) + " and update " + postingsCount(updated)
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
			b.WriteString("- " + k + " (new): " + e.describe(langs) + "\n")
		} else {
			b.WriteString("- " + k + ": " + e.describe(langs) + "\n")
		}
	}
	return b.String()
}

// postingsCount is "1 posting" or "n postings".
func postingsCount(n int) string {
	if n == 1 {
		return "1 posting"
	}
	return fmt.Sprintf("%d postings", n)
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
