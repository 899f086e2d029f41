//go:build unix

package gitops

import (
	"os/exec"
	"syscall"
)

// detach starts cmd in a session of its own, without the controlling
// terminal: nothing it runs (ssh) can read or draw on the app's screen.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} }
