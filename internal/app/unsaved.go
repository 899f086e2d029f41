package app

import (
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Unsaved counts the posting files of site that differ from HEAD (edited,
// staged or new) as they are on disk now. The files are listed, not read:
// it answers in a few milliseconds where a screen has not yet read the
// git states of its postings (the app's quit, just after the start).
func Unsaved(r *gitops.Repo, site *model.Site) (int, error) {
	files, err := model.PostingFiles(site)
	if err != nil {
		return 0, err
	}
	repoPath := r.RepoPaths()
	paths := make([]string, 0, len(files))
	for _, f := range files {
		if rp, err := repoPath(f.Abs); err == nil { // outside the repository: git knows nothing of it
			paths = append(paths, rp)
		}
	}
	states, err := r.States(paths)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, st := range states {
		if st != gitops.StateUnchanged {
			n++
		}
	}
	return n, nil
}
