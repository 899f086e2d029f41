package gitops

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/cgi"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPushToBareRepository(t *testing.T) {
	dir := seed(t)
	bare := filepath.Join(t.TempDir(), "remote.git")
	runGit(t, dir, "init", "-q", "--bare", bare)
	runGit(t, dir, "remote", "add", "origin", "file://"+bare)
	r := openRepo(t, dir)
	res, err := Push(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if res.UpToDate || res.Branch != "main" {
		t.Errorf("result %+v", res)
	}
	if got, want := runGit(t, bare, "rev-parse", "main"), runGit(t, dir, "rev-parse", "HEAD"); got != want {
		t.Errorf("remote main %s, local %s", got, want)
	}
	if res, err := Push(context.Background(), r); err != nil || !res.UpToDate {
		t.Errorf("second push: %+v %v", res, err)
	}
	// Someone else pushes first: ours is rejected, nothing changes here.
	other := t.TempDir()
	runGit(t, other, "clone", "-q", "-b", "main", bare, ".")
	writeFile(t, other, "README.md", "theirs\n")
	runGit(t, other, "commit", "-q", "-am", "theirs")
	runGit(t, other, "push", "-q", "origin", "main")
	writeFile(t, dir, "README.md", "ours\n")
	runGit(t, dir, "commit", "-q", "-am", "ours")
	head := runGit(t, dir, "rev-parse", "HEAD")
	_, err = Push(context.Background(), r)
	if !errors.Is(err, ErrPushRejected) {
		t.Fatalf("err = %v, want a rejected push", err)
	}
	if runGit(t, dir, "rev-parse", "HEAD") != head {
		t.Error("a rejected push changed the local branch")
	}
}

// A real smart-HTTP server: git http-backend behind net/http/cgi on
// 127.0.0.1, with basic auth checked against JOBTUI_GIT_TOKEN.
func TestPushOverHTTP(t *testing.T) {
	dir := seed(t)
	root := t.TempDir()
	bare := filepath.Join(root, "site.git")
	runGit(t, dir, "init", "-q", "--bare", bare)
	runGit(t, bare, "config", "http.receivepack", "true")
	execPath, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		t.Skip("git --exec-path failed")
	}
	backend := filepath.Join(strings.TrimSpace(string(execPath)), "git-http-backend")
	handler := &cgi.Handler{Path: backend, Env: []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1", "REMOTE_USER=jobtui"}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if _, pass, ok := req.BasicAuth(); !ok || pass != "s3cret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
			http.Error(w, "auth", http.StatusUnauthorized)
			return
		}
		handler.ServeHTTP(w, req)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	runGit(t, dir, "remote", "add", "origin", "http://"+ln.Addr().String()+"/site.git")
	r := openRepo(t, dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("JOBTUI_GIT_TOKEN", "wrong")
	if _, err := Push(context.Background(), r); err == nil {
		t.Fatal("a wrong token was accepted")
	}
	t.Setenv("JOBTUI_GIT_TOKEN", "s3cret")
	if _, err := Push(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if got, want := runGit(t, bare, "log", "-1", "--format=%H", "main"), runGit(t, dir, "rev-parse", "HEAD"); got != want {
		t.Errorf("remote %s, local %s", got, want)
	}
}
