// Package demo holds the embedded demo site: a dozen bilingual postings that
// show every check, with a short git history.
package demo

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

//go:embed all:site all:history
var files embed.FS

// ErrNotEmpty is returned when the target folder already holds files.
var ErrNotEmpty = errors.New("the folder is not empty")

// StaleKey is the posting whose English side changed after its French one in
// the demo's history.
const StaleKey = "product-manager"

// Author is the fixed author of the demo's commits, so that the demo works
// where no git identity is configured.
var Author = object.Signature{Name: "jobtui demo", Email: "demo@jobtui.invalid"}

// Write puts the demo site into dir (new or empty), makes it a git
// repository on branch main and commits it in two steps: the whole site, then
// a later change of one English posting whose French twin is left behind.
func Write(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("demo %s: %w", dir, ErrNotEmpty)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("demo %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo %s: %w", dir, err)
	}
	// First state: the site with the earlier versions from history/.
	if err := copyTree(files, "site", dir); err != nil {
		return err
	}
	if err := copyTree(files, "history", dir); err != nil {
		return err
	}
	s, err := initRepo(dir)
	if err != nil {
		return fmt.Errorf("demo git init: %w", err)
	}
	day := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	first, err := commitAll(s, dir, at(Author, day), "Add the careers site with its postings", plumbing.ZeroHash)
	if err != nil {
		return fmt.Errorf("demo commit: %w", err)
	}
	// Later: the English product manager posting changes, the French does not.
	if err := copyTree(files, "site", dir); err != nil {
		return err
	}
	if _, err := commitAll(s, dir, at(Author, day.AddDate(0, 0, 9)), "Update posting "+StaleKey+": body (en)", first); err != nil {
		return fmt.Errorf("demo commit: %w", err)
	}
	return nil
}

// copyTree writes the embedded folder src into dir, over what is there.
func copyTree(fsys fs.FS, src, dir string) error {
	return fs.WalkDir(fsys, src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// Go cannot embed a file whose name holds a typographic apostrophe,
		// which French file names use: it is stored as _rsquo_.
		rel := filepath.FromSlash(strings.ReplaceAll(path.Clean(p[len(src):]), "_rsquo_", "’"))
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
