package gitops

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The fast path is checked against git itself: a twin of the repository
// (a copy of its .git folder, taken with its files' times, over the same
// work tree, so that git reads the very stat data the fast path reads)
// commits the same change with git commit --only at the same instant,
// and everything git wrote must be the same, byte for byte.

const fastInstant = 1767225600 // 2026-01-01 00:00 UTC

// fastRepo is a repository of nested folders, names with spaces and
// accents, committed long enough ago that no entry is racily clean.
func fastRepo(t *testing.T) string {
	dir := gitRepo(t)
	for p, c := range map[string]string{
		enPath:                               "---\ntitle: Developer\narchived: false\n---\nBody\n",
		frPath:                               "---\ntitle: Chef d’équipe\narchived: false\n---\nCorps\n",
		"content/fr/careers/a b/é c.md":      "accents\n",
		"content/en/careers/positions/x.txt": "x\n",
		"content/en/careers.md":              "careers\n",
		"content/en/careers-x/y.md":          "y\n",
		"README.md":                          "site\n",
		"other/deep/er/notes.txt":            "notes\n",
		"z.sh":                               "#!/bin/sh\n",
	} {
		writeFile(t, dir, p, c)
	}
	if err := os.Chmod(filepath.Join(dir, "z.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	backdate(t, dir)
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "commit", "-q", "-m", "seed")
	return dir
}

// backdate sets every work-tree file a minute back, as files are long
// before the index that records them.
func backdate(t *testing.T, dir string) {
	old := time.Now().Add(-time.Minute)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return err
	})
}

// edit changes the two postings as archive does.
func edit(t *testing.T, dir string) []string {
	for _, p := range []string{enPath, frPath} {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, p, strings.Replace(string(data), "archived: false", "archived: true", 1))
	}
	return []string{enPath, frPath}
}

// twin copies dir's .git folder (times kept) for git to commit in.
func twin(t *testing.T, dir string) string {
	gd := filepath.Join(t.TempDir(), "twin.git")
	if out, err := exec.Command("cp", "-a", filepath.Join(dir, ".git"), gd).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return gd
}

// gitTwinCommit commits paths in the twin with git, as runCommit does, at
// fastInstant.
func gitTwinCommit(t *testing.T, dir, gd, msg string, paths []string) {
	f := filepath.Join(t.TempDir(), "msg")
	if err := os.WriteFile(f, []byte(strings.TrimRight(msg, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--git-dir=" + gd, "--work-tree=" + dir, "--literal-pathspecs", "-c", "maintenance.auto=false",
		"commit", "--quiet", "--only", "--no-edit", "-F", f, "--"}, paths...)
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=@"+strconv.Itoa(fastInstant), "GIT_COMMITTER_DATE=@"+strconv.Itoa(fastInstant))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit in the twin: %v\n%s", err, out)
	}
}

// traceFast records the fast path's reasons during a test.
func traceFast(t *testing.T) *[]string {
	var reasons []string
	fastTrace = func(r string) { reasons = append(reasons, r) }
	fastNow = func() time.Time { return time.Unix(fastInstant, 0) }
	t.Cleanup(func() { fastTrace, fastNow = nil, time.Now })
	return &reasons
}

// sameAsGit compares what the fast path wrote in dir with what git wrote
// in the twin gd.
func sameAsGit(t *testing.T, dir, gd, branch, status string) {
	t.Helper()
	for _, f := range []string{"index", "COMMIT_EDITMSG", "logs/HEAD", "logs/" + branch, "HEAD"} {
		a, errA := os.ReadFile(filepath.Join(dir, ".git", f))
		b, errB := os.ReadFile(filepath.Join(gd, f))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf(".git/%s differs from git's (%v, %v):\n%q\n%q", f, errA, errB, a, b)
		}
	}
	head := strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD"))
	if want := strings.TrimSpace(runGit(t, dir, "--git-dir="+gd, "rev-parse", "HEAD")); head != want {
		t.Errorf("commit %s, git made %s\n%s\n%s", head, want, runGit(t, dir, "cat-file", "-p", head), runGit(t, dir, "--git-dir="+gd, "cat-file", "-p", want))
	}
	runGit(t, dir, "fsck", "--strict", "--no-progress")
	if st := runGit(t, dir, "status", "--porcelain"); st != status {
		t.Errorf("git status after the commit: %q", st)
	}
}

