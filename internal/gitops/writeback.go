package gitops

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"

	"github.com/jobtui/jobtui/internal/model"
)

// written is a file an action wrote, with what it held before, so that a
// refused commit can put it back byte for byte.
type written struct {
	posting  *model.Posting
	abs      string
	path     string
	before   []byte
	existed  bool
	afterSum [32]byte
}

// PendingSave is a save of postings (already edited in memory) under
// way: the new texts are being written and synced beside their files
// (StageAll); Place puts them in place and gives what is needed to put
// them back (Rollback), Discard takes them back. Nothing is written when
// a check fails.
type PendingSave struct {
	rb       *Rollback
	postings []*model.Posting
	staged   *model.Staged
}

// StageAll checks that no posting changed on disk since it was read and
// starts writing their documents beside their files, returning at once:
// the caller can do what does not need them in place meanwhile (the
// syncs wait for the disk).
func StageAll(postings []*model.Posting) (*PendingSave, error) {
	rb := &Rollback{}
	for _, p := range postings {
		data, err := os.ReadFile(p.Abs)
		if err != nil || sha256.Sum256(data) != p.Hash {
			return nil, &Error{Kind: KindChangedOnDisk, Paths: []string{p.Path}}
		}
		rb.files = append(rb.files, written{posting: p, abs: p.Abs, path: p.Path, before: data, existed: true})
	}
	return &PendingSave{rb: rb, postings: postings, staged: model.StagePostings(postings)}, nil
}

// Discard waits for the staging and removes what it wrote; the postings
// in memory are as they were read again (no file changed).
func (s *PendingSave) Discard() {
	s.staged.Discard()
	for _, w := range s.rb.files {
		w.posting.Reset(w.before)
	}
}

// Place puts the new texts in place; a failure puts back those already
// placed. The files' folders are synced while the caller goes on (its
// commit): Rollback.Synced waits for that.
func (s *PendingSave) Place() (*Rollback, error) {
	rb := s.rb
	placed, failed, synced, err := s.staged.Place()
	rb.done, rb.synced = placed, synced
	for i := range placed {
		rb.files[i].afterSum = s.postings[i].Hash
	}
	if err != nil {
		rb.Restore()
		if errors.Is(err, model.ErrChangedOnDisk) {
			return nil, &Error{Kind: KindChangedOnDisk, Paths: []string{failed.Path}}
		}
		if errors.Is(err, model.ErrReadOnly) {
			return nil, &Error{Kind: KindReadOnly, Paths: []string{failed.Path}}
		}
		return nil, err
	}
	return rb, nil
}

// Rollback puts back the files an action wrote.
type Rollback struct {
	files  []written
	done   int    // how many of files were written
	synced func() // waits for the folders' sync
}

// Synced waits until the folders of the files written are synced.
func (rb *Rollback) Synced() {
	if rb != nil && rb.synced != nil {
		rb.synced()
	}
}

// Restore writes every file back as it was, unless it changed again since
// the action wrote it (then it is left alone and named in the error).
func (rb *Rollback) Restore() error {
	if rb == nil {
		return nil
	}
	rb.Synced()
	var changed []string
	for _, w := range rb.files[:rb.done] {
		if err := model.WriteFileAtomic(w.abs, w.before, w.afterSum); err != nil {
			changed = append(changed, w.path)
			continue
		}
		w.posting.Reset(w.before)
	}
	rb.done = 0
	if len(changed) > 0 {
		return fmt.Errorf("could not put back %v: changed again on disk", changed)
	}
	return nil
}

// unchangedSince refuses, as the in-process commit does, a path whose
// bytes are not those the caller wrote (expect), before git is run.
func unchangedSince(r *Repo, paths []string, expect map[string][32]byte) error {
	for _, p := range paths {
		want, ok := expect[p]
		if !ok {
			continue
		}
		if data, err := os.ReadFile(r.AbsPath(p)); err != nil || sha256.Sum256(data) != want {
			return &Error{Kind: KindChangedOnDisk, Paths: []string{p}}
		}
	}
	return nil
}
