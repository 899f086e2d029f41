package gitops

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"
)

// Identity resolves the author and committer as git does: GIT_AUTHOR_* and
// GIT_COMMITTER_* first, then author.*/committer.* and user.* from the config
// files (system, then global: GIT_CONFIG_GLOBAL or the XDG file then
// ~/.gitconfig, then the repository's; later wins; [include] followed), then
// EMAIL for the address. go-git's own global lookup reads only the first
// global file it finds and no includes, hence this. Where those name
// nobody, git's own answer (git var), which also takes a name from the
// system's account: an identity git commit would use.
func (r *Repo) Identity() (author, committer object.Signature, err error) {
	return identityFrom(r.withGitIdentity(r.settings()))
}

// The settings where git's own answer about the identity is kept, when
// the environment and the config files name nobody (withGitIdentity): no
// key read from a config file can have these names.
const (
	gitVarAuthor    = "\x00git var GIT_AUTHOR_IDENT"
	gitVarCommitter = "\x00git var GIT_COMMITTER_IDENT"
)

// identityFrom is Identity from settings already read: configIdentity,
// else what git var said when the settings were read (withGitIdentity),
// else KindNoIdentity: jobtui refuses only where git refuses.
func identityFrom(cfg settings) (author, committer object.Signature, err error) {
	author, committer, err = configIdentity(cfg)
	if err == nil {
		return author, committer, nil
	}
	a, aok := parseIdent(cfg.get(gitVarAuthor))
	c, cok := parseIdent(cfg.get(gitVarCommitter))
	if !aok || !cok {
		return author, committer, err
	}
	return a, c, nil
}

// configIdentity is the identity the environment and git's config files
// give, read in-process; KindNoIdentity when they do not name both the
// author and the committer in full, though git may still know them (from
// the system's account: see identityFrom).
func configIdentity(cfg settings) (author, committer object.Signature, err error) {
	pick := func(values ...string) string {
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
		return ""
	}
	author.Name = pick(os.Getenv("GIT_AUTHOR_NAME"), cfg.get("author.name"), cfg.get("user.name"))
	author.Email = pick(os.Getenv("GIT_AUTHOR_EMAIL"), cfg.get("author.email"), cfg.get("user.email"), os.Getenv("EMAIL"))
	committer.Name = pick(os.Getenv("GIT_COMMITTER_NAME"), cfg.get("committer.name"), cfg.get("user.name"))
	committer.Email = pick(os.Getenv("GIT_COMMITTER_EMAIL"), cfg.get("committer.email"), cfg.get("user.email"), os.Getenv("EMAIL"))
	if author.Name == "" || author.Email == "" || committer.Name == "" || committer.Email == "" {
		return author, committer, &Error{Kind: KindNoIdentity}
	}
	now := time.Now()
	author.When = parseGitDate(os.Getenv("GIT_AUTHOR_DATE"), now)
	committer.When = parseGitDate(os.Getenv("GIT_COMMITTER_DATE"), now)
	return author, committer, nil
}

// withGitIdentity adds to settings just read git's own answer about the
// identity, when the environment and the config files name nobody: git
// var GIT_AUTHOR_IDENT and GIT_COMMITTER_IDENT, run in the repository,
// which refuse exactly where git commit refuses (an address it would have
// to guess from the host's name) and otherwise take what is missing from
// the system's account (the name from /etc/passwd, with EMAIL for the
// address). Two git processes, only where jobtui would otherwise refuse.
func (r *Repo) withGitIdentity(s settings) settings {
	if _, _, err := configIdentity(s); err == nil {
		return s
	}
	s = maps.Clone(s) // settings may be shared (prefetched): add to a copy
	for _, v := range []struct{ key, name string }{{gitVarAuthor, "GIT_AUTHOR_IDENT"}, {gitVarCommitter, "GIT_COMMITTER_IDENT"}} {
		res, err := r.git(context.Background(), gitRun{args: []string{"var", v.name}})
		if err != nil || res.code != 0 {
			return s
		}
		s[v.key] = []string{strings.TrimSpace(string(res.stdout))}
	}
	return s
}

// parseIdent reads an identity as git var prints it: "Name <email>
// 1700000000 +0100". The address may be empty: git var prints "Name <>"
// for user.email set empty, and git commits with it.
func parseIdent(line string) (sig object.Signature, ok bool) {
	end := strings.LastIndexByte(line, '>')
	start := strings.LastIndexByte(line[:max(end, 0)], '<')
	if end < 0 || start < 0 {
		return sig, false
	}
	sig.Name = strings.TrimSpace(line[:start])
	sig.Email = line[start+1 : end]
	sig.When = parseGitDate(line[end+1:], time.Now())
	return sig, sig.Name != ""
}

// configFiles lists the config files git reads, lowest priority first.
func configFiles(gitDir string) []string {
	var files []string
	if nosystem, _ := gitEnvBool("GIT_CONFIG_NOSYSTEM", false); !nosystem {
		// Set, even empty, GIT_CONFIG_SYSTEM names the file: git reads
		// no system file when it names none.
		if sys, ok := os.LookupEnv("GIT_CONFIG_SYSTEM"); !ok {
			files = append(files, "/etc/gitconfig")
		} else if sys != "" {
			files = append(files, sys)
		}
	}
	if g, ok := os.LookupEnv("GIT_CONFIG_GLOBAL"); ok {
		files = append(files, g)
	} else {
		home, _ := os.UserHomeDir()
		xdg := os.Getenv("XDG_CONFIG_HOME")
		if xdg == "" && home != "" {
			xdg = filepath.Join(home, ".config")
		}
		if xdg != "" {
			files = append(files, filepath.Join(xdg, "git", "config"))
		}
		if home != "" {
			files = append(files, filepath.Join(home, ".gitconfig"))
		}
	}
	if gitDir != "" {
		files = append(files, filepath.Join(gitDir, "config"))
	}
	return files
}

func expandIncludePath(p, from string) string {
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[2:])
		}
	}
	if !filepath.IsAbs(p) {
		return filepath.Join(filepath.Dir(from), p)
	}
	return p
}

// parseGitDate reads the date formats of GIT_AUTHOR_DATE that scripts use:
// "@1700000000 +0100", "1700000000 +0100", RFC 3339 and RFC 2822.
func parseGitDate(s string, def time.Time) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return def
	}
	fields := strings.Fields(strings.TrimPrefix(s, "@"))
	if len(fields) >= 1 {
		if sec, err := strconv.ParseInt(fields[0], 10, 64); err == nil {
			loc := time.UTC
			if len(fields) == 2 {
				if t, err := time.Parse("-0700", fields[1]); err == nil {
					loc = t.Location()
				}
			}
			return time.Unix(sec, 0).In(loc)
		}
	}
	for _, layout := range []string{time.RFC3339, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return def
}
