package gitops

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing/object"
)

// fastEnvGit are the GIT_* variables the fast path allows: they change
// nothing of what git commit writes, or jobtui reads them as git does
// (the identity, the config files). Any other GIT_* variable (GIT_DIR,
// GIT_INDEX_FILE, GIT_AUTHOR_DATE, GIT_REFLOG_ACTION, GIT_CONFIG_COUNT,
// a trace...) leaves the commit to git.
var fastEnvGit = map[string]bool{
	"GIT_AUTHOR_NAME": true, "GIT_AUTHOR_EMAIL": true, "GIT_COMMITTER_NAME": true, "GIT_COMMITTER_EMAIL": true,
	"GIT_CONFIG_GLOBAL": true, "GIT_CONFIG_SYSTEM": true, "GIT_CONFIG_NOSYSTEM": true,
	"GIT_TERMINAL_PROMPT": true, "GIT_EDITOR": true, "GIT_SEQUENCE_EDITOR": true, "GIT_MERGE_AUTOEDIT": true,
	"GIT_PAGER": true, "GIT_ASKPASS": true, "GIT_SSH": true, "GIT_SSH_COMMAND": true, "GIT_SSH_VARIANT": true,
}

// fastEnvNetwork tells a variable of git's transports (GIT_SSL_CAINFO,
// GIT_HTTP_*...), which a commit does not read.
func fastEnvNetwork(k string) bool {
	for _, p := range []string{"GIT_SSL_", "GIT_HTTP_", "GIT_CURL_", "GIT_PROXY_"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// fastEnvironment refuses an environment git would commit differently in.
func fastEnvironment() error {
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GIT_") && !fastEnvGit[k] && !fastEnvNetwork(k) {
			return fastBack("environment " + k)
		}
	}
	if _, ok := gitEnvBool("GIT_CONFIG_NOSYSTEM", false); !ok {
		return fastBack("GIT_CONFIG_NOSYSTEM")
	}
	if os.Geteuid() == 0 && os.Getenv("SUDO_UID") != "" {
		return fastBack("SUDO_UID") // git's ownership check then compares with it
	}
	if tz, ok := os.LookupEnv("TZ"); ok && tz != "" {
		if _, err := time.LoadLocation(strings.TrimPrefix(tz, ":")); err != nil {
			return fastBack("TZ " + tz) // a zone Go may read otherwise than the C library
		}
	}
	return nil
}

// fastSettingKeys are settings whose mere presence leaves the commit to
// git (any value: git would write something else, or might).
var fastSettingKeys = []string{
	"core.worktree", "core.sharedrepository", "core.fsmonitor", "core.untrackedcache",
	"core.splitindex", "core.fsync", "core.fsyncobjectfiles", "core.fsyncmethod",
	"core.sparsecheckoutcone", "core.bigfilethreshold",
	"core.attributesfile", "commit.cleanup", "commit.template", "i18n.commitencoding",
	"user.useconfigonly", "rerere.enabled", "core.checkroundtripencoding",
}

// fastSettingPrefixes are families of settings that do the same.
var fastSettingPrefixes = []string{"extensions.", "index.", "feature.", "splitindex.", "hook.", "trace2."}

// fastSettings refuses settings (booleans: set otherwise than git's
// default or what the fast path does) under which git commits otherwise, or
// might: signing, a cleanup mode or encoding, a shared repository, the
// index's other forms, reflogs not written as by default, conversions.
func fastSettings(cfg settings) error {
	if bare := cfg[bareKeys]; len(bare) > 0 {
		return fastBack("setting without a value: " + bare[0]) // git dies on one it reads as a string
	}
	for k := range cfg {
		for _, p := range fastSettingPrefixes {
			if strings.HasPrefix(k, p) {
				return fastBack("setting " + k)
			}
		}
	}
	for _, k := range fastSettingKeys {
		if _, ok := cfg[k]; ok {
			return fastBack("setting " + k)
		}
	}
	for k, def := range map[string]bool{"commit.gpgsign": false, "core.autocrlf": false, "core.logallrefupdates": true,
		"core.bare": false, "core.ignorecase": false, "core.precomposeunicode": false, "core.sparsecheckout": false} {
		if _, ok := cfg[k]; ok && (!isBoolean(cfg.get(k)) || cfg.boolean(k, !def) != def) {
			return fastBack("setting " + k)
		}
	}
	return nil
}

