package gitops

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
)

// jobtui reads a repository with go-git (states, history, diffs) and writes
// through the git command itself: a commit, a fetch, a push or a branch
// made by jobtui is made by git, so that hooks, signing, .gitattributes,
// the index's extensions, credential helpers and url.insteadOf all work as
// they do for the rest of the team.

// gitRun is one git command to run in the repository.
type gitRun struct {
	args   []string
	env    []string  // added to the environment
	stdin  io.Reader // nil: no input
	stderr io.Writer // also receives stderr as it comes (progress), may be nil
}

// gitResult is what a git command printed.
type gitResult struct {
	stdout []byte
	stderr string
	code   int
}

// ErrNoGit is returned when the git command is not installed.
var ErrNoGit = &Error{Kind: KindNoGit}

// gitEnv is the environment of every git command jobtui runs: git never
// prompts on the terminal (the app owns it) and never opens an editor.
func gitEnv(extra []string) []string {
	env := os.Environ()
	env = append(env, "GIT_TERMINAL_PROMPT=0", "GIT_EDITOR=:", "GIT_MERGE_AUTOEDIT=no")
	return append(env, extra...)
}

// git runs git in the work tree. A non-zero exit is returned as the result's
// code with a nil error; err is for git that could not run at all.
func (r *Repo) git(ctx context.Context, run gitRun) (*gitResult, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	bin, err := gitBinary()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, run.args...)
	cmd.Dir = r.Root
	cmd.Env = gitEnv(run.env)
	cmd.Stdin = run.stdin
	if r.NoTerminal {
		detach(cmd)
	}
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if run.stderr != nil {
		cmd.Stderr = io.MultiWriter(&errb, run.stderr)
	}
	err = cmd.Run()
	res := &gitResult{stdout: out.Bytes(), stderr: errb.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		return res, &Error{Kind: KindOther, Detail: "git " + strings.Join(run.args, " "), Err: err}
	}
	return res, nil
}

// gitOK runs git and turns a non-zero exit into an error of kind k carrying
// git's own words.
func (r *Repo) gitOK(ctx context.Context, k Kind, args ...string) ([]byte, error) {
	res, err := r.git(ctx, gitRun{args: args})
	if err != nil {
		return nil, err
	}
	if res.code != 0 {
		return nil, &Error{Kind: k, Output: strings.TrimSpace(res.stderr)}
	}
	return res.stdout, nil
}

// trimOut is a command's output without its final newline.
func trimOut(b []byte) string { return strings.TrimRight(string(b), "\r\n") }
