package app

import (
	"crypto/sha256"
	"errors"
	"os"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// LoadGroup reads the site afresh (Load) and finds the one group named id
// (its key or a file path), for a workflow that acts on a single group.
// Errors: Load's, for a site that cannot be read, and *gitops.Error
// KindUnknownPosting when id names no group, or more than one.
func LoadGroup(site *model.Site, id string) (*model.Catalog, *model.Group, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, nil, err
	}
	gs := cat.Find(id)
	if len(gs) != 1 {
		return nil, nil, &gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{id}}
	}
	return cat, gs[0], nil
}

// SaveGroupEdit applies a form's edit to the group named id (its key or a
// file path) on a fresh read of the site, and returns the files written.
// Errors: *gitops.Error KindUnknownPosting when id names no single group,
// KindChangedOnDisk when a file changed since it was read, KindReadOnly
// when one lets nobody write it (no file is written then), and
// *model.ValidationError for a value the form should not have let through.
func SaveGroupEdit(site *model.Site, id string, edit model.GroupEdit) ([]*model.Posting, error) {
	touched, _, err := SaveGroupEditUndoable(site, id, edit)
	return touched, err
}

// SaveGroupEditUndoable is SaveGroupEdit, and what takes the save back
// (nil when nothing was written, or a file's bytes before could not be
// told exactly).
func SaveGroupEditUndoable(site *model.Site, id string, edit model.GroupEdit) ([]*model.Posting, *Restore, error) {
	cat, g, err := LoadGroup(site, id)
	if err != nil {
		return nil, nil, err
	}
	before := map[string][]byte{}
	for _, p := range g.Postings(cat.Site.Langs) {
		if p.Doc != nil {
			if b := p.Doc.Bytes(); sha256.Sum256(b) == p.Hash { // the file's bytes, exactly
				before[p.Path] = b
			}
		}
	}
	touched, err := applyEdit(cat, g, edit)
	if err != nil || len(touched) == 0 {
		return touched, nil, err
	}
	return touched, restoreOf(touched, before), nil
}

func applyEdit(cat *model.Catalog, g *model.Group, edit model.GroupEdit) ([]*model.Posting, error) {
	touched, err := model.ApplyGroupEdit(cat, g, edit)
	if errors.Is(err, model.ErrChangedOnDisk) {
		ge := &gitops.Error{Kind: gitops.KindChangedOnDisk, Err: err}
		var gone *model.GoneError
		if errors.As(err, &gone) {
			ge.Paths = gone.Paths
		}
		return nil, ge
	}
	if errors.Is(err, model.ErrReadOnly) {
		return nil, &gitops.Error{Kind: gitops.KindReadOnly, Paths: model.ReadOnlyPaths(g.Postings(cat.Site.Langs)), Err: err}
	}
	return touched, err
}

// CreatePair writes a new posting in each language of site, linked by one
// translationKey, never replacing a file; the first file is in the site's
// first language. Errors: *model.ValidationError for a bad title or key.
func CreatePair(site *model.Site, np model.NewPair) ([]*model.Posting, error) {
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	return model.CreatePair(cat, np)
}

// CreateTranslation writes the missing lang file of the group named id
// (its key or a file path) as a copy of its other language, on a fresh
// read of the site (model.CreateTranslation), and returns it. Errors:
// *gitops.Error KindUnknownPosting when id names no single group,
// model.ErrNothingToTranslate when the group has lang already.
func CreateTranslation(site *model.Site, id, lang string) (*model.Posting, error) {
	cat, g, err := LoadGroup(site, id)
	if err != nil {
		return nil, err
	}
	return model.CreateTranslation(cat, g, lang)
}

// MissingTranslation is the translation CreateTranslation can make for g:
// the one of the site's two languages in which g has no file, and the file
// it would be copied from. lang is "" when g has both languages, or no
// readable file to copy.
func MissingTranslation(cat *model.Catalog, g *model.Group) (lang string, from *model.Posting) {
	for _, l := range cat.Site.Langs[:2] {
		if len(g.Files[l]) == 0 {
			lang = l
		}
	}
	if lang == "" {
		return "", nil
	}
	if from = model.TranslationSource(cat, g, lang); from == nil {
		return "", nil
	}
	return lang, from
}

// EditorChange is what an editor changed in the file at abs, which held
// before when it opened. An error means the file cannot be read now.
func EditorChange(abs string, before []byte) (model.FileChange, error) {
	after, err := os.ReadFile(abs)
	if err != nil {
		return model.FileChange{}, err
	}
	return model.CompareFiles(before, after), nil
}
