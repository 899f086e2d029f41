package gitops

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fallsBackAsGit commits paths through CommitPathsWith, which must leave
// the commit to git for a reason containing reason, and compares the
// index and the tree with git's own commit in a twin taken before.
func fallsBackAsGit(t *testing.T, dir, reason string, paths []string) {
	t.Helper()
	gd := twin(t, dir)
	reasons := traceFast(t)
	if _, err := openRepo(t, dir).CommitPathsWith(paths, "m", CommitOptions{Changed: true}); err != nil {
		t.Fatal(err)
	}
	if len(*reasons) != 1 || !strings.Contains((*reasons)[0], reason) {
		t.Fatalf("reasons %q, want %q", *reasons, reason)
	}
	gitTwinCommit(t, dir, gd, "m", paths)
	a, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	b, _ := os.ReadFile(filepath.Join(gd, "index"))
	if !bytes.Equal(a, b) {
		t.Errorf("the index differs from git's")
	}
	if tree, want := runGit(t, dir, "rev-parse", "HEAD^{tree}"), runGit(t, dir, "--git-dir="+gd, "rev-parse", "HEAD^{tree}"); tree != want {
		t.Errorf("tree %s, git's %s", tree, want)
	}
}

// TestFastCommitSeesARacyEdit: another tracked file rewritten in place
// with the same size in the second the index was written looks clean to
// git's stat check (seconds), so git, the entry being racy, compares its
// content and smudges the entry (size 0): git status shows the edit. The
// fast path kept the entry's stat data, and git status missed the edit.
func TestFastCommitSeesARacyEdit(t *testing.T) {
	dir := fastRepo(t)
	runGit(t, dir, "config", "core.trustctime", "false") // the ctime's second may have moved on
	readme := filepath.Join(dir, "README.md")
	sec := time.Unix(time.Now().Add(time.Hour).Unix(), 0)
	if err := os.Chtimes(readme, sec, sec); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "update-index", "--refresh")
	if err := os.Chtimes(filepath.Join(dir, ".git", "index"), sec, sec); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(readme, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("sitE"), 0); err != nil { // "site\n": the same size
		t.Fatal(err)
	}
	f.Close()
	later := sec.Add(time.Second / 2) // the same second
	if err := os.Chtimes(readme, later, later); err != nil {
		t.Fatal(err)
	}
	paths := edit(t, dir)
	fallsBackAsGit(t, dir, "other file git would refresh or mark: README.md", paths)
	if st := runGit(t, dir, "status", "--porcelain"); st != " M README.md\n" {
		t.Errorf("git status after the commit: %q", st)
	}
}

// TestFastCommitRefusesSignOffsAlone: a message of nothing but
// Signed-off-by lines is empty to git commit, which refuses it; the fast
// path committed it.
func TestFastCommitRefusesSignOffsAlone(t *testing.T) {
	for _, msg := range []string{"Signed-off-by: A <a@b>", "\nSigned-off-by: A <a@b>\n\n\nSigned-off-by: B <b@c>  \n\n"} {
		dir := fastRepo(t)
		paths := edit(t, dir)
		gd := twin(t, dir)
		head := runGit(t, dir, "rev-parse", "HEAD")
		reasons := traceFast(t)
		if _, err := openRepo(t, dir).CommitPathsWith(paths, msg, CommitOptions{Changed: true}); err == nil {
			t.Errorf("%q: committed", msg)
		}
		if len(*reasons) != 1 || (*reasons)[0] != "message" {
			t.Errorf("%q: reasons %q", msg, *reasons)
		}
		if now := runGit(t, dir, "rev-parse", "HEAD"); now != head {
			t.Errorf("%q: HEAD moved", msg)
		}
		f := filepath.Join(t.TempDir(), "msg")
		os.WriteFile(f, []byte(msg), 0o644)
		out, err := exec.Command("git", append([]string{"--git-dir=" + gd, "--work-tree=" + dir, "commit", "-q", "--only", "-F", f, "--"}, paths...)...).CombinedOutput()
		if err == nil || !strings.Contains(string(out), "empty commit message") {
			t.Errorf("%q: git commit %v %s", msg, err, out)
		}
	}
}

