package gitops

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"
)

// CommitResult is a commit made by jobtui.
type CommitResult struct {
	Hash    plumbing.Hash
	Short   string
	Subject string
	Paths   []string
}

// change is what a commit does to one path: new content, or removal.
type change struct {
	remove bool
	hash   plumbing.Hash
	mode   filemode.FileMode
}

// CommitPaths commits exactly the given repository-relative paths, as they
// are in the working copy, and nothing else: the new tree is HEAD's with
// those paths replaced (or removed where deleted), whatever else is staged
// stays staged and out of the commit. The branch moves by compare-and-swap,
// a reflog entry is written, and the index entries of those paths are
// updated under .git/index.lock so that `git status` shows them clean.
//
// go-git's Worktree.Add and Commit would run a full status per file and
// commit everything staged, hence this.
func (r *Repo) CommitPaths(repoPaths []string, message string) (*CommitResult, error) {
	if len(repoPaths) == 0 {
		return nil, ErrNothingToCommit
	}
	paths := append([]string(nil), repoPaths...)
	sort.Strings(paths)
	paths = dedupe(paths)
	for _, p := range paths {
		if p == "" || path.IsAbs(p) || p != path.Clean(p) || p == ".." || strings.HasPrefix(p, "../") || p == ".git" || strings.HasPrefix(p, ".git/") {
			return nil, &Error{Kind: KindOutsideRepo, Paths: []string{p}}
		}
	}
	// Refusals first, before anything is written.
	headRef, err := r.Git.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return nil, fmt.Errorf("read HEAD: %w", err)
	}
	if headRef.Type() != plumbing.SymbolicReference {
		return nil, &Error{Kind: KindDetachedHead}
	}
	branch := headRef.Target()
	if exists(r.gitFile("MERGE_HEAD")) || exists(r.gitFile("CHERRY_PICK_HEAD")) || exists(r.gitFile("REVERT_HEAD")) {
		return nil, &Error{Kind: KindMerging}
	}
	author, committer, err := r.Identity()
	if err != nil {
		return nil, err
	}
	lock, err := lockIndex(r.gitFile("index"))
	if err != nil {
		return nil, err
	}
	defer lock.release()
	shared, err := r.index()
	if err != nil {
		return nil, err
	}
	// A copy: the shared index is read-only; changed entries are new.
	idx := &index.Index{}
	*idx = *shared
	idx.Entries = append([]*index.Entry(nil), shared.Entries...)
	for _, e := range idx.Entries {
		if e.Stage != 0 {
			return nil, &Error{Kind: KindConflicts, Paths: []string{e.Name}}
		}
	}
	oldRef, err := r.Git.Storer.Reference(branch)
	if err != nil && !errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, fmt.Errorf("read %s: %w", branch, err)
	}
	var parent *object.Commit
	var baseTree plumbing.Hash
	if oldRef != nil {
		if parent, err = r.Git.CommitObject(oldRef.Hash()); err != nil {
			return nil, fmt.Errorf("read HEAD commit: %w", err)
		}
		baseTree = parent.TreeHash
	}

	// Blobs of the working copy, and the stat of each file for the index.
	changes := map[string]change{}
	stats := map[string]os.FileInfo{}
	for _, p := range paths {
		abs := r.AbsPath(p)
		fi, err := os.Lstat(abs)
		if errors.Is(err, fs.ErrNotExist) {
			changes[p] = change{remove: true}
			continue
		}
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return nil, &Error{Kind: KindOther, Paths: []string{p}, Detail: "a folder, not a file"}
		}
		data, mode, err := readWorkFile(abs, fi)
		if err != nil {
			return nil, err
		}
		h, err := r.writeBlob(data)
		if err != nil {
			return nil, err
		}
		changes[p] = change{hash: h, mode: mode}
		stats[p] = fi
	}
	newTree, err := r.rewriteTree(baseTree, changes)
	if err != nil {
		return nil, err
	}
	if newTree == baseTree && parent != nil {
		return nil, ErrNothingToCommit
	}
	message = strings.TrimRight(message, "\n") + "\n"
	c := &object.Commit{Author: author, Committer: committer, Message: message, TreeHash: newTree}
	if parent != nil {
		c.ParentHashes = []plumbing.Hash{parent.Hash}
	}
	obj := r.Git.Storer.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return nil, err
	}
	commitHash, err := r.Git.Storer.SetEncodedObject(obj)
	if err != nil {
		return nil, err
	}

	// The index: only these paths change.
	byName := make(map[string]int, len(idx.Entries))
	for i, e := range idx.Entries {
		byName[e.Name] = i
	}
	var kept []*index.Entry
	for _, e := range idx.Entries {
		if ch, ok := changes[e.Name]; ok && ch.remove {
			continue
		}
		kept = append(kept, e)
	}
	idx.Entries = kept
	for _, p := range paths {
		ch := changes[p]
		if ch.remove {
			continue
		}
		var e *index.Entry
		if i, ok := byName[p]; ok {
			j := indexOf(idx.Entries, p, i)
			cp := *idx.Entries[j]
			e = &cp
			idx.Entries[j] = e
		} else {
			e = &index.Entry{Name: p}
			idx.Entries = append(idx.Entries, e)
		}
		e.Hash, e.Mode, e.IntentToAdd = ch.hash, ch.mode, false
		fillStat(e, stats[p])
	}
	// The cached trees describe the old index: git rebuilds them.
	idx.Cache, idx.ResolveUndo, idx.EndOfIndexEntry = nil, nil, nil
	if err := lock.write(idx); err != nil {
		return nil, err
	}

	// Move the branch only if nobody else did meanwhile.
	newRef := plumbing.NewHashReference(branch, commitHash)
	if err := r.Git.Storer.CheckAndSetReference(newRef, oldRef); err != nil {
		if errors.Is(err, storage.ErrReferenceHasChanged) {
			return nil, &Error{Kind: KindConcurrentCommit}
		}
		return nil, fmt.Errorf("update %s: %w", branch, err)
	}
	if err := lock.commit(); err != nil {
		return nil, fmt.Errorf("write the index: %w", err)
	}
	subject := strings.SplitN(message, "\n", 2)[0]
	old := plumbing.ZeroHash
	action := "commit (initial)"
	if oldRef != nil {
		old, action = oldRef.Hash(), "commit"
	}
	r.appendReflog(branch, old, commitHash, committer, action+": "+subject)
	return &CommitResult{Hash: commitHash, Short: commitHash.String()[:7], Subject: subject, Paths: paths}, nil
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// indexOf finds the entry named p, starting from a hint.
func indexOf(entries []*index.Entry, p string, hint int) int {
	if hint < len(entries) && entries[hint].Name == p {
		return hint
	}
	for i, e := range entries {
		if e.Name == p {
			return i
		}
	}
	return -1
}

