// Package gitserver serves git repositories over smart HTTP for tests,
// with git's own server (git http-backend, run through net/http/cgi), basic
// authentication, and the hooks a forge has: a protected main branch and a
// "Create a pull request" message for new branches. It can squash-merge a
// branch as a forge does. Tests of jobtui's remote work run against it, never
// against a folder.
package gitserver

import (
	"fmt"
	"net"
	"net/http"
	"net/http/cgi"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// User and Password are the credentials the server accepts.
const (
	User     = "recruiter"
	Password = "s3cret-token"
)

// Server is a running smart-HTTP git server on 127.0.0.1.
type Server struct {
	URL  string // http://127.0.0.1:PORT
	Root string // the folder holding the served bare repositories
	srv  *http.Server
}

// Start serves Root's repositories until the test ends. It skips the test
// when git is not installed.
func Start(t testing.TB) *Server {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the git server cannot run")
	}
	execPath, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		t.Skip("git --exec-path failed: the git server cannot run")
	}
	backend := filepath.Join(strings.TrimSpace(string(execPath)), "git-http-backend")
	root := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), Root: root}
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		// As forges do, a token is accepted whatever the user name.
		user, pass, ok := req.BasicAuth()
		if !ok || pass != Password {
			w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		h := &cgi.Handler{Path: backend, Env: []string{
			"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1", "REMOTE_USER=" + user,
			"GIT_CONFIG_NOSYSTEM=1", "HOME=" + root,
		}}
		h.ServeHTTP(w, req)
	})}
	go s.srv.Serve(ln)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

// Repo makes a served bare repository name.git holding what the local
// repository src has on its branch main, with a protected main (a
// pre-receive hook refusing pushes to it, as a forge's branch protection
// does) and a post-receive hook that answers a new branch with a "Create
// a pull request" address. It returns the repository's URL and its path.
func (s *Server) Repo(t testing.TB, name, src string) (url, bare string) {
	t.Helper()
	bare = filepath.Join(s.Root, name+".git")
	Git(t, s.Root, "init", "-q", "--bare", "-b", "main", bare)
	Git(t, bare, "config", "http.receivepack", "true")
	Git(t, src, "push", "-q", bare, "main:main")
	url = s.URL + "/" + name + ".git"
	s.hook(t, bare, "pre-receive", `while read old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "error: GH006: Protected branch update failed for refs/heads/main."
    echo "error: Changes must be made through a pull request."
    exit 1
  fi
done`)
	s.hook(t, bare, "post-receive", fmt.Sprintf(`while read old new ref; do
  case "$ref" in refs/heads/main) ;; refs/heads/*)
    if [ "$old" = 0000000000000000000000000000000000000000 ]; then
      b=${ref#refs/heads/}
      echo
      echo "Create a pull request for '$b' on the forge by visiting:"
      echo "     %s/%s/pull/new/$b"
      echo
    fi ;;
  esac
done`, s.URL, name))
	return url, bare
}

func (s *Server) hook(t testing.TB, bare, name, body string) {
	t.Helper()
	p := filepath.Join(bare, "hooks", name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// SquashMerge merges branch into main on the server as a forge's "squash
// and merge" does: one new commit on main with the merged tree, the branch
// not an ancestor of it. It fails the test on a conflict.
func SquashMerge(t testing.TB, bare, branch, subject string) string {
	t.Helper()
	tree := strings.Fields(Git(t, bare, "merge-tree", "--write-tree", "main", branch))[0]
	commit := strings.TrimSpace(Git(t, bare, "-c", "user.name=Forge", "-c", "user.email=forge@example.org",
		"commit-tree", tree, "-p", "main", "-m", subject))
	Git(t, bare, "update-ref", "refs/heads/main", commit)
	return commit
}

// Git runs git in dir and returns its output, failing the test on error.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// CredentialHelper configures the repository at dir (its own config, not
// the user's) to answer the server's credentials, as a real credential
// helper would.
func CredentialHelper(t testing.TB, dir string) {
	t.Helper()
	Git(t, dir, "config", "credential.helper",
		fmt.Sprintf(`!f() { test "$1" = get && echo username=%s && echo password=%s; }; f`, User, Password))
}
