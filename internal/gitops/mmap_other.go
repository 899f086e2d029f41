//go:build !unix

package gitops

import (
	"errors"

	"github.com/go-git/go-billy/v5"
)

func mappedPacks(fs billy.Filesystem) billy.Filesystem { return fs }

// mapFile: no mapping here; the history walk reads through go-git.
func mapFile(name string) ([]byte, func(), error) {
	return nil, nil, errors.New("no memory mapping on this system")
}