func isBoolean(v string) bool {
	switch strings.ToLower(v) {
	case "true", "yes", "on", "1", "false", "no", "off", "0":
		return true
	}
	return false
}

// fastLayout refuses a repository git would treat otherwise than a plain
// one: .git not a folder at the work tree's root (a linked worktree, a
// gitfile), objects shared (commondir, alternates), not the user's
// (safe.directory), a paused operation or its leftovers, hooks, git's
// automatic maintenance due, attribute files that may convert the paths.
func (r *Repo) fastLayout(cfg settings, paths []string) error {
	dot := filepath.Join(r.Root, ".git") // Root has its links resolved
	if r.GitDir != dot || r.commonDir() != dot {
		if real, err := filepath.EvalSymlinks(r.GitDir); err != nil || real != dot || r.commonDir() != r.GitDir {
			return fastBack("not a plain .git folder")
		}
	}
	for _, p := range []string{r.Root, dot} {
		fi, err := os.Lstat(p)
		if err != nil || !fi.IsDir() || !ownedByUser(fi) {
			return fastBack("ownership or type of " + p)
		}
	}
	// A merge, cherry-pick, revert or rebase under way was refused by
	// checkCommit (OperationInProgress) before the fast path is tried.
	for _, f := range []string{"commondir", "objects/info/alternates", "MERGE_MSG", "MERGE_MODE", "SQUASH_MSG",
		"sequencer", "rr-cache", "MERGE_AUTOSTASH",
		"shallow", "info/grafts", "objects/info/grafts", "info/attributes", "refs/replace"} {
		if _, err := os.Lstat(r.gitFile(f)); !os.IsNotExist(err) {
			return fastBack(".git/" + f)
		}
	}
	if packed, err := os.ReadFile(r.gitFile("packed-refs")); (err != nil && !os.IsNotExist(err)) || bytes.Contains(packed, []byte(" refs/replace/")) {
		return fastBack("replace refs") // git would read HEAD's tree through them
	}
	if r.runsHook(cfg, commitHooks) {
		return fastBack("a hook")
	}
	if !r.maintenanceIdle(cfg) {
		return fastBack("maintenance due")
	}
	if r.conversionsMayApplyWith(cfg, paths) {
		return fastBack("attributes")
	}
	if _, err := os.Lstat("/etc/gitattributes"); !os.IsNotExist(err) && os.Getenv("GIT_ATTR_NOSYSTEM") == "" {
		return fastBack("/etc/gitattributes")
	}
	return nil
}

// fastMessage is the message as git commit --no-edit -F stores it (its
// cleanup is whitespace: stripspace without comments); one git would
// change otherwise (not UTF-8 as git checks it, a NUL) or refuse (empty,
// or sign-offs alone) goes to git.
func fastMessage(message string) (string, error) {
	msg := stripSpace(strings.TrimRight(message, "\n") + "\n")
	if signOffsOnly(msg) || strings.IndexByte(msg, 0) >= 0 || !gitUTF8(msg) {
		return "", fastBack("message")
	}
	return msg, nil
}

// signOffsOnly is git's message_is_empty (rest_is_empty, sequencer.c),
// which makes git commit abort "due to empty commit message": nothing
// but blank lines and lines starting "Signed-off-by: ".
func signOffsOnly(msg string) bool {
	for _, line := range strings.Split(msg, "\n") {
		if !strings.HasPrefix(line, "Signed-off-by: ") && strings.IndexFunc(line, func(c rune) bool { return c > 0x7f || !gitSpace(byte(c)) }) >= 0 {
			return false
		}
	}
	return true
}

