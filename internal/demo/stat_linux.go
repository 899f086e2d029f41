//go:build linux

package demo

import (
	"os"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// fillStat puts the stat data git's index keeps beside the time and size
// into e, as go-git's Worktree.Add does on Linux.
func fillStat(e *index.Entry, fi os.FileInfo) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		e.CreatedAt = time.Unix(st.Ctim.Unix())
		e.Dev, e.Inode, e.GID, e.UID = uint32(st.Dev), uint32(st.Ino), st.Gid, st.Uid
	}
}
