//go:build linux

package gitops

import (
	"encoding/binary"
	"os"
	"syscall"
)

// statData is a file's stat data as git's index keeps it (fill_stat_data:
// ctime, mtime, device, inode, mode, uid, gid, size, each cut to 32 bits);
// ok is false where the system does not give them.
func statData(fi os.FileInfo) (sd [40]byte, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return sd, false
	}
	return statBytes(st), true
}

func statBytes(st *syscall.Stat_t) (sd [40]byte) {
	for i, v := range []int64{int64(st.Ctim.Sec), int64(st.Ctim.Nsec), int64(st.Mtim.Sec), int64(st.Mtim.Nsec), int64(st.Dev), int64(st.Ino), int64(st.Mode), int64(st.Uid), int64(st.Gid), st.Size} {
		binary.BigEndian.PutUint32(sd[4*i:], uint32(v))
	}
	return sd
}

// lstatEntry is os.Lstat as fastOthersClean needs it, without building a
// FileInfo for each of the index's files: their stat data (statData) and
// st_mode (the file's type and permission bits).
func lstatEntry(abs string) (sd [40]byte, mode uint32, err error) {
	var st syscall.Stat_t
	for {
		if err = syscall.Lstat(abs, &st); err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return sd, 0, err
	}
	return statBytes(&st), st.Mode, nil
}

const (
	modeType    = syscall.S_IFMT
	modeRegular = syscall.S_IFREG
	modeSymlink = syscall.S_IFLNK
)

// ownedByUser tells whether a file belongs to the user git runs as (its
// safe.directory check).
func ownedByUser(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}

// fastSignals are the signals on which git removes its lock files
// (sigchain_push_common) before dying of them.
var fastSignals = []os.Signal{syscall.SIGINT, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT, syscall.SIGPIPE}

// raise sends the process the signal it caught, once it no longer
// catches it.
func raise(s os.Signal) {
	if sig, ok := s.(syscall.Signal); ok {
		syscall.Kill(os.Getpid(), sig)
	}
}
