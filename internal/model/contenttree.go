package model

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The content tree: every content mount walked into one tree of folders,
// as Hugo's overlay file system merges them (hugofs/rootmapping_fs.go,
// hugofs/filter_fs.go), each file with its language and weight.

// entry is a file of a folder of the merged content tree.
type entry struct {
	name, abs, site string
	lang            string
	base            string // name without language nor extension
	baseExt         string // name without language
	weight          int
	mount           int
	class           fileClass
}

// mergedDir is one folder of the content tree, all mounts together.
type mergedDir struct {
	files []*entry
	dirs  map[string]bool
}

func classOrder(c fileClass) int {
	switch c {
	case classBranch:
		return 0
	case classLeaf:
		return 1
	case classContent:
		return 2
	}
	return 3
}

// contentTree is the content mounts merged into one tree: its folders by
// their path in it ("." for the top).
type contentTree map[string]*mergedDir

// dir is the folder at p, made empty when the tree has none yet.
func (t contentTree) dir(p string) *mergedDir {
	d := t[p]
	if d == nil {
		d = &mergedDir{dirs: map[string]bool{}}
		t[p] = d
	}
	return d
}

// addDir puts the folder at p in the tree, and in each of its parents.
func (t contentTree) addDir(p string) {
	t.dir(p)
	for dir := p; dir != "."; {
		parent := path.Dir(dir)
		t.dir(parent).dirs[dir] = true
		dir = parent
	}
}

// mergeMounts walks every content mount into one tree; found is how many
// of the mounts' folders exist. Each mount is walked on its own goroutine
// (a site's languages are often mounts of their own), into a tree of its
// own; the trees are then merged in the mounts' order, as one walk after
// the other would have made them.
func (s *Site) mergeMounts() (tree contentTree, found int, err error) {
	trees := make([]contentTree, len(s.Mounts))
	errs := make([]error, len(s.Mounts))
	var wg sync.WaitGroup
	for i, m := range s.Mounts {
		srcAbs := s.Abs(m.Source)
		if path.IsAbs(m.Source) {
			srcAbs = filepath.FromSlash(m.Source)
		}
		st, err := os.Stat(srcAbs)
		if err != nil || !st.IsDir() {
			continue
		}
		found++
		trees[i] = contentTree{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.addMount(trees[i], i, srcAbs)
		}()
	}
	wg.Wait()
	if found == 1 {
		for i, t := range trees {
			if t != nil {
				return t, found, errs[i]
			}
		}
	}
	tree = contentTree{}
	for i, t := range trees {
		if errs[i] != nil {
			return nil, found, errs[i]
		}
		tree.merge(t)
	}
	return tree, found, nil
}

// merge adds the folders and files of other after t's own.
func (t contentTree) merge(other contentTree) {
	for p, d := range other {
		into := t.dir(p)
		into.files = append(into.files, d.files...)
		for sub := range d.dirs {
			into.dirs[sub] = true
		}
	}
}

// addMount walks the folder of mount i, srcAbs, into the tree, leaving out
// what Hugo ignores and what is neither a folder nor a regular file (a
// symbolic link counts as what it points to).
func (s *Site) addMount(tree contentTree, i int, srcAbs string) error {
	m := s.Mounts[i]
	return filepath.WalkDir(srcAbs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == srcAbs {
				return filepath.SkipDir
			}
			return err
		}
		rel := relUnder(srcAbs, p)
		if p != srcAbs && (ignoredName(d.Name()) || s.ignored(p)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		treePath := cleanRel(joinUnder(m.Target, rel))
		if d.IsDir() {
			tree.addDir(treePath)
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		e := s.mountEntry(i, d.Name(), p, filepath.ToSlash(joinUnder(m.Source, rel)))
		dir := tree.dir(path.Dir(treePath))
		dir.files = append(dir.files, e)
		return nil
	})
}

