package model

import (
	"bufio"
	"errors"
	"os"
	"path"
	"strings"
	"unicode"
)

// This file finds a site's pages the way Hugo 0.111 does
// (hugofs/filter_fs.go, hugofs/files/classifier.go, hugolib/pages_capture.go,
// hugolib/page.go): the content mounts merged into one tree, each file's
// language from its name (about.fr.md) or else its mount, the first mount
// winning when two give a language the same file, leaf bundles (index.*)
// whose other files are resources, and each page's translation key.

// Kinds of page, as Hugo names them.
const (
	KindPage     = "page"
	KindSection  = "section"
	KindHome     = "home"
	KindTaxonomy = "taxonomy"
	KindTerm     = "term"
)

// contentExts are the extensions of the files Hugo renders as pages
// (files.contentFileExtensions); case matters, as in Hugo.
var contentExts = map[string]bool{
	"html": true, "htm": true,
	"mdown": true, "markdown": true, "md": true,
	"asciidoc": true, "adoc": true, "ad": true,
	"rest": true, "rst": true,
	"org":    true,
	"pandoc": true, "pdc": true,
}

// ContentFile is one page of the site: a content file Hugo renders as a page
// in one language.
type ContentFile struct {
	Lang        string
	Path        string // relative to the site root, slash-separated
	Abs         string
	ContentPath string // its place in the content tree, e.g. careers/x.fr.md
	Kind        string // KindPage, KindSection...
	// PathKey is the translation key Hugo gives the page when its front
	// matter sets none: its kind, folder and name without language or
	// extension ("page/careers/x"), or for a list page its section.
	PathKey string
	// Clone is a page Hugo makes in a language from the file of another:
	// a leaf bundle with a content file in a language that has no index.*.
	Clone bool
	// mount is the index of the content mount the file comes from.
	mount int
}

// IsList reports whether the page is a list page (_index.*): home, section,
// taxonomy or term.
func (f *ContentFile) IsList() bool { return f.Kind != KindPage }

// ignoredName is a file or folder Hugo never reads (SourceSpec.IgnoreFile).
func ignoredName(name string) bool {
	return name == "" || name[0] == '.' || name[0] == '#' || name[len(name)-1] == '~'
}

// fileClass is how Hugo classifies a file of the content tree.
type fileClass int

const (
	classFile    fileClass = iota // not a page: a resource
	classContent                  // a regular page
	classLeaf                     // index.*: a leaf bundle's page
	classBranch                   // _index.*: a list page
)

// classify follows files.ClassifyContentFile: a content extension, and for
// HTML a file whose first non-blank character is not "<" (or that opens with
// an HTML comment).
func classify(name, abs string) fileClass {
	ext := strings.TrimPrefix(path.Ext(name), ".")
	if !contentExts[ext] {
		return classFile
	}
	if ext == "html" || ext == "htm" {
		if isHTMLDocument(abs) {
			return classFile
		}
	}
	switch {
	case strings.HasPrefix(name, "_index."):
		return classBranch
	case strings.HasPrefix(name, "index."):
		return classLeaf
	}
	return classContent
}

// isHTMLDocument reads the start of a .html file as files.isHTMLContent.
func isHTMLDocument(abs string) bool {
	f, err := os.Open(abs)
	if err != nil {
		return true
	}
	defer f.Close()
	br := bufio.NewReader(f)
	comment := []rune("<!--")
	i := 0
	for {
		c, _, err := br.ReadRune()
		if err != nil {
			return true
		}
		if i > 0 {
			if i >= len(comment) {
				return false
			}
			if c != comment[i] {
				return true
			}
			i++
			continue
		}
		if !unicode.IsSpace(c) {
			if c != '<' {
				return false
			}
			i++
		}
	}
}

// langOfName splits name as hugofs.langInfoFrom: about.fr.md gives "fr" and
// "about" when fr is one of the site's languages (enabled or not).
func langOfName(known map[string]bool, name string) (lang, baseName, baseNameWithExt string) {
	ext := path.Ext(name)
	baseName = strings.TrimSuffix(name, ext)
	if le := path.Ext(baseName); le != "" && known[le[1:]] {
		lang = le[1:]
		baseName = strings.TrimSuffix(baseName, le)
		return lang, baseName, baseName + ext
	}
	return "", baseName, name
}

// ErrNoContent is wrapped by the error of a site whose content folders do
// not exist.
var ErrNoContent = errors.New("no content folder")

// ContentFiles lists every page of the site in its enabled languages, in
// content-tree order.
func (s *Site) ContentFiles() ([]*ContentFile, error) {
	tree, found, err := s.mergeMounts()
	if err != nil {
		return nil, err
	}
	if found == 0 {
		var dirs []string
		for _, m := range s.Mounts {
			dirs = append(dirs, m.Source)
		}
		return nil, &SiteError{Kind: SiteNoContent, Path: s.Root, Mounts: dirs, Reason: "none of the content folders exists: " + strings.Join(dirs, ", "), Err: ErrNoContent}
	}
	pages := &pageSlots{enabled: s.enabled, slots: map[langName]int{}}
	s.walkPages(tree, pages, ".")
	return pages.out, nil
}

func cleanDir(dir string) string {
	if dir == "." {
		return ""
	}
	return dir
}

// listKind is the kind of the list page of a folder.
func (s *Site) listKind(dir string) string {
	if dir == "." {
		return KindHome
	}
	first, rest, nested := strings.Cut(dir, "/")
	if s.taxonomies[first] {
		if !nested {
			return KindTaxonomy
		}
		if !strings.Contains(rest, "/") {
			return KindTerm
		}
	}
	return KindSection
}

func (s *Site) ignored(abs string) bool {
	for _, re := range s.ignore {
		if re.MatchString(abs) {
			return true
		}
	}
	return false
}

// TranslationKeyOf is the key Hugo pairs a page by: its kind and the
// translationKey of its front matter, else its path key.
func TranslationKeyOf(kind, frontMatterKey, pathKey string) string {
	if frontMatterKey != "" {
		return kind + "/" + frontMatterKey
	}
	return pathKey
}