func (r *Repo) writeBlob(data []byte) (plumbing.Hash, error) {
	h := plumbing.ComputeHash(plumbing.BlobObject, data)
	if r.Git.Storer.HasEncodedObject(h) == nil {
		return h, nil
	}
	obj := r.Git.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return h, err
	}
	if _, err := w.Write(data); err != nil {
		return h, err
	}
	if err := w.Close(); err != nil {
		return h, err
	}
	return r.Git.Storer.SetEncodedObject(obj)
}

// rewriteTree returns the hash of tree base with changes applied (paths
// relative to it). Subtrees without changes are reused by hash; a folder
// left empty disappears, as in git.
func (r *Repo) rewriteTree(base plumbing.Hash, changes map[string]change) (plumbing.Hash, error) {
	var entries []object.TreeEntry
	if !base.IsZero() {
		t, err := r.Git.TreeObject(base)
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("read tree %s: %w", base, err)
		}
		entries = append(entries, t.Entries...)
	}
	// Split the changes into this folder's files and sub-folders.
	sub := map[string]map[string]change{}
	for p, ch := range changes {
		if i := strings.IndexByte(p, '/'); i >= 0 {
			name := p[:i]
			if sub[name] == nil {
				sub[name] = map[string]change{}
			}
			sub[name][p[i+1:]] = ch
			continue
		}
		entries = removeEntry(entries, p)
		if !ch.remove {
			entries = append(entries, object.TreeEntry{Name: p, Mode: ch.mode, Hash: ch.hash})
		}
	}
	for name, chs := range sub {
		var subBase plumbing.Hash
		for _, e := range entries {
			if e.Name == name && e.Mode == filemode.Dir {
				subBase = e.Hash
			}
		}
		h, err := r.rewriteTree(subBase, chs)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		entries = removeEntry(entries, name)
		if !h.IsZero() {
			entries = append(entries, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
		}
	}
	if len(entries) == 0 {
		return plumbing.ZeroHash, nil
	}
	sort.Sort(object.TreeEntrySorter(entries))
	t := &object.Tree{Entries: entries}
	obj := r.Git.Storer.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	if r.Git.Storer.HasEncodedObject(obj.Hash()) == nil {
		return obj.Hash(), nil
	}
	return r.Git.Storer.SetEncodedObject(obj)
}

func removeEntry(entries []object.TreeEntry, name string) []object.TreeEntry {
	out := entries[:0]
	for _, e := range entries {
		if e.Name != name {
			out = append(out, e)
		}
	}
	return out
}

// appendReflog writes the reflog lines of a commit for the branch and HEAD,
// as git does. A reflog that cannot be written does not undo the commit.
func (r *Repo) appendReflog(branch plumbing.ReferenceName, old, new plumbing.Hash, who object.Signature, msg string) {
	_, offset := who.When.Zone()
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	line := fmt.Sprintf("%s %s %s <%s> %d %c%02d%02d\t%s\n", old, new, who.Name, who.Email, who.When.Unix(), sign, offset/3600, offset%3600/60, strings.ReplaceAll(msg, "\n", " "))
	for _, name := range []string{branch.String(), "HEAD"} {
		p := r.gitFile("logs/" + name)
		if err := os.MkdirAll(path.Dir(p), 0o755); err != nil {
			continue
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			continue
		}
		w := bufio.NewWriter(f)
		w.WriteString(line)
		w.Flush()
		f.Close()
	}
}
