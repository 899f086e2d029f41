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

// ErrReadOnly is returned for a file that nobody may write (no write bit
// in its mode): it is not replaced, even where the folder would let a
// rename replace it, or the user is root.
var ErrReadOnly = errors.New("the file is read-only")

// ReadOnly reports whether a file's mode lets nobody write it.
func ReadOnly(mode fs.FileMode) bool { return mode.Perm()&0o222 == 0 }

// ReadOnlyPaths are the paths of those of ps that nobody may write (their
// mode as read).
func ReadOnlyPaths(ps []*Posting) []string {
	var out []string
	for _, p := range ps {
		if ReadOnly(p.Mode) {
			out = append(out, p.Path)
		}
	}
	return out
}

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
	placed, failed, synced, err := StagePostings(ps).Place()
	synced()
	return placed, failed, err
}

// Staged is the new text of postings being written and synced beside
// their files (StagePostings), not yet in their place.
type Staged struct {
	ps     []*Posting
	staged []*stagedWrite
	errs   []error
	done   chan struct{} // closed once every text is staged, or failed
}

// StagePostings starts writing and syncing the documents of postings
// beside their files, each on its own goroutine, and returns at once:
// Place then puts them in place, Discard takes them back.
func StagePostings(ps []*Posting) *Staged {
	s := &Staged{ps: ps, staged: make([]*stagedWrite, len(ps)), errs: make([]error, len(ps)), done: make(chan struct{})}
	for i, p := range ps {
		if p.Doc == nil {
			s.errs[i] = errors.New("the front matter cannot be read")
			close(s.done)
			return s
		}
	}
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.staged[i], s.errs[i] = stageWrite(p.Abs, p.Doc.Bytes(), p.Hash, false)
		}()
	}
	go func() {
		wg.Wait()
		close(s.done)
	}()
	return s
}

// Discard waits for the staging and removes what it wrote: no file is
// changed.
func (s *Staged) Discard() {
	<-s.done
	for _, w := range s.staged {
		w.discard()
	}
}

// Place waits for the staging and renames every text into place, in
// order, as SavePostings: a failure before the first rename leaves every
// file as it was (placed is 0). The files' folders are synced (so that
// the renames are on disk) while the caller goes on: synced waits for
// that; the files themselves were synced before their rename.
func (s *Staged) Place() (placed int, failed *Posting, synced func(), err error) {
	<-s.done
	for i, err := range s.errs {
		if err != nil {
			s.Discard()
			return 0, s.ps[i], func() {}, fmt.Errorf("save %s: %w", s.ps[i].Path, err)
		}
	}
	// Each file is read again just before the renames: one changed since
	// it was staged (an editor's save while the commit made its checks)
	// is not replaced, and no file is.
	for i, w := range s.staged {
		if err := w.stillAsRead(); err != nil {
			s.Discard()
			return 0, s.ps[i], func() {}, fmt.Errorf("save %s: %w", s.ps[i].Path, err)
		}
	}
	for i, w := range s.staged {
		if err := w.place(); err != nil {
			for _, rest := range s.staged[i:] {
				rest.discard()
			}
			return i, s.ps[i], syncLater(s.staged[:i]), fmt.Errorf("save %s: %w", s.ps[i].Path, err)
		}
		s.ps[i].written(w.data)
	}
	return len(s.ps), nil, syncLater(s.staged), nil
}

// syncLater syncs the folders of the placed writes on another goroutine;
// the function it gives waits for that.
func syncLater(ws []*stagedWrite) func() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		syncDirs(ws)
	}()
	return func() { <-done }
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
	if err := s.stillAsRead(); err != nil {
		s.discard()
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
	expect   [32]byte // what abs must still hash to (zero: anything)
	create   bool
	placed   bool
}

// stillAsRead checks, again, that the file is the one that was read: it
// hashes to expect, or, for a new file, does not exist.
func (w *stagedWrite) stillAsRead() error {
	if w.create {
		if _, err := os.Lstat(w.abs); !errors.Is(err, fs.ErrNotExist) {
			return fs.ErrExist
		}
		return nil
	}
	if w.expect == ([32]byte{}) {
		return nil
	}
	cur, err := os.ReadFile(w.abs)
	if err != nil || sha256.Sum256(cur) != w.expect {
		return ErrChangedOnDisk
	}
	return nil
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
		if !create && ReadOnly(mode) {
			return nil, ErrReadOnly
		}
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
	s := &stagedWrite{abs: abs, tmp: tmp.Name(), data: data, expect: expect, create: create}
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
