//go:build !linux

package gitops

import "os"

// statData: elsewhere than on Linux the fast path is not taken (the stat
// data git keeps are not read here).
func statData(fi os.FileInfo) (sd [40]byte, ok bool) { return sd, false }

// lstatEntry: elsewhere than on Linux the fast path is not taken (the
// stat data git keeps are not read here).
func lstatEntry(abs string) (sd [40]byte, mode uint32, err error) {
	if _, err := os.Lstat(abs); err != nil {
		return sd, 0, err
	}
	return sd, 0, errNoStatData
}

const (
	modeType    = 0o170000
	modeRegular = 0o100000
	modeSymlink = 0o120000
)

func ownedByUser(fi os.FileInfo) bool { return false }

// fastSignals: none is caught where the fast path is not taken.
var fastSignals []os.Signal

func raise(s os.Signal) {}
