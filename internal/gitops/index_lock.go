package gitops

import (
	"bufio"
	"errors"
	"io/fs"
	"os"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// indexLock is .git/index.lock, taken as git takes it: created exclusively,
// written, then renamed over the index.
type indexLock struct {
	path, target string
	f            *os.File
	done         bool
}

func lockIndex(target string) (*indexLock, error) {
	p := target + ".lock"
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, &Error{Kind: KindIndexLocked}
	}
	if err != nil {
		return nil, err
	}
	return &indexLock{path: p, target: target, f: f}, nil
}

// readIndex decodes the index; a missing one is empty, one with an
// extension go-git cannot read (split or sparse index) is refused.
func readIndex(p string) (*index.Index, error) {
	idx := &index.Index{Version: 2}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return idx, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		return nil, &Error{Kind: KindIndexUnsupported, Err: err}
	}
	return idx, nil
}

func (l *indexLock) write(idx *index.Index) error {
	w := bufio.NewWriter(l.f)
	if err := index.NewEncoder(w).Encode(idx); err != nil {
		return &Error{Kind: KindIndexUnsupported, Err: err}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return l.f.Sync()
}

func (l *indexLock) commit() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(l.path, l.target); err != nil {
		return err
	}
	l.done = true
	return nil
}

func (l *indexLock) release() {
	if !l.done {
		l.f.Close()
		os.Remove(l.path)
	}
}
