package model

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// ErrNothingToTranslate is CreateTranslation asked for a language the group
// already has, or for a group with no readable file to start from.
var ErrNothingToTranslate = errors.New("the posting already has this language, or no readable file to copy")

// CreateTranslation writes the missing lang file of g as a copy of its file
// in the other language (front matter and text, to be translated), so that
// the two make a pair: a keyed group's copy keeps the translationKey and is
// named from the title; a keyless group's copy takes the same file name
// under lang's section, which is how Hugo links files without a key. It
// never replaces a file. The copy is what the person translates next; the
// wrong-language check keeps saying so until they have. It is archived
// (unpublished), as a new posting is, until then: a copy left open put the
// other language's text on the site (a QA run).
func CreateTranslation(cat *Catalog, g *Group, lang string) (*Posting, error) {
	if g == nil || len(g.Files[lang]) > 0 {
		return nil, ErrNothingToTranslate
	}
	src := TranslationSource(cat, g, lang)
	if src == nil {
		return nil, ErrNothingToTranslate
	}
	dir := cat.Site.SectionDir(lang)
	var rel string
	if g.Key == "" {
		rel = src.Rel
		if fileExists(cat.Site.Abs(path.Join(dir, rel))) {
			// A file at that name that is not in the group: unreadable, or
			// with a key of its own. Linking by name would be a guess.
			return nil, fmt.Errorf("create translation %s: %s exists", rel, path.Join(dir, rel))
		}
	} else {
		base := Slugify(src.Title)
		if sub := path.Dir(src.Rel); sub != "." {
			base = path.Join(sub, base)
		}
		rel = base + ".md"
		for n := 2; fileExists(cat.Site.Abs(path.Join(dir, rel))); n++ {
			rel = fmt.Sprintf("%s-%d.md", base, n)
		}
	}
	doc, err := Parse(src.Doc.Bytes())
	if err != nil {
		return nil, err
	}
	if err := doc.SetBool(KeyArchived, true); err != nil {
		return nil, inFile(path.Join(dir, rel), err)
	}
	abs := cat.Site.Abs(path.Join(dir, rel))
	if err := ensureDir(abs); err != nil {
		return nil, err
	}
	if err := CreateFile(abs, doc.Bytes()); err != nil {
		return nil, err
	}
	p, err := ReadPosting(cat.Site, lang, strings.TrimPrefix(rel, "/"))
	if err != nil {
		return nil, err
	}
	return p, nil
}

// TranslationSource is the file of g that CreateTranslation copies to make
// its lang file: the first readable one in another language, or nil.
func TranslationSource(cat *Catalog, g *Group, lang string) *Posting {
	for _, l := range cat.Site.Langs {
		if p := g.First(l); l != lang && p != nil && p.Readable() {
			return p
		}
	}
	return nil
}
