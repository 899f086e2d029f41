package gitops

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"

	"github.com/go-git/go-billy/v5"
)

// alternatesFile is where git lists the object folders a repository
// borrows from (git clone --shared, --reference).
const alternatesFile = "objects/info/alternates"

// gitAlternates is fs with the alternates file read as git reads it: its
// empty lines and "#" comments are skipped. go-git takes every line for a
// folder, and one that is not stops every object read ("object not
// found": an archive in a clone whose alternates file held a comment).
type gitAlternates struct{ billy.Filesystem }

func (a gitAlternates) Open(name string) (billy.File, error) {
	f, err := a.Filesystem.Open(name)
	if err != nil || filepath.ToSlash(name) != alternatesFile {
		return f, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var kept []byte
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		if t := bytes.TrimRight(line, "\r\n"); len(t) > 0 && t[0] != '#' {
			kept = append(kept, line...)
		}
	}
	return &readOnlyFile{name: name, Reader: bytes.NewReader(kept)}, nil
}

// readOnlyFile is a billy.File over bytes.
type readOnlyFile struct {
	name string
	*bytes.Reader
}

var errReadOnlyFile = errors.New("read-only file")

func (f *readOnlyFile) Name() string              { return f.name }
func (f *readOnlyFile) Write([]byte) (int, error) { return 0, errReadOnlyFile }
func (f *readOnlyFile) Close() error              { return nil }
func (f *readOnlyFile) Lock() error               { return nil }
func (f *readOnlyFile) Unlock() error             { return nil }
func (f *readOnlyFile) Truncate(int64) error      { return errReadOnlyFile }
