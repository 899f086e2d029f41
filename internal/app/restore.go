package app

import (
	"crypto/sha256"
	"os"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Restore takes back an edit not committed (a form's save, the editor):
// each file goes back to its bytes before the edit, only while it still
// has the bytes the edit left.
type Restore struct{ Files []RestoreFile }

// RestoreFile is one file of a Restore.
type RestoreFile struct {
	Path   string   // as the site names it
	Abs    string   // on disk
	Before []byte   // its bytes before the edit
	After  [32]byte // the sha256 of the bytes the edit left
}

// Apply puts the files back. Every check comes first: a file changed or
// gone since the edit (KindChangedOnDisk), or that nobody may write
// (KindReadOnly), refuses the whole restore and nothing is written.
func (r *Restore) Apply() error {
	var changed, readOnly []string
	for _, f := range r.Files {
		data, err := os.ReadFile(f.Abs)
		if err != nil || sha256.Sum256(data) != f.After {
			changed = append(changed, f.Path)
			continue
		}
		if st, err := os.Stat(f.Abs); err == nil && model.ReadOnly(st.Mode()) {
			readOnly = append(readOnly, f.Path)
		}
	}
	switch {
	case len(changed) > 0:
		return &gitops.Error{Kind: gitops.KindChangedOnDisk, Paths: changed, Err: model.ErrChangedOnDisk}
	case len(readOnly) > 0:
		return &gitops.Error{Kind: gitops.KindReadOnly, Paths: readOnly, Err: model.ErrReadOnly}
	}
	for _, f := range r.Files {
		if err := model.WriteFileAtomic(f.Abs, f.Before, f.After); err != nil {
			return err
		}
	}
	return nil
}

// restoreOf is what takes back the save of touched, given the bytes each
// file had before (by site path); nil where one is missing.
func restoreOf(touched []*model.Posting, before map[string][]byte) *Restore {
	r := &Restore{}
	for _, p := range touched {
		b, ok := before[p.Path]
		if !ok || p.Doc == nil {
			return nil
		}
		r.Files = append(r.Files, RestoreFile{Path: p.Path, Abs: p.Abs, Before: b, After: sha256.Sum256(p.Doc.Bytes())})
	}
	return r
}

// EditorRestore takes back what the editor did to the file at abs (named
// path), which held before when it opened; nil when the file is as it was.
func EditorRestore(path, abs string, before []byte) *Restore {
	data, err := os.ReadFile(abs)
	if err != nil || string(data) == string(before) {
		return nil
	}
	return &Restore{Files: []RestoreFile{{Path: path, Abs: abs, Before: before, After: sha256.Sum256(data)}}}
}