func TestFastCommitIsGitsCommit(t *testing.T) {
	for _, tc := range []struct {
		name, msg string
		prep      func(t *testing.T, dir string)
	}{
		{"plain", "Archive posting developer: Developer / Chef d’équipe", nil},
		{"message cleaned", "\n\n  Subject  with\tspaces  \t\n\n\n\nBody line   \r\nmore\n\n\n", nil},
		{"sign-off and a line", "Signed-off-by: A <a@b>\n\nFix", nil},
		{"sign-off header alone", "Signed-off-by:", nil},
		{"sign-off indented", "  Signed-off-by: A <a@b>", nil},
		{"packed branch", "m", func(t *testing.T, dir string) { runGit(t, dir, "pack-refs", "--all") }},
		{"no reflogs yet", "m", func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, ".git", "logs"))
		}},
		{"branch with a folder", "m", func(t *testing.T, dir string) {
			runGit(t, dir, "checkout", "-q", "-b", "team/feature")
			runGit(t, dir, "pack-refs", "--all")
		}},
		{"other files edited", "m", func(t *testing.T, dir string) {
			writeFile(t, dir, "README.md", "edited, not staged\n")
		}},
		{"racily clean entries", "m", func(t *testing.T, dir string) {
			now := time.Now().Add(time.Hour)
			os.Chtimes(filepath.Join(dir, "README.md"), now, now)
			runGit(t, dir, "update-index", "--refresh")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := fastRepo(t)
			if tc.prep != nil {
				tc.prep(t, dir)
			}
			paths := edit(t, dir)
			gd := twin(t, dir)
			reasons := traceFast(t)
			before := FastCommits()
			res, err := openRepo(t, dir).CommitPathsWith(paths, tc.msg, CommitOptions{Changed: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(*reasons) != 1 || (*reasons)[0] != "" || FastCommits() != before+1 {
				t.Fatalf("the fast path was not taken: %q", *reasons)
			}
			gitTwinCommit(t, dir, gd, tc.msg, paths)
			branch := strings.TrimSpace(strings.TrimPrefix(runGit(t, dir, "symbolic-ref", "HEAD"), "ref: "))
			status := ""
			if tc.name == "other files edited" {
				status = " M README.md\n"
			}
			sameAsGit(t, dir, gd, branch, status)
			if head := strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD")); res.Hash.String() != head || res.Short != head[:7] {
				t.Errorf("result %v, HEAD %s", res.Hash, head)
			}
		})
	}
}

// fallBackCase is a condition under which git must commit.
type fallBackCase struct {
	name, reason string
	prep         func(t *testing.T, dir string)
	twin         bool // commit through CommitPathsWith and compare with git's own commit
}

