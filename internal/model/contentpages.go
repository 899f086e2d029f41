package model

import (
	"path"
	"sort"
	"strings"
)

// The pages of the content tree, as Hugo's pages capture makes them
// (hugolib/pages_capture.go, hugolib/content_map.go): a folder's list page,
// its regular pages, and a leaf bundle's one page per language.

// pageSlots are the pages found so far, in the enabled languages. Pages
// land in slots, one per language and page path (Hugo's content map keys
// them in lower case): a page processed later takes the slot of one
// processed earlier, as Hugo's tree insert does.
type pageSlots struct {
	enabled map[string]bool
	out     []*ContentFile
	slots   map[langName]int
}

func (ps *pageSlots) put(slot string, f *ContentFile) {
	if !ps.enabled[f.Lang] {
		return
	}
	k := langName{f.Lang, strings.ToLower(slot)}
	if i, ok := ps.slots[k]; ok {
		ps.out[i] = f
		return
	}
	ps.slots[k] = len(ps.out)
	ps.out = append(ps.out, f)
}

// newPage is the page of kind in lang that file e of folder dir makes.
func newPage(dir string, e *entry, lang, kind string) *ContentFile {
	cp := e.name
	if dir != "." {
		cp = dir + "/" + e.name
	}
	f := &ContentFile{Lang: lang, Path: e.site, Abs: e.abs, ContentPath: cp, Kind: kind, mount: e.mount, Clone: lang != e.lang}
	if kind == KindPage {
		f.PathKey = joinUnder(KindPage, joinUnder(cleanDir(dir), e.base))
	} else {
		f.PathKey = path.Join(kind, cleanDir(dir))
	}
	return f
}

// walkPages puts the pages of folder dir and those below it, in
// content-tree order: a leaf bundle (index.* without _index.*) as one,
// otherwise a list page per language, then each content file, then the
// sub-folders.
func (s *Site) walkPages(tree contentTree, pages *pageSlots, dir string) {
	d := tree[dir]
	if d == nil {
		return
	}
	files := d.sorted()
	hasBranch, hasLeaf := false, false
	for _, e := range files {
		hasBranch = hasBranch || e.class == classBranch
		hasLeaf = hasLeaf || e.class == classLeaf
	}
	if hasLeaf && !hasBranch {
		s.leafBundle(dir, files, tree, pages)
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
				pages.put("\x00section/"+dir, newPage(dir, e, e.lang, s.listKind(dir)))
			}
		case classContent, classLeaf:
			// index.* beside _index.* is a page of its own.
			pages.put(joinUnder(dir, e.base), newPage(dir, e, e.lang, KindPage))
		}
	}
	for _, sub := range d.subdirs() {
		s.walkPages(tree, pages, sub)
	}
}

// leafBundle makes the pages of a leaf bundle as Hugo's addToBundle does:
// walking every file in it and below it, the first index.* of a language
// is its page, and a content file of a language with no index.* gets that
// language a page made from the default language's index.* (or another's):
// a clone. Every other file is a resource.
func (s *Site) leafBundle(dir string, files []*entry, tree contentTree, pages *pageSlots) {
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
		pages.put(h.dir, newPage(h.dir, h.e, lang, kind))
	}
}

func itemName(e *entry, sub string) string {
	if e != nil {
		return e.name
	}
	return path.Base(sub)
}
