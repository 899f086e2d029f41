//go:build unix

package cli

import (
	"os"
	"syscall"
)

// replaceProcess runs path in place of this process; it returns only when
// that cannot be done.
func replaceProcess(path string, argv []string) error {
	err := syscall.Exec(path, argv, os.Environ())
	return fail(exitCannot, "%s: %v", path, err)
}
