package gitops

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// PushResult tells where the branch went.
type PushResult struct {
	Remote   string
	Branch   string
	UpToDate bool
}

// Push sends the current branch to its upstream (branch.<name>.remote and
// .merge), or to origin under the same name, with go-git. SSH remotes use
// the SSH agent; HTTPS remotes JOBTUI_GIT_TOKEN or, where git is installed,
// `git credential fill`. A rejected (non-fast-forward) push changes nothing
// locally and says to pull first.
func Push(ctx context.Context, r *Repo) (*PushResult, error) {
	head, err := r.Git.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return nil, err
	}
	if head.Type() != plumbing.SymbolicReference {
		return nil, &Error{Kind: KindDetachedHead}
	}
	branch := head.Target()
	cfg, err := r.Git.Config()
	if err != nil {
		return nil, err
	}
	remoteName, dest := "origin", branch
	if b, ok := cfg.Branches[branch.Short()]; ok {
		if b.Remote != "" {
			remoteName = b.Remote
		}
		if b.Merge != "" {
			dest = b.Merge
		}
	}
	remote, ok := cfg.Remotes[remoteName]
	if !ok || len(remote.URLs) == 0 {
		return nil, &Error{Kind: KindNoRemote}
	}
	auth, err := pushAuth(ctx, remote.URLs[0])
	if err != nil {
		return nil, err
	}
	res := &PushResult{Remote: remoteName, Branch: branch.Short()}
	err = r.Git.PushContext(ctx, &git.PushOptions{
		RemoteName: remoteName,
		RefSpecs:   []config.RefSpec{config.RefSpec(branch.String() + ":" + dest.String())},
		Auth:       auth,
	})
	switch {
	case errors.Is(err, git.NoErrAlreadyUpToDate):
		res.UpToDate = true
		return res, nil
	case err == nil:
		return res, nil
	case errors.Is(err, transport.ErrAuthenticationRequired), errors.Is(err, transport.ErrAuthorizationFailed):
		return nil, &Error{Kind: KindPushAuth, Detail: remoteName}
	case strings.Contains(err.Error(), "non-fast-forward"):
		return nil, &Error{Kind: KindPushRejected, Detail: remoteName}
	}
	return nil, fmt.Errorf("push to %s: %w", remoteName, err)
}

// pushAuth finds credentials for a remote URL.
func pushAuth(ctx context.Context, raw string) (transport.AuthMethod, error) {
	ep, err := transport.NewEndpoint(raw)
	if err != nil {
		return nil, err
	}
	switch ep.Protocol {
	case "ssh":
		user := ep.User
		if user == "" {
			user = "git"
		}
		auth, err := ssh.NewSSHAgentAuth(user)
		if err != nil {
			return nil, &Error{Kind: KindPushAuth, Err: err}
		}
		return auth, nil
	case "http", "https":
		if tok := os.Getenv("JOBTUI_GIT_TOKEN"); tok != "" {
			user := ep.User
			if user == "" {
				user = "jobtui"
			}
			return &http.BasicAuth{Username: user, Password: tok}, nil
		}
		if user, pass, ok := credentialFill(ctx, ep); ok {
			return &http.BasicAuth{Username: user, Password: pass}, nil
		}
	}
	return nil, nil
}

// credentialFill asks git's credential helpers, as git itself would: the
// one place jobtui runs git, and only where it is installed.
func credentialFill(ctx context.Context, ep *transport.Endpoint) (string, string, bool) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		return "", "", false
	}
	u := url.URL{Scheme: ep.Protocol, Host: ep.Host, Path: ep.Path}
	if ep.Port != 0 {
		u.Host = fmt.Sprintf("%s:%d", ep.Host, ep.Port)
	}
	in := fmt.Sprintf("protocol=%s\nhost=%s\npath=%s\n\n", ep.Protocol, u.Host, strings.TrimPrefix(ep.Path, "/"))
	cmd := exec.CommandContext(ctx, gitBin, "credential", "fill")
	cmd.Stdin = strings.NewReader(in)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.Output()
	if err != nil {
		return "", "", false
	}
	var user, pass string
	for _, line := range bytes.Split(out, []byte("\n")) {
		k, v, _ := strings.Cut(string(line), "=")
		switch k {
		case "username":
			user = v
		case "password":
			pass = v
		}
	}
	return user, pass, pass != ""
}
