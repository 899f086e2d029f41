package gitops

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/storage"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Repo is the git repository that holds a site.
type Repo struct {
	Git    *Store
	Root   string // absolute path of the work tree
	GitDir string // absolute path of the .git folder
	common string // the folder of the objects (commonDir)
	// NoTerminal runs git away from the terminal (a new session): in the
	// app, which owns the screen, ssh cannot ask for a passphrase there
	// and uses the agent's keys alone; https helpers never prompt anyway.
	NoTerminal bool

	stale   staleMemo   // StalePairs' last answer, for its HEAD (stale_memo.go)
	changes changesMemo // LastChanges' last answer (changes_memo.go)

	idxMu  sync.Mutex
	idx    *index.Index // the last index read, shared read-only
	idxSum [20]byte     // its checksum

	signMu  sync.Mutex
	signing *prefetch // settings PrefetchCommitCheck started reading, not yet used

	head headMemo // HEAD's folders read so far (headmemo.go)
}

// Open finds the repository holding dir, looking up through its parents.
func Open(dir string) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	st, root, err := openStore(abs)
	if errors.Is(err, errRepositoryNotExists) {
		return nil, &Error{Kind: KindNoRepository, Detail: abs}
	}
	if err != nil && strings.Contains(err.Error(), "extension") {
		// go-git refuses repositories with extensions it does not know
		// (extensions.worktreeConfig, set by git sparse-checkout, for one).
		return nil, &Error{Kind: KindRepoUnsupported, Detail: err.Error(), Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("open repository at %s: %w", abs, err)
	}
	var s storage.Storer = st
	if _, err := st.Filesystem().Stat("objects/info/alternates"); err == nil {
		// Objects borrowed from another repository (git clone --shared
		// or --reference): go-git reads them only through a file system
		// that reaches that repository's absolute path.
		alt := filesystem.NewStorageWithOptions(gitAlternates{st.Filesystem()}, cache.NewObjectLRUDefault(), storeOptions(false, findCommonDir(st.Filesystem().Root())))
		if err := checkStore(alt); err != nil {
			return nil, fmt.Errorf("open repository at %s: %w", abs, err)
		}
		s = alt
	}
	repo := &Repo{Git: &Store{Storer: s}, Root: root, GitDir: st.Filesystem().Root()}
	runtime.SetFinalizer(repo, func(r *Repo) { r.stale.closeReader() })
	repo.common = findCommonDir(repo.GitDir)
	if real, err := filepath.EvalSymlinks(repo.Root); err == nil {
		repo.Root = real
	}
	return repo, nil
}

// storeOptions are the options of every object store jobtui opens, for
// the repository whose common git folder is common: alternates
// (objects/info/alternates) are found where git finds them (go-git
// otherwise looks for them inside the git folder and finds none; see
// alternatesRoot); keep: pack files stay open across reads.
func storeOptions(keep bool, common string) filesystem.Options {
	root := alternatesRoot(filepath.Join(common, "objects"))
	return filesystem.Options{KeepDescriptors: keep, AlternatesFS: alternatesFS{osfs.New(root, osfs.WithBoundOS()), root}}
}

// alternatesFS is the file system go-git finds alternates through (it
// asks it for Stat and Chroot alone): a path is taken from root as the
// system takes it, links followed wherever they lead, as git follows
// them (go-billy's file systems take an absolute link's target from their
// root, or refuse it); the git folder an alternate names is then read
// through a file system bound to its real path.
type alternatesFS struct {
	billy.Filesystem // bound to root: what go-git does not use
	root             string
}

func (a alternatesFS) Stat(p string) (os.FileInfo, error) {
	return os.Stat(filepath.Join(a.root, p))
}

func (a alternatesFS) Chroot(p string) (billy.Filesystem, error) {
	dir := filepath.Join(a.root, p)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return osfs.New(dir, osfs.WithBoundOS()), nil
}

// alternatesRoot is the folder go-git is to read the alternates of the
// objects folder from. An absolute line is read from "/" as written. git
// takes a relative line from the objects folder; go-git drops its
// leading "../" and reads the rest from the root it is given, which is
// then the folder those "../" lead to, from the objects folder's real
// path as git takes it. Lines that would need different roots, or ".."
// further in, are left to "/" (go-git cannot read those relative ones);
// empty lines and "#" comments, which git skips, count for none.
func alternatesRoot(objects string) string {
	data, err := os.ReadFile(filepath.Join(objects, "info", "alternates"))
	if err != nil {
		return "/"
	}
	if real, err := filepath.EvalSymlinks(objects); err == nil {
		objects = real
	}
	root := ""
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		dir := "/"
		if !filepath.IsAbs(line) {
			rest := filepath.ToSlash(line)
			for dir = objects; strings.HasPrefix(rest, "../"); rest = rest[3:] {
				dir = filepath.Dir(dir)
			}
			if strings.Contains("/"+rest+"/", "/../") {
				return "/"
			}
		}
		if root != "" && root != dir {
			return "/"
		}
		root = dir
	}
	if root == "" {
		return "/"
	}
	return root
}

// RepoPath turns an absolute file path into a repository-relative slash path.
func (r *Repo) RepoPath(abs string) (string, error) { return r.repoPath(abs, nil) }

// RepoPaths is RepoPath for many files of the same few folders: each
// folder's links are resolved once (not safe for concurrent use).
func (r *Repo) RepoPaths() func(abs string) (string, error) {
	dirs := map[string]string{}
	return func(abs string) (string, error) { return r.repoPath(abs, dirs) }
}

// repoPath is RepoPath with the folders' resolved paths kept in dirs (nil:
// none kept), for many files of the same few folders.
func (r *Repo) repoPath(abs string, dirs map[string]string) (string, error) {
	dir, base := filepath.Split(abs)
	real, ok := dirs[dir]
	if !ok {
		var err error
		if real, err = filepath.EvalSymlinks(dir); err != nil {
			real = ""
		}
		if dirs != nil {
			dirs[dir] = real
		}
	}
	if real != "" {
		abs = filepath.Join(real, base)
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", &Error{Kind: KindOutsideRepo, Paths: []string{abs}}
	}
	return filepath.ToSlash(rel), nil
}

// AbsPath turns a repository-relative slash path into an absolute path.
func (r *Repo) AbsPath(repoPath string) string {
	return filepath.Join(r.Root, filepath.FromSlash(repoPath))
}

func (r *Repo) gitFile(name string) string { return filepath.Join(r.GitDir, name) }

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