// gitUTF8 is git's verify_utf8, which re-encodes what it refuses: Go's
// UTF-8 without U+FFFE and U+FFFF.
func gitUTF8(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsAny(s, "\uFFFE\uFFFF")
}

// gitSpace is git's isspace (sane_ctype): no \v or \f.
func gitSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// stripSpace is git's strbuf_stripspace without comment lines: trailing
// whitespace dropped from every line, runs of empty lines made one, none
// at the start or the end, every line ended by a newline.
func stripSpace(s string) string {
	var out bytes.Buffer
	empties := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i+1], s[i+1:]
		} else {
			s = ""
		}
		n := len(line)
		for n > 0 && gitSpace(line[n-1]) {
			n--
		}
		if n == 0 {
			empties++
			continue
		}
		if empties > 0 && out.Len() > 0 {
			out.WriteByte('\n')
		}
		empties = 0
		out.WriteString(line[:n])
		out.WriteByte('\n')
	}
	return out.String()
}

// reflogMessage is the reflog's message of a commit of msg: "commit: "
// and its first line, whitespace runs made one space as git's
// copy_reflog_msg makes them.
func reflogMessage(msg string) string {
	first, _, _ := strings.Cut(msg, "\n")
	var out []byte
	space := true
	for _, c := range []byte("commit: " + first) {
		if space && gitSpace(c) {
			continue
		}
		space = gitSpace(c)
		if space {
			c = ' '
		}
		out = append(out, c)
	}
	return strings.TrimRight(string(out), " ")
}

// fastIdent is a signature as git writes it, and its text.
type fastIdent struct {
	sig  object.Signature
	line string // "Name <email> 1700000000 +0100"
}

// fastIdentity is the author and committer git would write at now:
// configIdentity's (the environment and the config files only, never
// what git var took from the system's account, which identityFrom falls
// back to: that commit is left to git), where git would write those very
// bytes (no crud to strip, no variable set to what identityFrom passes
// over).
func fastIdentity(cfg settings, now time.Time) (author, committer fastIdent, err error) {
	a, c, err := configIdentity(cfg)
	if err != nil {
		return author, committer, fastBack("identity")
	}
	for _, v := range []struct{ env, got string }{
		{"GIT_AUTHOR_NAME", a.Name}, {"GIT_AUTHOR_EMAIL", a.Email},
		{"GIT_COMMITTER_NAME", c.Name}, {"GIT_COMMITTER_EMAIL", c.Email},
	} {
		if e, ok := os.LookupEnv(v.env); ok && e != v.got {
			return author, committer, fastBack("identity " + v.env)
		}
		if withoutCrud(v.got) != v.got || !gitUTF8(v.got) {
			return author, committer, fastBack("identity " + v.got)
		}
	}
	raw := []string{os.Getenv("EMAIL")}
	for _, k := range []string{"user.name", "user.email", "author.name", "author.email", "committer.name", "committer.email"} {
		if _, set := cfg[k]; set && cfg.get(k) == "" {
			return author, committer, fastBack("identity " + k + " empty") // git takes it, identityFrom passes over it
		}
		raw = append(raw, cfg.get(k))
	}
	for _, v := range raw {
		if v != strings.TrimSpace(v) {
			return author, committer, fastBack("identity with spaces")
		}
	}
	now = now.Truncate(time.Second)
	sign := func(s object.Signature) fastIdent {
		s.When = now
		var b bytes.Buffer
		s.Encode(&b)
		return fastIdent{sig: s, line: b.String()}
	}
	return sign(a), sign(c), nil
}

// withoutCrud is git's strbuf_addstr_without_crud: crud (bytes up to
// space and .,:;<>"\') trimmed at both ends, newlines and <> dropped.
func withoutCrud(s string) string {
	crud := func(c byte) bool { return c <= 32 || strings.IndexByte(".,:;<>\"\\'", c) >= 0 }
	for len(s) > 0 && crud(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && crud(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '<' || r == '>' {
			return -1
		}
		return r
	}, s)
}
