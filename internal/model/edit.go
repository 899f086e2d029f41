package model

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// GroupEdit is a change of a group's front matter; nil fields are left alone.
type GroupEdit struct {
	TranslationKey *string
	LeverID        *string // "" removes the field
	Layout         *string
	Type           *string
	Archived       *bool
	Title          map[string]*string // by language
	Description    map[string]*string // by language
	// Only, a file's site path, restricts the edit to that one file of
	// the group (one of several files of a language).
	Only string

	// Base is what the files held when the edit began; nil skips the
	// comparison (an edit made on a fresh read, as the CLI does).
	Base Base
	kept map[fieldAt]bool // conflicts settled for the file
}

// Validation reasons, for a message in the user's language.
const (
	ReasonEmpty     = "empty"
	ReasonNotSlug   = "not-slug"
	ReasonKeyInUse  = "key-in-use"
	ReasonNotUUID   = "not-uuid"
	ReasonNotSingle = "multi-line"
)

// ValidationError is a field value that cannot be saved.
type ValidationError struct {
	Field  string // front matter key
	Lang   string // for title and description
	Reason string
}

func (e *ValidationError) Error() string {
	if e.Lang != "" {
		return fmt.Sprintf("%s (%s): %s", e.Field, e.Lang, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.Field, e.Reason)
}

// slugRe is compiled when first used, not when the program starts.
var slugRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`) })

// ValidateKey checks a translationKey for group g (nil for a new pair): a
// slug, not used by another group, unless that group has files only in the
// languages g lacks: then the key makes the two a pair (see PairsWith).
// A group that has no key may keep none.
func ValidateKey(cat *Catalog, g *Group, key string) error {
	if key == "" {
		if g != nil && g.Key == "" {
			return nil // linked by file name, as it was: nothing to invent
		}
		return &ValidationError{Field: KeyTranslationKey, Reason: ReasonEmpty}
	}
	if !slugRe().MatchString(key) {
		return &ValidationError{Field: KeyTranslationKey, Reason: ReasonNotSlug}
	}
	for _, other := range cat.Groups {
		if other != g && other.Key == key && !complements(cat.Site.Langs, g, other) {
			return &ValidationError{Field: KeyTranslationKey, Reason: ReasonKeyInUse}
		}
	}
	return nil
}

// PairsWith is the group that giving key to g would join it with: another
// group with that key whose files are all in languages g has none in (the
// missing translation of g, or g the missing translation of it). Nil if
// there is none.
func PairsWith(cat *Catalog, g *Group, key string) *Group {
	if g == nil || key == "" || key == g.Key {
		return nil
	}
	for _, other := range cat.Groups {
		if other != g && other.Key == key && complements(cat.Site.Langs, g, other) {
			return other
		}
	}
	return nil
}

// complements reports that a and b have files, and never in the same
// language.
func complements(langs []string, a, b *Group) bool {
	if a == nil || b == nil {
		return false
	}
	na, nb := 0, 0
	for _, l := range langs {
		ia, ib := len(a.Files[l]), len(b.Files[l])
		if ia > 0 && ib > 0 {
			return false
		}
		na += ia
		nb += ib
	}
	return na > 0 && nb > 0
}

// ValidateLeverID accepts an empty value or a UUID.
func ValidateLeverID(s string) error {
	if s != "" && !ValidLeverID(s) {
		return &ValidationError{Field: KeyLeverID, Reason: ReasonNotUUID}
	}
	return nil
}

// ValidateTitle refuses an empty or multi-line title.
func ValidateTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return &ValidationError{Field: KeyTitle, Reason: ReasonEmpty}
	}
	if strings.ContainsAny(s, "\r\n") {
		return &ValidationError{Field: KeyTitle, Reason: ReasonNotSingle}
	}
	return nil
}

// Base is what a group's files held when an edit began (when a form opened):
// by file (site path), the value of each field an edit may set, absent
// fields left out. ApplyGroupEdit compares it with the files at save time,
// so that a change made on disk meanwhile is never overwritten unseen.
type Base map[string]map[string]any

// editableKeys are the fields a GroupEdit may set.
var editableKeys = []string{KeyTranslationKey, KeyLeverID, KeyLayout, KeyType, KeyArchived, KeyTitle, KeyDescription}

// BaseOf records the values of the group's readable files.
func BaseOf(g *Group, langs []string) Base {
	b := Base{}
	for _, p := range g.Postings(langs) {
		if p.Doc == nil {
			continue
		}
		vals := map[string]any{}
		for _, k := range editableKeys {
			if v, ok := p.Doc.Value(k); ok {
				vals[k] = v
			}
		}
		b[p.Path] = vals
	}
	return b
}

// Conflict is a field the edit sets in a file whose value on disk is no
// longer the one the edit started from, nor the edit's own.
type Conflict struct {
	Path  string // site path of the file
	Lang  string
	Field string // front matter key
	// The values as text ("" for an absent field): when the edit began, in
	// the file now, and the edit's.
	Base, Disk, Mine string

	disk any // the value in the file, for Overwrite
}

// ConflictError refuses an edit that would overwrite changes made on disk
// since it began. Nothing was written.
type ConflictError struct{ Conflicts []Conflict }

func (e *ConflictError) Error() string {
	parts := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		parts[i] = fmt.Sprintf("%s: %s is %q on disk, was %q, edit %q", c.Path, c.Field, c.Disk, c.Base, c.Mine)
	}
	return "changed on disk since the edit began: " + strings.Join(parts, "; ")
}

// Overwrite settles a conflict for the edit: its value replaces the one on
// disk (unless the file changes again before the save).
func (e *GroupEdit) Overwrite(c Conflict) {
	if e.Base == nil {
		return
	}
	vals := e.Base[c.Path]
	if vals == nil {
		vals = map[string]any{}
		e.Base[c.Path] = vals
	}
	if c.disk == nil {
		delete(vals, c.Field)
	} else {
		vals[c.Field] = c.disk
	}
}

// KeepFile settles a conflict for the file: the edit leaves that field of
// that file as it is on disk.
func (e *GroupEdit) KeepFile(c Conflict) {
	if e.kept == nil {
		e.kept = map[fieldAt]bool{}
	}
	e.kept[fieldAt{c.Path, c.Field}] = true
}

type fieldAt struct{ path, field string }

// valueText is a front matter value as the form shows it.
func valueText(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// ApplyGroupEdit writes the changed fields to the group's files, both
// languages, each with the surgical edit (only those lines change; a file
// whose values do not change is not written). Every value is checked, every
// file compared with e.Base and prepared before the first is written: a
// field changed on disk since the edit began gives a *ConflictError.
func ApplyGroupEdit(cat *Catalog, g *Group, e GroupEdit) ([]*Posting, error) {
	if err := e.validate(cat, g); err != nil {
		return nil, err
	}
	if gone := e.gone(cat, g); len(gone) > 0 {
		return nil, &GoneError{Paths: gone}
	}
	var touched []*Posting
	var conflicts []Conflict
	for _, p := range g.Postings(cat.Site.Langs) {
		if p.Doc == nil || (e.Only != "" && p.Path != e.Only) {
			continue
		}
		pe, err := e.prepare(p)
		if err != nil {
			return nil, err
		}
		conflicts = append(conflicts, pe.conflicts...)
		if string(pe.doc.Bytes()) != string(p.Doc.Bytes()) {
			touched = append(touched, p)
			p.pending = pe.doc
		}
	}
	if len(conflicts) > 0 {
		for _, p := range touched {
			p.pending = nil
		}
		return nil, &ConflictError{Conflicts: conflicts}
	}
	return saveTouched(touched)
}

// GoneError: files the edit began with were removed (or made unreadable)
// since; nothing is written. It is an ErrChangedOnDisk.
type GoneError struct{ Paths []string }

func (e *GoneError) Error() string {
	return ErrChangedOnDisk.Error() + ": " + strings.Join(e.Paths, ", ")
}

func (e *GoneError) Unwrap() error { return ErrChangedOnDisk }

// gone are the files of e.Base (those read when the edit began) that g
// has no readable file at now. Without them an edit of theirs was dropped
// in silence ("Saved 0 files.", a QA run).
func (e *GroupEdit) gone(cat *Catalog, g *Group) []string {
	here := map[string]bool{}
	for _, p := range g.Postings(cat.Site.Langs) {
		here[p.Path] = p.Doc != nil
	}
	var gone []string
	for path := range e.Base {
		if !here[path] && (e.Only == "" || path == e.Only) {
			gone = append(gone, path)
		}
	}
	sort.Strings(gone)
	return gone
}

// validate checks every value of the edit before any file is prepared.
func (e *GroupEdit) validate(cat *Catalog, g *Group) error {
	if e.TranslationKey != nil {
		if err := ValidateKey(cat, g, *e.TranslationKey); err != nil {
			return err
		}
	}
	if e.LeverID != nil {
		if err := ValidateLeverID(*e.LeverID); err != nil {
			return err
		}
	}
	for lang, t := range e.Title {
		if t != nil {
			if err := ValidateTitle(*t); err != nil {
				var ve *ValidationError
				errors.As(err, &ve)
				ve.Lang = lang
				return ve
			}
		}
	}
	return nil
}

// postingEdit is the edit of one posting's file being prepared: its
// document with the changes made so far, and the fields changed on disk
// since the edit began.
type postingEdit struct {
	e         *GroupEdit
	p         *Posting
	doc       *Document
	steps     []error
	conflicts []Conflict
}

// prepare makes the edit's changes to a copy of p's document, without
// writing: the fields of both languages and p's own language.
func (e *GroupEdit) prepare(p *Posting) (*postingEdit, error) {
	doc, err := Parse(p.Doc.Bytes())
	if err != nil {
		return nil, fmt.Errorf("edit %s: %w", p.Path, err)
	}
	pe := &postingEdit{e: e, p: p, doc: doc}
	pe.str(KeyTranslationKey, e.TranslationKey)
	pe.str(KeyLeverID, e.LeverID)
	pe.str(KeyLayout, e.Layout)
	pe.str(KeyType, e.Type)
	pe.str(KeyTitle, e.Title[p.Lang])
	pe.str(KeyDescription, e.Description[p.Lang])
	if e.Archived != nil {
		pe.set(KeyArchived, *e.Archived)
	}
	if err := inFile(p.Path, pe.steps...); err != nil {
		return nil, fmt.Errorf("edit %s: %w", p.Path, err)
	}
	return pe, nil
}

// str sets a text field when the edit changes it (v not nil); an empty
// Lever ID removes the field.
func (pe *postingEdit) str(key string, v *string) {
	switch {
	case v == nil:
	case *v == "" && key == KeyLeverID:
		pe.set(key, nil)
	default:
		pe.set(key, *v)
	}
}

// set gives key the value mine (nil removes it). With a base to compare
// with, a field kept as it is on disk, or already so, is left alone, and
// one changed on disk since the edit began is a conflict.
func (pe *postingEdit) set(key string, mine any) {
	disk, _ := pe.doc.Value(key)
	if pe.e.Base != nil {
		if pe.e.kept[fieldAt{pe.p.Path, key}] {
			return
		}
		base := pe.e.Base[pe.p.Path][key]
		switch {
		case sameAny(disk, mine):
			return // already so: nothing to write
		case !sameAny(disk, base):
			pe.conflicts = append(pe.conflicts, Conflict{Path: pe.p.Path, Lang: pe.p.Lang, Field: key,
				Base: valueText(base), Disk: valueText(disk), Mine: valueText(mine), disk: disk})
			return
		}
	}
	switch v := mine.(type) {
	case nil:
		pe.steps = append(pe.steps, pe.doc.Delete(key))
	case string:
		pe.steps = append(pe.steps, pe.doc.SetString(key, v))
	case bool:
		pe.steps = append(pe.steps, pe.doc.SetBool(key, v))
	}
}

// saveTouched writes the prepared postings and returns those written: all,
// or, where a file cannot be written, none (a failure among the renames
// themselves, after the first, leaves those before it written).
func saveTouched(touched []*Posting) ([]*Posting, error) {
	orig := make([]*Document, len(touched))
	for i, p := range touched {
		orig[i] = p.Doc
		p.Doc, p.pending = p.pending, nil
	}
	// All or none (SavePostings): a file that cannot be written (changed
	// on disk, read-only) leaves the other language's as it was too.
	placed, _, err := SavePostings(touched)
	if err != nil {
		for i := placed; i < len(touched); i++ {
			touched[i].Doc = orig[i]
		}
		return touched[:placed], err
	}
	return touched, nil
}

// sameAny compares two decoded front matter values.
func sameAny(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}