// systemHooks makes a system config file whose core.hooksPath holds a
// pre-commit hook, and names it in GIT_CONFIG_SYSTEM.
func systemHooks(t *testing.T) string {
	hooks := t.TempDir()
	writeFile(t, hooks, "pre-commit", "#!/bin/sh\nexit 0\n")
	os.Chmod(filepath.Join(hooks, "pre-commit"), 0o755)
	sys := filepath.Join(t.TempDir(), "gitconfig")
	writeFile(t, filepath.Dir(sys), "gitconfig", "[core]\n\thooksPath = "+hooks+"\n")
	t.Setenv("GIT_CONFIG_SYSTEM", sys)
	return hooks
}

// TestNoSystemIsABoolean: GIT_CONFIG_NOSYSTEM is read as git reads it, a
// boolean: 0, false, no (or empty) read the system config, as git does;
// jobtui skipped it for any value, and the fast commit missed a system
// core.hooksPath.
func TestNoSystemIsABoolean(t *testing.T) {
	dir := fastRepo(t)
	hooks := systemHooks(t)
	for _, v := range []string{"0", "false", "no", "off", "", "00", "1", "true", "yes", "2", "-1", "1k", "010"} {
		t.Setenv("GIT_CONFIG_NOSYSTEM", v)
		want := strings.TrimSpace(string(gitConfigGet(dir, "core.hooksPath")))
		if got := openRepo(t, dir).settings().get("core.hookspath"); got != want {
			t.Errorf("GIT_CONFIG_NOSYSTEM=%q: core.hooksPath %q, git's %q", v, got, want)
		}
		if nosys, ok := gitEnvBool("GIT_CONFIG_NOSYSTEM", false); !ok || nosys != (want == "") {
			t.Errorf("GIT_CONFIG_NOSYSTEM=%q: %v %v, git reads the system config: %v", v, nosys, ok, want == hooks)
		}
	}
	for _, v := range []string{"0", "false", "no"} {
		t.Run(v, func(t *testing.T) {
			dir := fastRepo(t)
			systemHooks(t)
			t.Setenv("GIT_CONFIG_NOSYSTEM", v)
			fallsBackAsGit(t, dir, "a hook", edit(t, dir))
		})
	}
	t.Setenv("GIT_CONFIG_NOSYSTEM", "maybe") // git dies
	if _, ok := gitEnvBool("GIT_CONFIG_NOSYSTEM", false); ok {
		t.Error("GIT_CONFIG_NOSYSTEM=maybe taken")
	}
	r := openRepo(t, dir)
	if err := fastEnvironment(); err == nil {
		t.Error("the fast path takes GIT_CONFIG_NOSYSTEM=maybe")
	}
	if _, ok := readSettings(configFiles(r.commonDir())); ok {
		t.Error("GIT_CONFIG_NOSYSTEM=maybe read in-process")
	}
}

// gitConfigGet is git config --get's output (nothing when unset).
func gitConfigGet(dir, key string) []byte {
	cmd := exec.Command("git", "config", "--get", key)
	cmd.Dir = dir
	out, _ := cmd.Output()
	return out
}

// TestFastCommitSymlinkMadeAFile: a tracked symlink replaced by a regular
// file is committed by git as a file (100644); the fast path kept the
// symlink's mode, committing the file's text as a link.
func TestFastCommitSymlinkMadeAFile(t *testing.T) {
	dir := fastRepo(t)
	en := filepath.Join(dir, filepath.FromSlash(enPath))
	text, err := os.ReadFile(en)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(en)
	if err := os.Symlink("../../../../README.md", en); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "add", enPath)
	runGit(t, dir, "commit", "-qm", "link")
	os.Remove(en)
	writeFile(t, dir, enPath, string(text))
	paths := edit(t, dir)
	fallsBackAsGit(t, dir, "mode changed: "+enPath, paths)
	if ls := runGit(t, dir, "ls-tree", "HEAD", "--", enPath); !strings.HasPrefix(ls, "100644 blob ") {
		t.Errorf("committed %q", ls)
	}
}

