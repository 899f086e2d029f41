package gitops

import (
	"bufio"
	"errors"
	"io/fs"
	"os"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

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

// index is the repository's index, decoded once and shared read-only until
// the file changes (its trailing checksum tells): States and CommitPaths
// in one action read it once. Callers must not modify it.
func (r *Repo) index() (*index.Index, error) {
	p := r.gitFile("index")
	sum, ok := indexChecksum(p)
	r.idxMu.Lock()
	defer r.idxMu.Unlock()
	if ok && r.idx != nil && r.idxSum == sum {
		return r.idx, nil
	}
	idx, err := readIndex(p)
	if err != nil {
		return nil, err
	}
	if ok {
		// Read again: the file may have been replaced between the two reads.
		if again, ok2 := indexChecksum(p); ok2 && again == sum {
			r.idx, r.idxSum = idx, sum
		}
	}
	return idx, nil
}

// indexChecksum is the SHA-1 trailer of an index file.
func indexChecksum(p string) (sum [20]byte, ok bool) {
	f, err := os.Open(p)
	if err != nil {
		return sum, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < 32 {
		return sum, false
	}
	if _, err := f.ReadAt(sum[:], st.Size()-20); err != nil {
		return sum, false
	}
	return sum, true
}