var fallBackCases = []fallBackCase{
	{"hook", "a hook", func(t *testing.T, dir string) {
		writeFile(t, dir, ".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
		os.Chmod(filepath.Join(dir, ".git/hooks/pre-commit"), 0o755)
	}, true},
	{"gpgsign", "setting commit.gpgsign", func(t *testing.T, dir string) { runGit(t, dir, "config", "commit.gpgsign", "true") }, false},
	{"cleanup", "setting commit.cleanup", func(t *testing.T, dir string) { runGit(t, dir, "config", "commit.cleanup", "strip") }, true},
	{"encoding", "setting i18n.commitencoding", func(t *testing.T, dir string) { runGit(t, dir, "config", "i18n.commitEncoding", "ISO-8859-1") }, false},
	{"no reflogs", "setting core.logallrefupdates", func(t *testing.T, dir string) { runGit(t, dir, "config", "core.logAllRefUpdates", "false") }, true},
	{"autocrlf", "setting core.autocrlf", func(t *testing.T, dir string) { runGit(t, dir, "config", "core.autocrlf", "input") }, true},
	{"attributes at the root", "attributes", func(t *testing.T, dir string) {
		writeFile(t, dir, ".gitattributes", "*.md text eol=lf\n")
		runGit(t, dir, "add", ".gitattributes")
		runGit(t, dir, "commit", "-qm", "attributes")
	}, true},
	{"attributes in a folder", "attributes", func(t *testing.T, dir string) {
		writeFile(t, dir, "content/fr/.gitattributes", "*.md text eol=lf\n")
		runGit(t, dir, "add", "content/fr/.gitattributes")
		runGit(t, dir, "commit", "-qm", "attributes")
	}, true},
	{"info/attributes", ".git/info/attributes", func(t *testing.T, dir string) { writeFile(t, dir, ".git/info/attributes", "*.md text\n") }, true},
	{"global attributes", "attributes", func(t *testing.T, dir string) {
		writeFile(t, os.Getenv("XDG_CONFIG_HOME"), "git/attributes", "*.md text\n")
	}, true},
	{"index version 4", "index not version 2", func(t *testing.T, dir string) { runGit(t, dir, "update-index", "--index-version", "4") }, true},
	{"intent to add (version 3)", "index not version 2", func(t *testing.T, dir string) {
		writeFile(t, dir, "new.txt", "new\n")
		runGit(t, dir, "add", "-N", "new.txt")
	}, true},
	{"untracked cache", "index extensions", func(t *testing.T, dir string) { runGit(t, dir, "update-index", "--untracked-cache") }, true},
	{"other staged changes", "index is not HEAD", func(t *testing.T, dir string) {
		writeFile(t, dir, "README.md", "staged\n")
		runGit(t, dir, "add", "README.md")
	}, true},
	{"detached HEAD", "HEAD not on a branch", func(t *testing.T, dir string) { runGit(t, dir, "checkout", "-q", "--detach") }, false},
	{"reflog action", "environment GIT_REFLOG_ACTION", func(t *testing.T, dir string) { t.Setenv("GIT_REFLOG_ACTION", "archive") }, true},
	{"index file", "environment GIT_INDEX_FILE", func(t *testing.T, dir string) { t.Setenv("GIT_INDEX_FILE", filepath.Join(dir, ".git", "index")) }, false},
	{"dates", "environment GIT_AUTHOR_DATE", func(t *testing.T, dir string) {
		t.Setenv("GIT_AUTHOR_DATE", "@"+strconv.Itoa(fastInstant))
		t.Setenv("GIT_COMMITTER_DATE", "@"+strconv.Itoa(fastInstant))
	}, true},
	{"crud in a name", "identity", func(t *testing.T, dir string) { t.Setenv("GIT_AUTHOR_NAME", "Test Author.") }, true},
	// Nobody in the environment or the config: git takes the name from the
	// system's account (git var), which the fast path leaves to git.
	{"EMAIL alone", "identity", func(t *testing.T, dir string) {
		for _, v := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"} {
			t.Setenv(v, "")
			os.Unsetenv(v)
		}
		t.Setenv("EMAIL", "env@example.org")
	}, true},
	{"set empty", "identity GIT_COMMITTER_NAME", func(t *testing.T, dir string) {
		t.Setenv("GIT_COMMITTER_NAME", " ")
		runGit(t, dir, "config", "user.name", "Config Name")
	}, false},
	{"replace refs", ".git/refs/replace", func(t *testing.T, dir string) {
		runGit(t, dir, "replace", "-f", strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD:README.md")), strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD:z.sh")))
	}, false},
	{"packed replace refs", "replace refs", func(t *testing.T, dir string) {
		runGit(t, dir, "replace", "-f", strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD:README.md")), strings.TrimSpace(runGit(t, dir, "rev-parse", "HEAD:z.sh")))
		runGit(t, dir, "pack-refs", "--all")
		os.RemoveAll(filepath.Join(dir, ".git", "refs", "replace"))
	}, false},
	{"hooksPath in another user's home", "a hook", func(t *testing.T, dir string) { runGit(t, dir, "config", "core.hooksPath", "~nobody/hooks") }, false},
	{"hooksPath under git's prefix", "a hook", func(t *testing.T, dir string) { runGit(t, dir, "config", "core.hooksPath", "%(prefix)/hooks") }, false},
	{"hooksPath ~", "a hook", func(t *testing.T, dir string) {
		writeFile(t, os.Getenv("HOME"), "pre-commit", "#!/bin/sh\nexit 0\n")
		os.Chmod(filepath.Join(os.Getenv("HOME"), "pre-commit"), 0o755)
		runGit(t, dir, "config", "core.hooksPath", "~")
	}, true},
	{"user.email empty, EMAIL set", "identity user.email empty", func(t *testing.T, dir string) {
		for _, k := range []string{"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"} {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
		t.Setenv("EMAIL", "env@example.org")
		runGit(t, dir, "config", "user.email", "")
	}, true},
	{"author.name empty", "identity author.name empty", func(t *testing.T, dir string) {
		t.Setenv("GIT_AUTHOR_NAME", "")
		os.Unsetenv("GIT_AUTHOR_NAME")
		runGit(t, dir, "config", "user.name", "User Name")
		runGit(t, dir, "config", "author.name", "")
	}, false},
	{"squash message", ".git/SQUASH_MSG", func(t *testing.T, dir string) { writeFile(t, dir, ".git/SQUASH_MSG", "squash\n") }, true},
	{"branch locked", "lock:", func(t *testing.T, dir string) { writeFile(t, dir, ".git/refs/heads/main.lock", "") }, false},
	{"HEAD locked", "lock:", func(t *testing.T, dir string) { writeFile(t, dir, ".git/HEAD.lock", "") }, false},
}

// TestFastCommitFallsBack: under each condition the fast path is not
// taken, writes nothing, and the commit is git's.
func TestFastCommitFallsBack(t *testing.T) {
	for _, tc := range fallBackCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := fastRepo(t)
			tc.prep(t, dir)
			paths := edit(t, dir)
			reasons := traceFast(t)
			r := openRepo(t, dir)
			before := snapshot(t, dir)
			res, err := r.fastCommit(r.settings(), paths, "m", commitWork{place: func() error { return nil }})
			if res != nil || err != nil || len(*reasons) != 1 || !strings.Contains((*reasons)[0], tc.reason) {
				t.Fatalf("fast path: %v %v, reasons %q, want %q", res, err, *reasons, tc.reason)
			}
			if after := snapshot(t, dir); !sameSnapshot(before, after) {
				t.Fatalf("the refused fast path changed files")
			}
			if !tc.twin {
				return
			}
			gd := twin(t, dir)
			if _, err := r.CommitPathsWith(paths, "m", CommitOptions{Changed: true}); err != nil {
				t.Fatal(err)
			}
			gitTwinCommit(t, dir, gd, "m", paths)
			for _, f := range []string{"index", "logs/HEAD"} {
				a, _ := os.ReadFile(filepath.Join(dir, ".git", f))
				b, _ := os.ReadFile(filepath.Join(gd, f))
				if f == "logs/HEAD" { // the same but for the commit's id and time
					a, b = bytes.Fields(a)[len(bytes.Fields(a))-1], bytes.Fields(b)[len(bytes.Fields(b))-1]
				}
				if !bytes.Equal(a, b) {
					t.Errorf(".git/%s differs from git's", f)
				}
			}
			tree := runGit(t, dir, "rev-parse", "HEAD^{tree}")
			if want := runGit(t, dir, "--git-dir="+gd, "rev-parse", "HEAD^{tree}"); tree != want {
				t.Errorf("tree %s, git's %s", tree, want)
			}
		})
	}
}

