package model

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// ErrChangedOnDisk is returned when a file changed on disk since it was read.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was read")

// Save writes the posting's document back to disk, atomically, refusing if
// the file changed on disk since it was read. On success the posting reflects
// what was written.
func (p *Posting) Save() error {
	_, _, err := SavePostings([]*Posting{p})
	return err
}

// SavePostings writes the documents of several postings back to disk, each
// atomically and all or none as far as a file system allows: every new
// text is first written and synced beside its file (on every core, so that
// the syncs overlap), and only when all are ready are they renamed into
// place, in order. A file that changed on disk since it was read, or any
// failure before the renames, leaves every file as it was (placed is 0).
// placed is how many were renamed into place; failed is the posting of the
// error. On success each posting reflects what was written.
func SavePostings(ps []*Posting) (placed int, failed *Posting, err error) {
	placed, failed, synced, err := SavePostingsSyncLater(ps)
	synced()
	return placed, failed, err
}

// SavePostingsSyncLater is SavePostings that syncs the files' folders (so
// that the renames are on disk) while the caller goes on: synced waits
// for that. The files themselves are synced before they are renamed.
func SavePostingsSyncLater(ps []*Posting) (placed int, failed *Posting, synced func(), err error) {
	placed, failed, staged, err := savePostings(ps)
	done := make(chan struct{})
	go func() {
		defer close(done)
		syncDirs(staged[:placed])
	}()
	return placed, failed, func() { <-done }, err
}

func savePostings(ps []*Posting) (placed int, failed *Posting, staged []*stagedWrite, err error) {
	for _, p := range ps {
		if p.Doc == nil {
			return 0, p, nil, fmt.Errorf("save %s: the front matter cannot be read", p.Path)
		}
	}
	staged = make([]*stagedWrite, len(ps))
	errs := make([]error, len(ps))
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			staged[i], errs[i] = stageWrite(p.Abs, p.Doc.Bytes(), p.Hash, false)
		}()
	}
	wg.Wait()
	discard := func(from int) {
		for _, s := range staged[from:] {
			s.discard()
		}
	}
	for i, err := range errs {
		if err != nil {
			discard(0)
			return 0, ps[i], nil, fmt.Errorf("save %s: %w", ps[i].Path, err)
		}
	}
	for i, s := range staged {
		if err := s.place(); err != nil {
			discard(i)
			return i, ps[i], staged, fmt.Errorf("save %s: %w", ps[i].Path, err)
		}
		ps[i].written(s.data)
	}
	return len(ps), nil, staged, nil
}

// written makes the posting reflect data, just written to its file.
func (p *Posting) written(data []byte) {
	if st, err := os.Stat(p.Abs); err == nil {
		p.ModTime, p.Size, p.Mode = st.ModTime(), st.Size(), st.Mode().Perm()
	}
	p.Hash = sha256.Sum256(data)
	p.setDocument(data)
}

// WriteFileAtomic replaces abs with data through a temporary file in the same
// folder (fsync, then rename), keeping the file's mode. When expect is not
// the zero hash, the file on disk must still hash to it.
func WriteFileAtomic(abs string, data []byte, expect [32]byte) error {
	return writeAtomic(abs, data, expect, false)
}

// CreateFile writes a new file atomically, refusing to replace an existing one.
func CreateFile(abs string, data []byte) error {
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("create %s: %w", abs, fs.ErrExist)
	}
	if err := writeAtomic(abs, data, [32]byte{}, true); err != nil {
		return fmt.Errorf("create %s: %w", abs, err)
	}
	return nil
}

func writeAtomic(abs string, data []byte, expect [32]byte, create bool) error {
	s, err := stageWrite(abs, data, expect, create)
	if err != nil {
		return err
	}
	if err := s.place(); err != nil {
		s.discard()
		return err
	}
	syncDirs([]*stagedWrite{s})
	return nil
}

// stagedWrite is a file's new text written and synced in a temporary file
// beside it, not yet in its place.
type stagedWrite struct {
	abs, tmp string // abs: the file (a link's target)
	data     []byte
	create   bool
	placed   bool
}

// stageWrite checks abs (it must still hash to expect unless that is zero;
// create: it must not exist) and writes data, with abs's mode, to a
// temporary file in abs's folder, synced.
func stageWrite(abs string, data []byte, expect [32]byte, create bool) (*stagedWrite, error) {
	// A posting that is a symbolic link is written through: the link stays.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	mode := fs.FileMode(0o644)
	st, err := os.Stat(abs)
	switch {
	case err == nil:
		mode = st.Mode().Perm()
		if expect != ([32]byte{}) {
			cur, err := os.ReadFile(abs)
			if err != nil {
				return nil, err
			}
			if sha256.Sum256(cur) != expect {
				return nil, ErrChangedOnDisk
			}
		}
	case errors.Is(err, fs.ErrNotExist):
		if expect != ([32]byte{}) {
			return nil, ErrChangedOnDisk
		}
	default:
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".jobtui-*")
	if err != nil {
		return nil, err
	}
	s := &stagedWrite{abs: abs, tmp: tmp.Name(), data: data, create: create}
	err = tmp.Chmod(mode)
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.discard()
		return nil, err
	}
	return s, nil
}

// place puts the staged text in its file's place: a rename, or for a new
// file a hard link, which fails where the name exists (a file that
// appeared meanwhile is never replaced).
func (s *stagedWrite) place() error {
	if s.create {
		if err := os.Link(s.tmp, s.abs); err != nil {
			return err
		}
		os.Remove(s.tmp)
	} else if err := os.Rename(s.tmp, s.abs); err != nil {
		return err
	}
	s.placed = true
	return nil
}

// discard removes the temporary file of a write not placed.
func (s *stagedWrite) discard() {
	if s != nil && !s.placed {
		os.Remove(s.tmp)
	}
}

// syncDirs syncs the folders of the placed writes (each once, together),
// so that the renames are on disk.
func syncDirs(ws []*stagedWrite) {
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for _, w := range ws {
		d := filepath.Dir(w.abs)
		if !w.placed || seen[d] {
			continue
		}
		seen[d] = true
		wg.Add(1)
		go func() {
			defer wg.Done()
			if dir, err := os.Open(d); err == nil {
				dir.Sync()
				dir.Close()
			}
		}()
	}
	wg.Wait()
}
