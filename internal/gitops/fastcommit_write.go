package gitops

import (
	"compress/zlib"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
)

// fastLocks are the lock files the fast path holds, taken as git takes
// them (created exclusively) and removed unless committed. While they
// are held, the signals on which git removes its own (INT, HUP, TERM,
// QUIT, PIPE) are caught: the locks not yet committed are removed, and
// the signal goes on as if it had not been caught (the process dies of
// it, unless something else catches it); whatever the commit had left
// to do is then refused (errInterrupted).
type fastLocks struct {
	mu      sync.Mutex // held for every file operation on a lock
	held    []string
	done    map[string]bool
	stopped bool // a signal came: the locks are gone
	sigs    chan os.Signal
	quit    chan struct{}
}

// errInterrupted refuses what was left of a commit once a signal came.
var errInterrupted = &Error{Kind: KindOther, Detail: "interrupted by a signal"}

// newFastLocks starts catching the signals (those the process was started
// with ignored stay ignored).
func newFastLocks() *fastLocks {
	l := &fastLocks{sigs: make(chan os.Signal, 1), quit: make(chan struct{})}
	var caught []os.Signal
	for _, s := range fastSignals {
		if !signal.Ignored(s) {
			caught = append(caught, s)
		}
	}
	if len(caught) > 0 { // none would be every signal
		signal.Notify(l.sigs, caught...)
	}
	go l.watch()
	return l
}

// watch waits for a signal until release.
func (l *fastLocks) watch() {
	select {
	case s := <-l.sigs:
		l.mu.Lock()
		l.stopped = true
		l.removeHeld()
		l.mu.Unlock()
		signal.Stop(l.sigs)
		raise(s)
	case <-l.quit:
	}
}

func (l *fastLocks) take(p string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return errInterrupted
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	l.held = append(l.held, p)
	return f.Close()
}

// write fills a held lock.
func (l *fastLocks) write(p string, data []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return errInterrupted
	}
	return os.WriteFile(p, data, 0o666)
}

// commit renames a held lock into place.
func (l *fastLocks) commit(p string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return errInterrupted
	}
	if err := os.Rename(p, p[:len(p)-len(".lock")]); err != nil {
		return err
	}
	l.markDone(p)
	return nil
}

// drop removes a held lock before the others (HEAD's, once the branch
// has moved, as git ends its reference transaction before the index).
func (l *fastLocks) drop(p string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.stopped && !l.done[p] {
		os.Remove(p)
		l.markDone(p)
	}
}

func (l *fastLocks) markDone(p string) {
	if l.done == nil {
		l.done = map[string]bool{}
	}
	l.done[p] = true
}

// release removes every lock not committed and stops catching signals.
func (l *fastLocks) release() {
	l.mu.Lock()
	l.removeHeld()
	l.mu.Unlock()
	signal.Stop(l.sigs)
	close(l.quit)
}

// removeHeld removes the locks not committed (l.mu held).
func (l *fastLocks) removeHeld() {
	for i := len(l.held) - 1; i >= 0; i-- {
		if !l.done[l.held[i]] {
			os.Remove(l.held[i])
		}
	}
	l.held = nil
}

// lockErr is a lock's failure: the commit refused once a signal came,
// else left to git.
func lockErr(err error, what string) error {
	if err == errInterrupted {
		return err
	}
	return fastBack(what + ": " + err.Error())
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
			return lockErr(err, "lock")
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

// writeObjects writes loose the objects the repository lacks, one after
// the other (two goroutines at it were slower here: the commit's objects
// are few and small).
func (r *Repo) writeObjects(all []plumbing.EncodedObject) error {
	var lw looseWriter
	for _, o := range all {
		if r.Git.Storer.HasEncodedObject(o.Hash()) == nil {
			continue
		}
		if err := r.writeLoose(&lw, o); err != nil {
			return err
		}
	}
	return nil
}

// looseWriter writes loose objects through one compressor: a new one
// for each object (level 1 allocates 1.2 MB of tables) cost more than
// compressing the commit's few small objects.
type looseWriter struct{ z *zlib.Writer }

// writeLoose stores an object as git does: zlib-compressed in a
// temporary file beside its place, read-only, then linked into place (an
// object already there is kept).
func (r *Repo) writeLoose(lw *looseWriter, o plumbing.EncodedObject) error {
	hex := o.Hash().String()
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
	if lw.z == nil {
		lw.z, _ = zlib.NewWriterLevel(f, zlib.BestSpeed)
	} else {
		lw.z.Reset(f)
	}
	z := lw.z
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
