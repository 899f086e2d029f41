package gitops

import (
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/go-git/go-git/v5/plumbing"
)

// fastLocks are the lock files the fast path holds, taken as git takes
// them (created exclusively) and removed unless committed.
type fastLocks struct {
	held []string
	done map[string]bool
}

func (l *fastLocks) take(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	l.held = append(l.held, p)
	return f.Close()
}

// write fills a held lock.
func (l *fastLocks) write(p string, data []byte) error {
	return os.WriteFile(p, data, 0o666)
}

// commit renames a held lock into place.
func (l *fastLocks) commit(p string) error {
	if err := os.Rename(p, p[:len(p)-len(".lock")]); err != nil {
		return err
	}
	if l.done == nil {
		l.done = map[string]bool{}
	}
	l.done[p] = true
	return nil
}

// release removes every lock not committed.
func (l *fastLocks) release() {
	for i := len(l.held) - 1; i >= 0; i-- {
		if !l.done[l.held[i]] {
			os.Remove(l.held[i])
		}
	}
	l.held = nil
}

// fastLockRefs takes HEAD's and the branch's locks, as git's reference
// transaction does, and checks that HEAD still names the branch and the
// branch still holds head; a lock held by another git goes to git, which
// says so.
func (r *Repo) fastLockRefs(locks *fastLocks, branch string, head plumbing.Hash) error {
	ref := filepath.Join(r.GitDir, filepath.FromSlash(branch))
	if err := os.MkdirAll(filepath.Dir(ref), 0o777); err != nil {
		return fastBack("branch folder")
	}
	for _, p := range []string{r.gitFile("HEAD.lock"), ref + ".lock"} {
		if err := locks.take(p); err != nil {
			return fastBack("lock: " + err.Error())
		}
	}
	if b, err := r.fastBranch(); err != nil || b != branch {
		return fastBack("HEAD moved")
	}
	if h, err := r.fastRef(branch); err != nil || h != head {
		return fastBack("branch moved")
	}
	return nil
}

// writeLoose stores an object as git does when the repository lacks it:
// zlib-compressed in a temporary file beside its place, read-only, then
// linked into place (an object already there is kept).
func (r *Repo) writeLoose(o plumbing.EncodedObject) error {
	h := o.Hash()
	if r.Git.Storer.HasEncodedObject(h) == nil {
		return nil
	}
	hex := h.String()
	dir := filepath.Join(r.GitDir, "objects", hex[:2])
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "tmp_obj_")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o444); err != nil {
		f.Close()
		return err
	}
	z, _ := zlib.NewWriterLevel(f, zlib.BestSpeed)
	rd, err := o.Reader()
	if err != nil {
		f.Close()
		return err
	}
	z.Write([]byte(o.Type().String() + " " + strconv.FormatInt(o.Size(), 10) + "\x00"))
	_, err = io.Copy(z, rd)
	if cerr := z.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Link(tmp, filepath.Join(dir, hex[2:])); err != nil && !os.IsExist(err) {
		return os.Rename(tmp, filepath.Join(dir, hex[2:]))
	}
	return nil
}

// appendReflogs appends line to each reflog, creating it (and its
// folders) as git does for a branch and HEAD; undo takes the lines off
// again.
func appendReflogs(line string, logs ...string) (undo func(), err error) {
	var undos []func()
	undo = func() {
		for _, u := range undos {
			u()
		}
	}
	for _, p := range logs {
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			undo()
			return nil, err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666)
		if err != nil {
			undo()
			return nil, err
		}
		fi, err := f.Stat()
		if err == nil {
			p, size := p, fi.Size()
			undos = append(undos, func() { os.Truncate(p, size) })
			_, err = f.WriteString(line)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			undo()
			return nil, err
		}
	}
	return undo, nil
}
