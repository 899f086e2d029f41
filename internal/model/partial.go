package model

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// LoadGroups is Load for a command that acts on a few groups: it reads the
// posting files but parses only those that can belong to the groups
// Catalog.Find finds for names, and the unreadable files beside them (same
// path, or naming one of their keys). Those groups, whole, are in the
// catalog it returns, as Load would link them; the other postings are
// left out, and its problems are those of the postings it read. When a
// name or key could be written in a file in a form other than its own
// bytes (a YAML yes for "true", 0x1F for "31"), every file is parsed.
//
// The rule that makes this sound: a file whose translationKey is k holds
// k's bytes, unless its text has an escape (a backslash) or a YAML
// !!binary tag, or k is a value YAML or TOML can spell otherwise; such
// files are parsed whatever they hold.
func LoadGroups(site *Site, names []string) (*Catalog, error) {
	for _, n := range names {
		if !plainKey(n) {
			return Load(site)
		}
	}
	files, err := PostingFiles(site)
	if err != nil {
		return nil, err
	}
	needles := make([][]byte, 0, len(names))
	for _, n := range names {
		needles = append(needles, []byte(n))
	}
	// The files a name can point at: by path, by key, unsure ones. Only
	// their bytes are kept.
	raw := make([]rawFile, len(files))
	readRaw(files, raw, nil, func(i int, r *rawFile) bool {
		return r.err != nil || r.unsure() || containsAny(r.data, needles) || pathNamed(site, files[i], names)
	})
	ps := make([]*Posting, len(files))
	parse := func(want func(i int) bool) {
		var idx []int
		for i := range files {
			if ps[i] == nil && want(i) {
				idx = append(idx, i)
			}
		}
		parallel(len(idx), func(j int) { i := idx[j]; ps[i] = raw[i].posting(site, files[i]) })
	}
	parse(func(i int) bool { return raw[i].kept })
	// The groups named, whole: every file with one of their pair keys
	// (linked by path, or by a translationKey its bytes hold).
	pairKeys := map[string]bool{}
	var keys [][]byte
	for i, p := range ps {
		if p != nil && p.Readable() && named(site, p, files[i], names) && !pairKeys[p.PairKey] {
			pairKeys[p.PairKey] = true
			if k, ok := strings.CutPrefix(p.PairKey, KindPage+"/"); ok {
				if !plainKey(k) {
					return Load(site)
				}
				keys = append(keys, []byte(k))
			}
		}
	}
	if !eachHoldsOne(keys, needles) {
		// A file not kept holds no name, but may hold a key that holds
		// none: read those files again for the keys.
		var idx []int
		for i := range files {
			if !raw[i].kept {
				idx = append(idx, i)
			}
		}
		readRaw(files, raw, idx, func(i int, r *rawFile) bool { return r.err != nil || containsAny(r.data, keys) })
	}
	parse(func(i int) bool { return pairKeys[files[i].PathKey] || raw[i].kept })
	// The unreadable files at the same path as one of theirs.
	rels := map[string]bool{}
	for _, p := range ps {
		if p != nil && pairKeys[p.PairKey] {
			rels[p.Rel] = true
		}
	}
	parse(func(i int) bool { return rels[site.SectionRel(files[i].ContentPath)] })
	var out []*Posting
	for _, p := range ps {
		if p != nil {
			out = append(out, p)
		}
	}
	sortPostings(site, out)
	return NewCatalog(site, out), nil
}

// plainKey reports whether a translationKey (or a path) is one no YAML,
// TOML or JSON front matter can give without holding its bytes. What those
// formats can turn into other text: booleans ("true" from yes), numbers
// and dates (digits, signs, dots, colons and T: "31" from 0x1F, a TOML
// local date-time), NaN and Inf, folded lines (spaces), quotes and escapes.
func plainKey(k string) bool {
	switch k {
	case "", "true", "false", "NaN", "+Inf", "-Inf":
		return false
	}
	numeric := true
	for _, r := range k {
		if r == utf8.RuneError || r == '\'' || r == '"' || r == '\\' || unicode.IsSpace(r) || !unicode.IsGraphic(r) {
			return false
		}
		if !strings.ContainsRune("0123456789+-.:T", r) {
			numeric = false
		}
	}
	return !numeric
}

// pathNamed reports whether name can be f's path as Catalog.Find matches
// it: site path, path in the section with or without extension, or a
// keyless group's ID.
func pathNamed(site *Site, f *ContentFile, names []string) bool {
	rel := site.SectionRel(f.ContentPath)
	_, base, _ := langOfName(map[string]bool{f.Lang: true}, path.Base(rel))
	id := joinUnder(path.Dir(rel), base)
	for _, n := range names {
		if n == f.Path || n == rel || n == strings.TrimSuffix(rel, path.Ext(rel)) || n == id {
			return true
		}
	}
	return false
}

