//go:build !unix

package gitops

import "os/exec"

// detach: where there are no sessions, git runs as it is.
func detach(cmd *exec.Cmd) {}