// relUnder is filepath.Rel(root, p), slash-separated, for a path p of a
// walk of root: its tail after root and a separator, when that is clean.
func relUnder(root, p string) string {
	if len(p) > len(root)+1 && p[:len(root)] == root && p[len(root)] == filepath.Separator {
		tail := p[len(root)+1:]
		if filepath.Separator == '/' && isCleanRel(tail) {
			return tail
		}
		if filepath.Clean(tail) == tail && !filepath.IsAbs(tail) && tail != ".." && !strings.HasPrefix(tail, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(tail)
		}
	}
	rel, _ := filepath.Rel(root, p)
	return filepath.ToSlash(rel)
}

// joinUnder is path.Join(dir, rel) for a rel a walk gives (clean, below
// dir): rel itself or one string, where Join makes two.
func joinUnder(dir, rel string) string {
	if isCleanRel(rel) { // most of a walk's: no path.Clean
		if dir == "" || dir == "." {
			return rel
		}
		if isCleanRel(dir) {
			return dir + "/" + rel
		}
	}
	if rel == "" || rel == ".." || path.IsAbs(rel) || strings.HasPrefix(rel, "../") || path.Clean(rel) != rel {
		return path.Join(dir, rel)
	}
	if dir == "" || dir == "." {
		return rel
	}
	if rel == "." || dir == "/" || path.Clean(dir) != dir {
		return path.Join(dir, rel)
	}
	return dir + "/" + rel
}

// mountEntry is the file name of mount i, at abs and at site in the site:
// its language from its name, else the mount's (else the default), and its
// weight. Earlier mounts weigh more; a file naming its mount's language one
// more (hugolib/filesystems/basefs.go, hugofs/filter_fs.go).
func (s *Site) mountEntry(i int, name, abs, site string) *entry {
	mountLang := s.Mounts[i].Lang
	if mountLang == "" {
		mountLang = s.DefaultLang
	}
	e := &entry{name: name, abs: abs, site: site, mount: i, weight: 10 * (len(s.Mounts) - i), lang: mountLang}
	fileLang, base, baseExt := langOfName(s.knownLangs, name)
	e.base, e.baseExt = base, baseExt
	if fileLang != "" {
		if fileLang == mountLang {
			e.weight++
		}
		e.lang = fileLang
	}
	e.class = classify(name, abs)
	return e
}

// sorted orders the folder's files as Hugo's walk does: bundle headers
// first, then content, then other files; the heavier first; by name. Two
// mounts may give one language the same file: the first is the one
// (pages_capture.go: duplicates).
func (d *mergedDir) sorted() []*entry {
	sort.SliceStable(d.files, func(i, j int) bool {
		a, b := d.files[i], d.files[j]
		if ca, cb := classOrder(a.class), classOrder(b.class); ca != cb {
			return ca < cb
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.name < b.name
	})
	seen := make(map[langName]bool, len(d.files))
	files := make([]*entry, 0, len(d.files))
	for _, e := range d.files {
		k := langName{e.lang, e.baseExt}
		if !seen[k] {
			seen[k] = true
			files = append(files, e)
		}
	}
	return files
}

// langName is a language and a name in it.
type langName struct{ lang, name string }

// subdirs are the folder's sub-folders, sorted.
func (d *mergedDir) subdirs() []string {
	subs := make([]string, 0, len(d.dirs))
	for sub := range d.dirs {
		subs = append(subs, sub)
	}
	sort.Strings(subs)
	return subs
}

// isCleanRel reports whether p is a relative path path.Clean leaves as it
// is, with no "." or ".." in it: its parts, between single slashes, are
// names. Two such paths joined by a slash are one.
func isCleanRel(p string) bool {
	for { // from slash to slash (IndexByte), not byte by byte
		i := strings.IndexByte(p, '/')
		part := p
		if i >= 0 {
			part = p[:i]
		}
		if part == "" || part == "." || part == ".." {
			return false
		}
		if i < 0 {
			return true
		}
		p = p[i+1:]
	}
}
