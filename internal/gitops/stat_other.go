//go:build !unix

package gitops

import (
	"os"
	"time"
)

// changeFacts: where the system gives no ctime or inode, ok is false.
func changeFacts(os.FileInfo) (ctime time.Time, ino uint32, ok bool) {
	return time.Time{}, 0, false
}
