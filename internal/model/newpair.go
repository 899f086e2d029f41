package model

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxSlugBytes bounds file names well under the 255 bytes file systems allow.
const maxSlugBytes = 80

// Slugify makes a file name from a title as the corpus does: lower case,
// spaces as '-', accents and typographic apostrophes kept, no '/', '\', "..",
// control or other unsafe characters, bounded length, never empty.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFC.String(title)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || r == '·':
			b.WriteRune(r)
			dash = false
		case r == '.' || r == '_':
			if b.Len() > 0 && !dash {
				b.WriteRune(r)
			}
		default: // spaces, slashes, quotes, controls, punctuation
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	s := strings.Trim(b.String(), "-._")
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if len(s) > maxSlugBytes {
		cut := maxSlugBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = strings.Trim(s[:cut], "-._")
	}
	if s == "" {
		s = "posting"
	}
	return s
}

// FreeKey is SuggestKey's key for title, or, when another posting of cat
// has it already, the first of key-2, key-3… that none has: a suggestion
// the form can take as it is.
func FreeKey(cat *Catalog, title string) string {
	base := SuggestKey(title)
	key := base
	for n := 2; n < 1000 && ValidateKey(cat, nil, key) != nil; n++ {
		key = fmt.Sprintf("%s-%d", base, n)
	}
	return key
}

// SuggestKey makes an ASCII translationKey from a title.
func SuggestKey(title string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	ascii, _, err := transform.String(t, title)
	if err != nil {
		ascii = title
	}
	var b strings.Builder
	for _, r := range strings.ToLower(ascii) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 60 {
		s = strings.Trim(s[:60], "-")
	}
	if s == "" {
		s = "posting"
	}
	return s
}

// NewPair describes a posting to create in every language.
type NewPair struct {
	Titles         map[string]string
	Descriptions   map[string]string
	TranslationKey string
	LeverID        string
}

var bodyTemplates = map[string]string{
	"en": "\n## About the role\n\nWhat the team does, and why this role matters.\n\n## What you will do\n\n- \n\n## What you bring\n\n- \n\n## How to apply\n\nHow and by when to apply, and who to contact about accommodations.\n",
	"fr": "\n## À propos du poste\n\nCe que fait l’équipe, et pourquoi ce poste compte.\n\n## Ce que vous ferez\n\n- \n\n## Ce que vous apportez\n\n- \n\n## Comment postuler\n\nComment postuler et avant quelle date, et qui joindre pour des mesures d’adaptation.\n",
}

// CreatePair writes one new posting per language, named from its title,
// never over an existing file, archived (unpublished) until the person
// publishes it, and returns them as read back.
func CreatePair(cat *Catalog, np NewPair) ([]*Posting, error) {
	if np.TranslationKey == "" {
		np.TranslationKey = SuggestKey(np.Titles[cat.Site.Langs[0]])
	}
	if err := ValidateKey(cat, nil, np.TranslationKey); err != nil {
		return nil, err
	}
	if err := ValidateLeverID(np.LeverID); err != nil {
		return nil, err
	}
	type file struct {
		lang, rel, abs string
		data           []byte
	}
	var files []file
	for _, lang := range cat.Site.Langs {
		title := np.Titles[lang]
		if err := ValidateTitle(title); err != nil {
			err.(*ValidationError).Lang = lang
			return nil, err
		}
		base := Slugify(title)
		rel := cat.Site.NewPostingName(lang, base)
		for n := 2; ; n++ {
			abs := cat.Site.Abs(path.Join(cat.Site.SectionDir(lang), rel))
			if !fileExists(abs) {
				files = append(files, file{lang: lang, rel: rel, abs: abs})
				break
			}
			rel = cat.Site.NewPostingName(lang, fmt.Sprintf("%s-%d", base, n))
		}
		d, err := Parse([]byte("---\nlayout: job-posting\ntype: section\n---\n" + bodyTemplates[lang]))
		if err != nil {
			return nil, err
		}
		steps := []error{d.SetString(KeyTitle, title)}
		if desc := strings.TrimSpace(np.Descriptions[lang]); desc != "" {
			steps = append(steps, d.setBlock(KeyDescription, desc))
		}
		// Unpublished (archived) until the person says publish: a new
		// posting is a draft, its text the template's headings.
		steps = append(steps, d.SetBool(KeyArchived, true), d.SetString(KeyTranslationKey, np.TranslationKey))
		if np.LeverID != "" {
			steps = append(steps, d.SetString(KeyLeverID, np.LeverID))
		}
		if err := inFile(path.Join(cat.Site.SectionDir(lang), rel), steps...); err != nil {
			return nil, fmt.Errorf("new posting: %w", err)
		}
		files[len(files)-1].data = d.Bytes()
	}
	var out []*Posting
	for _, f := range files {
		if err := ensureDir(f.abs); err != nil {
			return out, err
		}
		if err := CreateFile(f.abs, f.data); err != nil {
			return out, err
		}
		p, err := ReadPosting(cat.Site, f.lang, f.rel)
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// setBlock adds a field as a folded block scalar (description: >-), the
// corpus's shape, falling back to any style that reads back the value.
func (d *Document) setBlock(key, value string) error {
	if strings.ContainsAny(value, "\n\r") || d.fieldIndex(key) >= 0 || d.format != FormatYAML {
		return d.SetString(key, value)
	}
	lines := append(append([]string{}, d.lines...), key+": >-"+d.eol, "  "+value+d.eol)
	nd := &Document{format: d.format, eol: d.eol, head: d.head, lines: lines, tail: d.tail, body: d.body}
	if err := nd.index(); err == nil && nd.withinLimits() && nd.String(key) == value {
		*d = *nd
		return nil
	}
	return d.SetString(key, value)
}
