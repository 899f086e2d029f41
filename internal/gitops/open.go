package gitops

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	format "github.com/go-git/go-git/v5/plumbing/format/config"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Store is what jobtui reads of a repository through go-git: its objects
// and references. It is the part of go-git's Repository that jobtui used,
// with the same meaning; go-git's root package, which holds Repository,
// links its transports (net/http, crypto/tls, golang.org/x/crypto/ssh and
// more), whose package initialisation every jobtui process paid, although
// jobtui fetches and pushes with git itself.
type Store struct {
	Storer storage.Storer
}

// Head is the commit reference HEAD resolves to (Repository.Head).
func (s *Store) Head() (*plumbing.Reference, error) {
	return storer.ResolveReference(s.Storer, plumbing.HEAD)
}

// CommitObject reads a commit (Repository.CommitObject).
func (s *Store) CommitObject(h plumbing.Hash) (*object.Commit, error) {
	return object.GetCommit(s.Storer, h)
}

// The errors of go-git's git.PlainOpen and git.Open, with their words.
var (
	errRepositoryNotExists  = errors.New("repository does not exist")
	errRepositoryIncomplete = errors.New("repository's commondir path does not exist")
	errBareRepository       = errors.New("worktree not available in a bare repository")
	errFormatVersion        = errors.New("core.repositoryformatversion not supported")
	errExtensionForVersion  = errors.New("core.repositoryformatversion does not support extension")
	errUnknownExtension     = errors.New("unknown extension")
)

// openStore opens the repository holding path (absolute) as go-git's
// git.PlainOpenWithOptions with DetectDotGit and EnableDotGitCommonDir,
// then Repository.Worktree, do: the object store and the work tree's root.
func openStore(path string) (*filesystem.Storage, string, error) {
	dot, wt, err := findDotGit(path)
	if err != nil {
		return nil, "", err
	}
	if _, err := dot.Stat(""); err != nil {
		if os.IsNotExist(err) {
			return nil, "", errRepositoryNotExists
		}
		return nil, "", err
	}
	common, err := commonDirFS(dot)
	if err != nil {
		return nil, "", err
	}
	st := filesystem.NewStorage(dotgit.NewRepositoryFilesystem(dot, common), cache.NewObjectLRUDefault())
	if err := checkStore(st); err != nil {
		return nil, "", err
	}
	if wt == nil {
		return nil, "", errBareRepository
	}
	return st, wt.Root(), nil
}

// WorkTreeRoot is the work tree holding dir: its closest folder with a
// .git (as Open finds it), "" when there is none.
func WorkTreeRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	_, wt, err := findDotGit(abs)
	if err != nil || wt == nil {
		return ""
	}
	return wt.Root()
}

// findDotGit finds the .git folder (or file) of path or of its closest
// parent that has one (go-git's dotGitToOSFilesystems): the git folder
// and the work tree, nil when none was found (then the git folder is the
// last folder tried, as a bare repository).
func findDotGit(path string) (dot, wt billy.Filesystem, err error) {
	var fs billy.Filesystem
	var fi os.FileInfo
	for {
		fs = osfs.New(path)
		pathinfo, err := fs.Stat("/")
		if !os.IsNotExist(err) {
			if pathinfo == nil {
				return nil, nil, err
			}
			if !pathinfo.IsDir() {
				fs = osfs.New(filepath.Dir(path))
			}
		}
		fi, err = fs.Stat(".git")
		if err == nil {
			break
		}
		if !os.IsNotExist(err) {
			return nil, nil, err
		}
		if dir := filepath.Dir(path); dir != path {
			path = dir
			continue
		}
		return fs, nil, nil
	}
	if fi.IsDir() {
		dot, err = fs.Chroot(".git")
		return dot, fs, err
	}
	dot, err = dotGitFile(path, fs)
	if err != nil {
		return nil, nil, err
	}
	return dot, fs, nil
}

