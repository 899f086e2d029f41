//go:build !linux

package gitops

import "os"

// statData: elsewhere than on Linux the fast path is not taken (the stat
// data git keeps are not read here).
func statData(fi os.FileInfo) (sd [40]byte, ok bool) { return sd, false }

func ownedByUser(fi os.FileInfo) bool { return false }

// fastSignals: none is caught where the fast path is not taken.
var fastSignals []os.Signal

func raise(s os.Signal) {}
