package gitops

import (
	"bytes"
	"errors"
	"io/fs"
	"os"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	fdiff "github.com/go-git/go-git/v5/plumbing/format/diff"
	"github.com/go-git/go-git/v5/utils/diff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffFile is the unified diff of a file's working copy against HEAD
// ("" when they are the same), computed and written by go-git's diff and
// unified encoder.
func DiffFile(r *Repo, repoPath string) (string, error) {
	var old, cur []byte
	var oldHash plumbing.Hash
	var oldMode filemode.FileMode
	tree, _, err := r.headTree()
	if err != nil {
		return "", err
	}
	if tree != nil {
		if f, err := tree.File(repoPath); err == nil {
			s, err := f.Contents()
			if err != nil {
				return "", err
			}
			old, oldHash, oldMode = []byte(s), f.Hash, f.Mode
		}
	}
	fi, err := os.Lstat(r.AbsPath(repoPath))
	var curMode filemode.FileMode
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return "", err
	default:
		if cur, curMode, err = readWorkFile(r.AbsPath(repoPath), fi); err != nil {
			return "", err
		}
	}
	if bytes.Equal(old, cur) && oldMode == curMode {
		return "", nil
	}
	fp := &filePatch{chunks: diffChunks(string(old), string(cur))}
	if oldMode != 0 {
		fp.from = &patchFile{path: repoPath, hash: oldHash, mode: oldMode}
	}
	if curMode != 0 {
		fp.to = &patchFile{path: repoPath, hash: plumbing.ComputeHash(plumbing.BlobObject, cur), mode: curMode}
	}
	var b bytes.Buffer
	if err := fdiff.NewUnifiedEncoder(&b, fdiff.DefaultContextLines).Encode(patch{fp}); err != nil {
		return "", err
	}
	return b.String(), nil
}

func diffChunks(a, b string) []fdiff.Chunk {
	var out []fdiff.Chunk
	for _, d := range diff.Do(a, b) {
		op := fdiff.Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = fdiff.Add
		case diffmatchpatch.DiffDelete:
			op = fdiff.Delete
		}
		out = append(out, chunk{content: d.Text, op: op})
	}
	return out
}

// The small types go-git's unified encoder reads a patch through.
type (
	patch     []fdiff.FilePatch
	filePatch struct {
		from, to *patchFile
		chunks   []fdiff.Chunk
	}
	patchFile struct {
		path string
		hash plumbing.Hash
		mode filemode.FileMode
	}
	chunk struct {
		content string
		op      fdiff.Operation
	}
)

func (p patch) FilePatches() []fdiff.FilePatch { return p }
func (p patch) Message() string                { return "" }
func (f *filePatch) IsBinary() bool            { return false }
func (f *filePatch) Chunks() []fdiff.Chunk     { return f.chunks }
func (f *filePatch) Files() (fdiff.File, fdiff.File) {
	var from, to fdiff.File
	if f.from != nil {
		from = f.from
	}
	if f.to != nil {
		to = f.to
	}
	return from, to
}
func (f *patchFile) Hash() plumbing.Hash     { return f.hash }
func (f *patchFile) Mode() filemode.FileMode { return f.mode }
func (f *patchFile) Path() string            { return f.path }
func (c chunk) Content() string              { return c.content }
func (c chunk) Type() fdiff.Operation        { return c.op }