// named reports whether p can make its group one Catalog.Find finds for
// one of names.
func named(site *Site, p *Posting, f *ContentFile, names []string) bool {
	for _, n := range names {
		if p.TranslationKey == n {
			return true
		}
	}
	return pathNamed(site, f, names)
}

// eachHoldsOne reports whether every key holds one of the needles: then
// a text that holds no needle holds no key.
func eachHoldsOne(keys, needles [][]byte) bool {
	for _, k := range keys {
		if !containsAny(k, needles) {
			return false
		}
	}
	return true
}

func containsAny(data []byte, needles [][]byte) bool {
	for _, n := range needles {
		if bytes.Contains(data, n) {
			return true
		}
	}
	return false
}

// rawFile is a posting file's stat and, when kept, its bytes, not yet
// parsed; a big file's are not read (errBigFile): it is parsed as
// LoadPostings reads it, whatever it holds. A file not kept is read again
// if it is parsed.
type rawFile struct {
	data []byte
	st   fs.FileInfo
	err  error
	kept bool // data holds the file's bytes, or err says why it cannot
}

// unsure reports whether the file's front matter can spell a value other
// than by its bytes: an escape, or YAML's !!binary (base64). Its body
// holds no key (a backslash there, as Markdown escapes, is common).
func (r *rawFile) unsure() bool {
	fm := r.data[:frontMatterEnd(r.data)]
	return bytes.IndexByte(fm, '\\') >= 0 || bytes.Contains(fm, []byte("binary"))
}

// frontMatterEnd is where Parse finds the closing line of data's YAML or
// TOML front matter (line by line, as Parse reads it), or the end of
// data where it finds none: what lies before it holds every key Parse
// can read.
func frontMatterEnd(data []byte) int {
	rest := bytes.TrimPrefix(data, bom)
	first, eol := cutLine(rest)
	delim := strings.TrimRight(first, " \t")
	if delim != "---" && delim != "+++" {
		return len(data)
	}
	for pos := len(data) - len(rest) + len(first) + len(eol); pos < len(data); {
		line, le := lineAt(data, pos)
		if string(bytes.TrimRight(line, " \t")) == delim {
			return pos
		}
		pos += len(line) + le
	}
	return len(data)
}

// posting parses the file as LoadPostings does.
func (r *rawFile) posting(site *Site, f *ContentFile) *Posting {
	if !r.kept || errors.Is(r.err, errBigFile) {
		p, err := readContentFile(site, f)
		if err != nil {
			p = newPosting(site, f)
			p.Err = &ParseError{Line: 0, Reason: ioReason(err)}
		}
		return p
	}
	p := newPosting(site, f)
	if r.err != nil {
		p.Err = &ParseError{Line: 0, Reason: ioReason(r.err)}
		return p
	}
	p.fill(r.data, r.st)
	return p
}

// readRaw reads files[i] into raw[i] for each i of idx (for every file
// when idx is nil), on every core, each file into its worker's buffer,
// and keeps (copies) the bytes of those keep wants: keep sees them in the
// buffer, which the worker's next file overwrites. A fresh slice for
// every file costs more than reading it (the heap's pages are new to the
// process, and cleared).
func readRaw(files []*ContentFile, raw []rawFile, idx []int, keep func(i int, r *rawFile) bool) {
	n := len(idx)
	if idx == nil {
		n = len(files)
	}
	parallelEach(n, func() func(j int) {
		var buf []byte
		return func(j int) {
			i := j
			if idx != nil {
				i = idx[j]
			}
			if buf == nil {
				buf = make([]byte, readBuffer)
			}
			r := &raw[i]
			data, st, err := readFileInto(files[i].Abs, bigFile, buf)
			r.data, r.st, r.err = data, st, err
			r.kept = keep(i, r)
			r.data = nil
			if r.kept && err == nil {
				r.data = bytes.Clone(data)
			}
			if cap(data) > cap(buf) {
				buf = data
			}
		}
	})
}

// readBuffer is the size of readRaw's buffers: a posting file is rarely
// longer.
const readBuffer = 16 << 10

// parallel runs f(0..n-1) on twice as many goroutines as cores (reading
// files waits on the disk as well as the processor).
func parallel(n int, f func(i int)) {
	parallelEach(n, func() func(i int) { return f })
}

// parallelEach is parallel where each goroutine runs the function
// newWorker gives it: a worker may keep state of its own.
func parallelEach(n int, newWorker func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0)*2, n)
	if workers <= 1 {
		f := newWorker()
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	// Each worker takes the next index itself (a channel fed by this
	// goroutine made it wake for every file); this goroutine is one.
	var next atomic.Int64
	work := func() {
		f := newWorker()
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			f(i)
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	work()
	wg.Wait()
}

// sortPostings sorts by language (the site's order) then path.
func sortPostings(site *Site, out []*Posting) {
	langOrder := map[string]int{}
	for i, l := range site.Langs {
		langOrder[l] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Lang != out[j].Lang {
			return langOrder[out[i].Lang] < langOrder[out[j].Lang]
		}
		return out[i].Path < out[j].Path
	})
}
