//go:build !unix

package gitops

import "github.com/go-git/go-billy/v5"

func mappedPacks(fs billy.Filesystem) billy.Filesystem { return fs }
