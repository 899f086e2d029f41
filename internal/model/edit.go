package model

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
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

var slugRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// ValidateKey checks a translationKey: a slug not used by another group.
func ValidateKey(cat *Catalog, g *Group, key string) error {
	if key == "" {
		return &ValidationError{Field: KeyTranslationKey, Reason: ReasonEmpty}
	}
	if !slugRe.MatchString(key) {
		return &ValidationError{Field: KeyTranslationKey, Reason: ReasonNotSlug}
	}
	for _, other := range cat.Groups {
		if other != g && other.Key == key {
			return &ValidationError{Field: KeyTranslationKey, Reason: ReasonKeyInUse}
		}
	}
	return nil
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

// ApplyGroupEdit writes the changed fields to the group's files, both
// languages, each with the surgical edit (only those lines change). Every
// value is checked and every file prepared before the first is written.
func ApplyGroupEdit(cat *Catalog, g *Group, e GroupEdit) ([]*Posting, error) {
	if e.TranslationKey != nil {
		if err := ValidateKey(cat, g, *e.TranslationKey); err != nil {
			return nil, err
		}
	}
	if e.LeverID != nil {
		if err := ValidateLeverID(*e.LeverID); err != nil {
			return nil, err
		}
	}
	for lang, t := range e.Title {
		if t != nil {
			if err := ValidateTitle(*t); err != nil {
				var ve *ValidationError
				errors.As(err, &ve)
				ve.Lang = lang
				return nil, ve
			}
		}
	}
	var touched []*Posting
	for _, p := range g.Postings(cat.Site.Langs) {
		if p.Doc == nil {
			continue
		}
		before := string(p.Doc.Bytes())
		doc, err := Parse(p.Doc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("edit %s: %w", p.Path, err)
		}
		set := func(key string, v *string) error {
			if v == nil {
				return nil
			}
			if *v == "" && key == KeyLeverID {
				return doc.Delete(key)
			}
			return doc.SetString(key, *v)
		}
		steps := []error{
			set(KeyTranslationKey, e.TranslationKey),
			set(KeyLeverID, e.LeverID),
			set(KeyLayout, e.Layout),
			set(KeyType, e.Type),
			set(KeyTitle, e.Title[p.Lang]),
			set(KeyDescription, e.Description[p.Lang]),
		}
		if e.Archived != nil {
			steps = append(steps, doc.SetBool(KeyArchived, *e.Archived))
		}
		if err := errors.Join(steps...); err != nil {
			return nil, fmt.Errorf("edit %s: %w", p.Path, err)
		}
		if string(doc.Bytes()) != before {
			p.pending = doc
			touched = append(touched, p)
		}
	}
	for i, p := range touched {
		orig := p.Doc
		p.Doc, p.pending = p.pending, nil
		if err := p.Save(); err != nil {
			p.Doc = orig
			for _, q := range touched[i+1:] {
				q.pending = nil
			}
			return touched[:i], err
		}
	}
	return touched, nil
}
