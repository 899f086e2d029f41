//go:build linux

package gitops

import (
	"os"
	"syscall"
	"time"
)

// changeFacts are the ctime and inode number of a file's stat data, which
// git's index keeps too; ok is false where the system does not give them.
func changeFacts(fi os.FileInfo) (ctime time.Time, ino uint32, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return time.Time{}, 0, false
	}
	sec, nsec := st.Ctim.Unix()
	return time.Unix(sec, nsec), uint32(st.Ino), true
}