// TestFastCommitRefusedWhileIndexLocked: index.lock taken meanwhile is
// refused as git refuses it, and nothing changes.
func TestFastCommitRefusedWhileIndexLocked(t *testing.T) {
	dir := fastRepo(t)
	paths := edit(t, dir)
	writeFile(t, dir, ".git/index.lock", "")
	before := snapshot(t, dir)
	r := openRepo(t, dir)
	_, err := r.fastCommit(r.settings(), paths, "m", commitWork{place: func() error { return nil }})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindIndexLocked {
		t.Fatalf("err %v, want KindIndexLocked", err)
	}
	if !sameSnapshot(before, snapshot(t, dir)) {
		t.Fatal("the refused commit changed files")
	}
}

// TestFastCommitInLinkedWorktree: a linked worktree goes to git.
func TestFastCommitInLinkedWorktree(t *testing.T) {
	dir := fastRepo(t)
	wt := filepath.Join(t.TempDir(), "wt")
	runGit(t, dir, "worktree", "add", "-q", "-b", "side", wt)
	backdate(t, wt)
	runGit(t, wt, "update-index", "--refresh")
	paths := edit(t, wt)
	reasons := traceFast(t)
	if _, err := openRepo(t, wt).CommitPathsWith(paths, "m", CommitOptions{Changed: true}); err != nil {
		t.Fatal(err)
	}
	if len(*reasons) != 1 || !strings.Contains((*reasons)[0], "not a plain .git folder") {
		t.Fatalf("reasons %q", *reasons)
	}
	if st := runGit(t, wt, "status", "--porcelain"); st != "" {
		t.Fatalf("status %q", st)
	}
}

// snapshot is every file under dir, .git included: its bytes and mode.
func snapshot(t *testing.T, dir string) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		info, _ := d.Info()
		files[p] = info.Mode().String() + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
