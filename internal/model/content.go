package model

import (
	"bufio"
	"errors"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
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
	}
	return lang, baseName, baseName + ext
}

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

// ErrNoContent is wrapped by the error of a site whose content folders do
// not exist.
var ErrNoContent = errors.New("no content folder")

// ContentFiles lists every page of the site in its enabled languages, in
// content-tree order.
func (s *Site) ContentFiles() ([]*ContentFile, error) {
	tree := map[string]*mergedDir{}
	get := func(dir string) *mergedDir {
		d := tree[dir]
		if d == nil {
			d = &mergedDir{dirs: map[string]bool{}}
			tree[dir] = d
		}
		return d
	}
	found := 0
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
		mountLang := m.Lang
		if mountLang == "" {
			mountLang = s.DefaultLang
		}
		// Earlier mounts weigh more; a file naming its mount's language
		// one more (hugolib/filesystems/basefs.go, hugofs/filter_fs.go).
		weight := 10 * (len(s.Mounts) - i)
		err = filepath.WalkDir(srcAbs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == srcAbs {
					return filepath.SkipDir
				}
				return err
			}
			rel, _ := filepath.Rel(srcAbs, p)
			rel = filepath.ToSlash(rel)
			if p != srcAbs && (ignoredName(d.Name()) || s.ignored(p)) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			treePath := cleanRel(path.Join(m.Target, rel))
			if d.IsDir() {
				get(treePath)
				for dir := treePath; dir != "."; {
					parent := path.Dir(dir)
					get(parent).dirs[dir] = true
					dir = parent
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			e := &entry{name: d.Name(), abs: p, mount: i, weight: weight, lang: mountLang}
			e.site = filepath.ToSlash(path.Join(m.Source, rel))
			fileLang, base, baseExt := langOfName(s.knownLangs, d.Name())
			e.base, e.baseExt = base, baseExt
			if fileLang != "" {
				if fileLang == mountLang {
					e.weight++
				}
				e.lang = fileLang
			}
			e.class = classify(d.Name(), p)
			dir := path.Dir(treePath)
			get(dir).files = append(get(dir).files, e)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if found == 0 {
		var dirs []string
		for _, m := range s.Mounts {
			dirs = append(dirs, m.Source)
		}
		return nil, &SiteError{Path: s.Root, Reason: "none of the content folders exists: " + strings.Join(dirs, ", "), Err: ErrNoContent}
	}
	// Pages land in slots, one per language and page path (Hugo's content
	// map keys them in lower case): a page processed later takes the slot
	// of one processed earlier, as Hugo's tree insert does.
	var out []*ContentFile
	slots := map[string]int{}
	put := func(slot string, f *ContentFile) {
		if !s.enabled[f.Lang] {
			return
		}
		k := f.Lang + "\x00" + strings.ToLower(slot)
		if i, ok := slots[k]; ok {
			out[i] = f
			return
		}
		slots[k] = len(out)
		out = append(out, f)
	}
	page := func(dir string, e *entry, lang, kind string) *ContentFile {
		cp := e.name
		if dir != "." {
			cp = dir + "/" + e.name
		}
		f := &ContentFile{Lang: lang, Path: e.site, Abs: e.abs, ContentPath: cp, Kind: kind, mount: e.mount, Clone: lang != e.lang}
		if kind == KindPage {
			f.PathKey = path.Join(KindPage, cleanDir(dir), e.base)
		} else {
			f.PathKey = path.Join(kind, cleanDir(dir))
		}
		return f
	}
	// sorted orders a folder's files as Hugo's walk does: bundle headers
	// first, then content, then other files; the heavier first; by name.
	sorted := func(d *mergedDir) []*entry {
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
		// Two mounts may give one language the same file: the first is
		// the one (pages_capture.go: duplicates).
		seen := map[string]bool{}
		var files []*entry
		for _, e := range d.files {
			k := e.lang + "/" + e.baseExt
			if !seen[k] {
				seen[k] = true
				files = append(files, e)
			}
		}
		return files
	}
	subdirs := func(d *mergedDir) []string {
		subs := make([]string, 0, len(d.dirs))
		for sub := range d.dirs {
			subs = append(subs, sub)
		}
		sort.Strings(subs)
		return subs
	}
	var walk func(dir string)
	walk = func(dir string) {
		d := tree[dir]
		if d == nil {
			return
		}
		files := sorted(d)
		hasBranch, hasLeaf := false, false
		for _, e := range files {
			hasBranch = hasBranch || e.class == classBranch
			hasLeaf = hasLeaf || e.class == classLeaf
		}
		if hasLeaf && !hasBranch {
			s.leafBundle(dir, files, tree, page, put)
			return
		}
		headed := map[string]bool{}
		for _, e := range files {
			switch e.class {
			case classBranch:
				// One list page per language: a second _index.* is a
				// resource of the first.
				if !headed[e.lang] {
					headed[e.lang] = true
					put("\x00section/"+dir, page(dir, e, e.lang, s.listKind(dir)))
				}
			case classContent, classLeaf:
				// index.* beside _index.* is a page of its own.
				put(path.Join(dir, e.base), page(dir, e, e.lang, KindPage))
			}
		}
		for _, sub := range subdirs(d) {
			walk(sub)
		}
	}
	walk(".")
	return out, nil
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

// leafBundle makes the pages of a leaf bundle as Hugo's addToBundle does:
// walking every file in it and below it, the first index.* of a language
// is its page, and a content file of a language with no index.* gets that
// language a page made from the default language's index.* (or another's):
// a clone. Every other file is a resource.
func (s *Site) leafBundle(dir string, files []*entry, tree map[string]*mergedDir,
	page func(string, *entry, string, string) *ContentFile, put func(string, *ContentFile)) {
	type header struct {
		dir string
		e   *entry
	}
	bundles := map[string]*header{}
	var order []string
	var visit func(d string, files []*entry)
	visit = func(d string, files []*entry) {
		type item struct {
			e   *entry
			sub string
		}
		// Sub-folders sort among the content files, by name.
		var items []item
		for _, e := range files {
			items = append(items, item{e: e})
		}
		if md := tree[d]; md != nil {
			for sub := range md.dirs {
				items = append(items, item{sub: sub})
			}
		}
		sort.SliceStable(items, func(i, j int) bool {
			ci, cj := 2, 2
			if items[i].e != nil {
				ci = classOrder(items[i].e.class)
			}
			if items[j].e != nil {
				cj = classOrder(items[j].e.class)
			}
			if ci != cj {
				return ci < cj
			}
			if items[i].e != nil && items[j].e != nil && items[i].e.weight != items[j].e.weight {
				return items[i].e.weight > items[j].e.weight
			}
			return itemName(items[i].e, items[i].sub) < itemName(items[j].e, items[j].sub)
		})
		for _, it := range items {
			if it.e == nil {
				sub := tree[it.sub]
				if sub != nil {
					visit(it.sub, sub.files)
				}
				continue
			}
			e := it.e
			b := bundles[e.lang]
			isHeader := e.class == classLeaf || e.class == classBranch
			if b == nil && isHeader {
				bundles[e.lang] = &header{d, e}
				order = append(order, e.lang)
			} else if b == nil && e.class == classContent {
				src := bundles[s.DefaultLang]
				if src == nil && len(order) > 0 {
					src = bundles[order[0]]
				}
				if src != nil {
					bundles[e.lang] = src
					order = append(order, e.lang)
				}
			}
		}
	}
	visit(dir, files)
	for _, lang := range order {
		h := bundles[lang]
		kind := KindPage
		if h.e.class == classBranch {
			kind = s.listKind(h.dir)
		}
		put(h.dir, page(h.dir, h.e, lang, kind))
	}
}

func itemName(e *entry, sub string) string {
	if e != nil {
		return e.name
	}
	return path.Base(sub)
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

// HugoString is the value of a front matter key as Hugo 0.111 reads it as
// text (cast.ToString of what its YAML 1.1 and TOML decoders give): a YAML
// yes or on is "true", 0123 is "83", an unquoted date stays as written; a
// TOML date-time with an offset is Go's time text; a list or a table is "".
// Nothing is trimmed.
func (d *Document) HugoString(key string) string {
	name := d.name(key)
	v, ok := d.values[name]
	if !ok || v == nil {
		return ""
	}
	raw := ""
	for _, f := range d.fields {
		if f.name == name && f.style == stylePlain && f.tokStart >= 0 && f.start < len(d.lines) {
			raw = d.lines[f.start][f.tokStart:f.tokEnd]
		}
	}
	switch d.format {
	case FormatYAML:
		if raw != "" {
			return yaml11Plain(raw)
		}
	case FormatTOML:
		if t, ok := v.(time.Time); ok {
			if raw != "" && !tomlOffset.MatchString(raw) {
				// A local date or date-time: go-toml/v2's text for it.
				return strings.Replace(raw, " ", "T", 1)
			}
			return t.String()
		}
	}
	switch x := v.(type) {
	case string, bool, int, int64, uint64, float64:
		return castString(x)
	case time.Time:
		return x.String()
	}
	return ""
}

var (
	tomlOffset = regexp.MustCompile(`([zZ]|[+-]\d\d:\d\d)$`)
	yamlFloat  = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
)

// yaml11Plain resolves a plain YAML scalar as gopkg.in/yaml.v2 does when
// decoding into an interface (timestamps stay text), then formats it as
// cast.ToString.
func yaml11Plain(s string) string {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
		return "true"
	case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
		return "false"
	case "", "~", "null", "Null", "NULL":
		return ""
	case ".nan", ".NaN", ".NAN":
		return castString(math.NaN())
	case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
		return castString(math.Inf(1))
	case "-.inf", "-.Inf", "-.INF":
		return castString(math.Inf(-1))
	}
	if c := s[0]; c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		plain := strings.ReplaceAll(s, "_", "")
		if n, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return strconv.FormatInt(n, 10)
		}
		if n, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return strconv.FormatUint(n, 10)
		}
		if yamlFloat.MatchString(plain) {
			if f, err := strconv.ParseFloat(plain, 64); err == nil {
				return castString(f)
			}
		}
		if strings.HasPrefix(plain, "0b") {
			if n, err := strconv.ParseInt(plain[2:], 2, 64); err == nil {
				return strconv.FormatInt(n, 10)
			}
		} else if strings.HasPrefix(plain, "-0b") {
			if n, err := strconv.ParseInt("-"+plain[3:], 2, 64); err == nil {
				return strconv.FormatInt(n, 10)
			}
		}
	}
	return s
}
