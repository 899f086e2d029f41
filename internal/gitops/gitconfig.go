package gitops

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"

	"github.com/go-git/gcfg"
)

// settings is git's configuration as git reads it for the repository:
// each key ("section.name" or "section.subsection.name", section and name
// in lower case) to its values, in the order git reads them.
type settings map[string][]string

// bareKeys is where settings lists the keys given without a value
// ("[user] email" alone): true as booleans, but git dies on one it
// reads as a string (user.email, core.hooksPath...). No key read from a
// config file can have this name.
const bareKeys = "\x00bare keys"

// get is a key's last value, the one git uses ("" when unset).
func (s settings) get(key string) string {
	if v := s[key]; len(v) > 0 {
		return v[len(v)-1]
	}
	return ""
}

// boolean is a key's last value read as git reads a boolean; def when the
// key is unset or its value is not one.
func (s settings) boolean(key string, def bool) bool {
	switch strings.ToLower(s.get(key)) {
	case "true", "yes", "on", "1":
		return true
	case "false", "no", "off", "0":
		return false
	}
	return def
}

// settings reads git's configuration: the files git reads (system, global,
// the repository's; [include] followed) are read here, or, when they hold
// what only git evaluates ([includeIf], a worktree's own config,
// syntax go-git's decoder refuses) or git is given settings in the
// environment (`git -c`, GIT_CONFIG_COUNT), `git config --list` is asked.
// The identity checks add git's own answer where they name nobody
// (withGitIdentity), so that reading settings starts no git var.
func (r *Repo) settings() settings {
	s, ok := readSettings(configFiles(r.commonDir()))
	if !ok {
		s = r.settingsFromGit()
	}
	return s
}

// readSettings reads config files in-process; ok is false when git must
// be asked.
func readSettings(files []string) (settings, bool) {
	if os.Getenv("GIT_CONFIG_PARAMETERS") != "" || os.Getenv("GIT_CONFIG_COUNT") != "" {
		return nil, false
	}
	if _, ok := gitEnvBool("GIT_CONFIG_NOSYSTEM", false); !ok {
		return nil, false // git refuses the value: it says so
	}
	s := settings{}
	for _, f := range files {
		if !s.load(f, 0) {
			return nil, false
		}
	}
	if s.boolean("extensions.worktreeconfig", false) {
		return nil, false
	}
	return s, true
}

// load adds one config file's settings, following [include] paths as git
// does (a missing file is no error); false when git must be asked.
func (s settings) load(path string, depth int) bool {
	if path == "" {
		return true
	}
	if depth > 10 {
		return false
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) || (err == nil && len(bytes.TrimSpace(data)) == 0) {
		return true
	}
	if err != nil {
		return false
	}
	// Entries in the order the file gives them (go-git's decoder merges
	// repeated sections, which puts an [include] between two of the same
	// name out of git's last-one-wins order), an include read where its
	// path is.
	err = gcfg.ReadWithCallback(bytes.NewReader(data), func(sec, sub, key, value string, bare bool) error {
		name := strings.ToLower(sec)
		if name == "includeif" {
			return errGitMustSay
		}
		if key == "" {
			return nil // a section's header
		}
		k := name + "." + strings.ToLower(key)
		if sub != "" {
			k = name + "." + sub + "." + strings.ToLower(key)
		}
		if bare {
			// A key without "=": a true boolean, as `git config --list`
			// gives it (`key =` is an empty value, false).
			value = "true"
			s[bareKeys] = append(s[bareKeys], k)
		}
		s[k] = append(s[k], value)
		if k == "include.path" && !s.load(expandIncludePath(value, path), depth+1) {
			return errGitMustSay
		}
		return nil
	})
	return err == nil
}

// errGitMustSay stops reading a config file git alone can read.
var errGitMustSay = errors.New("git must read this config")

// settingsFromGit is `git config --list` (empty when git cannot say).
func (r *Repo) settingsFromGit() settings {
	s := settings{}
	res, err := r.git(context.Background(), gitRun{args: []string{"config", "--null", "--list"}})
	if err != nil || res.code != 0 {
		return s
	}
	for _, kv := range strings.Split(string(res.stdout), "\x00") {
		if kv == "" {
			continue
		}
		k, v, valued := strings.Cut(kv, "\n")
		if !valued {
			v = "true" // a bare key: a true boolean
			s[bareKeys] = append(s[bareKeys], k)
		}
		s[k] = append(s[k], v)
	}
	return s
}

// gitEnvBool reads an environment variable as git's git_env_bool: def
// when unset, else a boolean as git reads one ("" false, a number true
// unless 0); ok is false for a value jobtui cannot be sure git reads so
// (git dies on one it does not take).
func gitEnvBool(key string, def bool) (value, ok bool) {
	v, set := os.LookupEnv(key)
	if !set {
		return def, true
	}
	switch strings.ToLower(v) {
	case "true", "yes", "on":
		return true, true
	case "", "false", "no", "off":
		return false, true
	}
	digits := strings.TrimPrefix(strings.TrimPrefix(v, "-"), "+")
	if n := len(digits); n > 0 && strings.ContainsRune("kKmMgG", rune(digits[n-1])) {
		digits = digits[:n-1]
	}
	// strtoimax's base 0: a leading 0 is octal, so 8 and 9 stop it.
	if digits == "" || len(digits) > 18 || strings.Trim(digits, "0123456789") != "" || (digits[0] == '0' && strings.ContainsAny(digits, "89")) {
		return false, false
	}
	return strings.Trim(digits, "0") != "", true
}
