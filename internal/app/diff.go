package app

import (
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
)

// Diff is the unified diff against HEAD of each file (absolute paths), one
// after the other, empty for an unchanged file.
func Diff(r *gitops.Repo, abs []string) (string, error) {
	var b strings.Builder
	for _, f := range abs {
		rp, err := r.RepoPath(f)
		if err != nil {
			return "", err
		}
		d, err := gitops.DiffFile(r, rp)
		if err != nil {
			return "", err
		}
		b.WriteString(d)
	}
	return b.String(), nil
}
