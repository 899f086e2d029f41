//go:build !linux

package gitops

import (
	"os"
	"time"
)

// changeFacts: elsewhere than Linux (whose Stat_t fields differ from
// system to system) ok is false, and States hashes where size and mtime
// cannot tell.
func changeFacts(os.FileInfo) (ctime time.Time, ino uint32, ok bool) {
	return time.Time{}, 0, false
}
