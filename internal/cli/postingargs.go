package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/jobtui/jobtui/internal/model"
)

// postingArgs turns the postings named on the command line into the names
// app takes: a key stays as it is, and so does a path from the site's root
// or a file's bare name; a file as the shell's completion gives it (from
// the current folder, "./", absolute, from inside the site) becomes its
// path from the site's root.
func postingArgs(site *model.Site, args []string) []string {
	out := make([]string, len(args))
	for i, arg := range args {
		out[i] = arg
		if _, err := os.Lstat(arg); err != nil && !filepath.IsAbs(arg) {
			continue // not a file from here: a key, or a name app finds
		}
		abs, err := filepath.Abs(arg)
		if err != nil {
			continue
		}
		if rel, ok := inside(site.Root, abs); ok {
			out[i] = rel
		}
	}
	return out
}

// inside is abs as a slash-separated path from root, when it lies inside
// root; either may reach it through a symbolic link (/tmp on macOS).
func inside(root, abs string) (string, bool) {
	if rel, ok := relIn(root, abs); ok {
		return rel, true
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", false
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs)) // the file itself may be a link the site holds
	if err != nil {
		return "", false
	}
	return relIn(realRoot, filepath.Join(dir, filepath.Base(abs)))
}

func relIn(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