// TestFastCommitLeavesBareKeysToGit: a string setting given without a
// value ("[user] email" alone) makes git die ("missing value for
// 'user.email'"); the fast path read it as "true" and committed.
func TestFastCommitLeavesBareKeysToGit(t *testing.T) {
	for _, key := range []string{"email", "name"} {
		dir := fastRepo(t)
		branch := filepath.Join(dir, ".git", "refs", "heads", "main")
		head, _ := os.ReadFile(branch)
		f, err := os.OpenFile(filepath.Join(dir, ".git", "config"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("[user]\n\t" + key + "\n")
		f.Close()
		paths := edit(t, dir)
		reasons := traceFast(t)
		_, err = openRepo(t, dir).CommitPathsWith(paths, "m", CommitOptions{Changed: true})
		if err == nil || len(*reasons) != 1 || (*reasons)[0] != "setting without a value: user."+key {
			t.Errorf("user.%s alone: %v, reasons %q", key, err, *reasons)
		}
		if now, _ := os.ReadFile(branch); len(head) == 0 || !bytes.Equal(now, head) {
			t.Errorf("user.%s alone: committed", key)
		}
	}
}

// TestFastCommitRefusesOtherBytes: a file that holds other bytes than the
// caller wrote (CommitOptions.Expect: someone saved it meanwhile) is not
// committed under the caller's message; with the bytes expected the
// commit is made in-process.
func TestFastCommitRefusesOtherBytes(t *testing.T) {
	dir := fastRepo(t)
	paths := edit(t, dir)
	expect := map[string][32]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		expect[p] = sha256.Sum256(data)
	}
	head := runGit(t, dir, "rev-parse", "HEAD")
	writeFile(t, dir, paths[1], "---\ntitle: Chef d’équipe\narchived: false\n---\nCorps, modifié ailleurs\n")
	_, err := openRepo(t, dir).CommitPathsWith(paths, "Archive x", CommitOptions{Changed: true, Expect: expect})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindChangedOnDisk || len(e.Paths) != 1 || e.Paths[0] != paths[1] {
		t.Fatalf("err = %v, want KindChangedOnDisk for %s", err, paths[1])
	}
	if got := runGit(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("HEAD moved to %s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "index.lock")); !os.IsNotExist(err) {
		t.Errorf("index.lock left: %v", err)
	}
	edit(t, dir)
	writeFile(t, dir, paths[1], "---\ntitle: Chef d’équipe\narchived: true\n---\nCorps\n")
	before := FastCommits()
	if _, err := openRepo(t, dir).CommitPathsWith(paths, "Archive x", CommitOptions{Changed: true, Expect: expect}); err != nil {
		t.Fatal(err)
	}
	if FastCommits() != before+1 {
		t.Error("the commit with the bytes expected was not made in-process")
	}
}

// TestGitCommitRefusesOtherBytes: where git commits (a hook here), a file
// that holds other bytes than the caller wrote is refused before git runs,
// as the in-process commit refuses it.
func TestGitCommitRefusesOtherBytes(t *testing.T) {
	dir := fastRepo(t)
	paths := edit(t, dir)
	expect := map[string][32]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		expect[p] = sha256.Sum256(data)
	}
	writeFile(t, dir, ".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
	if err := os.Chmod(filepath.Join(dir, ".git", "hooks", "pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	head := runGit(t, dir, "rev-parse", "HEAD")
	writeFile(t, dir, paths[0], "---\ntitle: Developer\narchived: false\n---\nBody, edited elsewhere\n")
	_, err := openRepo(t, dir).CommitPathsWith(paths, "Archive x", CommitOptions{Changed: true, Expect: expect})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindChangedOnDisk || len(e.Paths) != 1 || e.Paths[0] != paths[0] {
		t.Fatalf("err = %v, want KindChangedOnDisk for %s", err, paths[0])
	}
	if got := runGit(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("HEAD moved to %s", got)
	}
}
