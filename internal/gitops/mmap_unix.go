//go:build unix

package gitops

import (
	"errors"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/go-git/go-billy/v5"
)

// packFS serves the pack files of a .git folder memory-mapped, read-only:
// go-git reads objects with many small reads, each a system call on a
// plain file (measured: a fifth of a history walk). Pack files are never
// changed in place by git, only replaced, so a mapping stays valid.
type packFS struct{ billy.Filesystem }

func mappedPacks(fs billy.Filesystem) billy.Filesystem { return packFS{fs} }

func (p packFS) Open(name string) (billy.File, error) {
	if !strings.HasSuffix(name, ".pack") {
		return p.Filesystem.Open(name)
	}
	data, _, err := mapFile(p.Join(p.Root(), name))
	if err != nil {
		return p.Filesystem.Open(name) // empty, or a file system without mmap
	}
	return &mappedFile{name: name, data: data}, nil
}

// mappedFile is a read-only billy.File over a mapping.
type mappedFile struct {
	name string
	data []byte
	off  int64
}

var errReadOnly = errors.New("read-only mapped file")

func (m *mappedFile) Name() string { return m.name }

func (m *mappedFile) Read(b []byte) (int, error) {
	n, err := m.ReadAt(b, m.off)
	m.off += int64(n)
	return n, err
}

func (m *mappedFile) ReadAt(b []byte, off int64) (int, error) {
	if m.data == nil {
		return 0, os.ErrClosed
	}
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(m.data)) {
		return 0, io.EOF
	}
	n, err := copyMapped(b, m.data[off:])
	if err != nil {
		return 0, err
	}
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// copyMapped copies from a mapping, with a fault on a page the file no
// longer has (cut short under us) turned into an error.
func copyMapped(dst, src []byte) (n int, err error) {
	defer func(old bool) {
		debug.SetPanicOnFault(old)
		if recover() != nil {
			n, err = 0, errMappedFault
		}
	}(debug.SetPanicOnFault(true))
	return copy(dst, src), nil
}

var errMappedFault = errors.New("a mapped pack file is shorter than when it was mapped (damaged or rewritten in place)")

func (m *mappedFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += m.off
	case io.SeekEnd:
		offset += int64(len(m.data))
	default:
		return 0, errors.New("bad whence")
	}
	if offset < 0 {
		return 0, errors.New("negative offset")
	}
	m.off = offset
	return offset, nil
}

func (m *mappedFile) Close() error {
	if m.data == nil {
		return nil
	}
	err := syscall.Munmap(m.data)
	m.data = nil
	return err
}

func (m *mappedFile) Write([]byte) (int, error) { return 0, errReadOnly }
func (m *mappedFile) Truncate(int64) error      { return errReadOnly }
func (m *mappedFile) Lock() error               { return nil }
func (m *mappedFile) Unlock() error             { return nil }

// mapFile maps a whole file read-only; unmap lets go of it.
func mapFile(name string) (data []byte, unmap func(), err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if st.Size() == 0 || st.Size() != int64(int(st.Size())) {
		return nil, nil, errors.New("cannot map " + name)
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { syscall.Munmap(data) }, nil
}