// dotGitFile is the git folder a .git file ("gitdir: ...") names.
func dotGitFile(path string, fs billy.Filesystem) (billy.Filesystem, error) {
	b, err := readAll(fs, ".git")
	if err != nil {
		return nil, err
	}
	line := string(b)
	const prefix = "gitdir: "
	if !strings.HasPrefix(line, prefix) {
		return nil, fmt.Errorf(".git file has no %s prefix", prefix)
	}
	gitdir := strings.TrimSpace(strings.Split(line[len(prefix):], "\n")[0])
	if filepath.IsAbs(gitdir) {
		return osfs.New(gitdir), nil
	}
	return osfs.New(fs.Join(path, gitdir)), nil
}

// commonDirFS is the folder a linked work tree's commondir file names, nil
// when there is none (go-git's dotGitCommonDirectory).
func commonDirFS(dot billy.Filesystem) (billy.Filesystem, error) {
	b, err := readAll(dot, "commondir")
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil || len(b) == 0 {
		return nil, err
	}
	path := strings.TrimSpace(string(b))
	var common billy.Filesystem
	if filepath.IsAbs(path) {
		common = osfs.New(path)
	} else {
		common = osfs.New(filepath.Join(dot.Root(), path))
	}
	if _, err := common.Stat(""); err != nil {
		if os.IsNotExist(err) {
			return nil, errRepositoryIncomplete
		}
		return nil, err
	}
	return common, nil
}

func readAll(fs billy.Filesystem, name string) ([]byte, error) {
	f, err := fs.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// checkStore refuses what go-git's git.Open refuses: a store without HEAD,
// an unreadable configuration, a repository format or extension go-git
// does not know.
func checkStore(s storage.Storer) error {
	if _, err := s.Reference(plumbing.HEAD); err == plumbing.ErrReferenceNotFound {
		return errRepositoryNotExists
	}
	version, raw, err := repoConfig(s)
	if err != nil {
		return err
	}
	switch version {
	case "", "0", "1":
	default:
		return fmt.Errorf("%w: %q", errFormatVersion, version)
	}
	if raw == nil || !raw.HasSection("extensions") {
		return nil
	}
	var unsupported, unknown []string
	for _, opt := range raw.Section("extensions").Options {
		name := strings.ToLower(opt.Key)
		// As go-git: its list of the extensions valid in version 0
		// (noop, partialClone, preciousObjects, worktreeConfig) is
		// compared with lower-cased names, so that only noop passes.
		if name != "noop" {
			unsupported = append(unsupported, name)
		}
		if name != "noop" && name != "noop-v1" {
			unknown = append(unknown, name)
		}
	}
	if (version == "" || version == "0") && len(unsupported) > 0 {
		return fmt.Errorf("%w: %s", errExtensionForVersion, strings.Join(unsupported, ", "))
	}
	if len(unknown) > 0 {
		return fmt.Errorf("%w: %s", errUnknownExtension, strings.Join(unknown, ", "))
	}
	return nil
}

// repoConfig reads the repository's configuration as go-git's Config does
// for what checkStore asks (the format version, the extensions), without
// the checks go-git's Config then makes of remotes, branches, URLs and
// pack settings, which git does not make when it opens a repository: a
// negative refspec (`fetch = ^refs/heads/x`, git's since 2.29) or a
// branch's merge written without refs/heads/ made every jobtui command
// refuse the repository ("malformed refspec"). A file git cannot read
// either (bad syntax) is still refused.
func repoConfig(s storage.Storer) (version string, raw *format.Config, err error) {
	fsys, ok := s.(interface{ Filesystem() billy.Filesystem })
	if !ok {
		cfg, err := s.Config()
		if err != nil {
			return "", nil, err
		}
		return string(cfg.Core.RepositoryFormatVersion), cfg.Raw, nil
	}
	b, err := readAll(fsys.Filesystem(), "config")
	if os.IsNotExist(err) {
		return "", format.New(), nil
	}
	if err != nil {
		return "", nil, err
	}
	raw = format.New()
	if err := format.NewDecoder(bytes.NewReader(b)).Decode(raw); err != nil {
		return "", nil, err
	}
	// As go-git's Config.unmarshalCore: only "1" is kept.
	if raw.Section("core").Options.Get("repositoryformatversion") == string(format.Version_1) {
		version = string(format.Version_1)
	}
	return version, raw, nil
}
