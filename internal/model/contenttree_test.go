package model

import (
	"path"
	"path/filepath"
	"testing"
)

// TestJoinUnderIsJoin: joinUnder and relUnder give what path.Join and
// filepath.Rel give, for the paths a walk gives and for odd ones.
func TestJoinUnderIsJoin(t *testing.T) {
	parts := []string{"", ".", "..", "/", "a", "a/b", "a/", "/a", "/a/b", "a/../b", "./a", "../a", "a//b", "a/.", "é/ü.fr.md", "content", "..a", "a..", ".a/b", "a/.b", "a/..b", "a/b/", "./", "a/./b"}
	for _, d := range parts {
		for _, r := range parts {
			if got, want := joinUnder(d, r), path.Join(d, r); got != want {
				t.Errorf("joinUnder(%q, %q) = %q, want %q", d, r, got, want)
			}
			root := filepath.FromSlash(d)
			for _, p := range []string{filepath.Join(root, filepath.FromSlash(r)), root + string(filepath.Separator) + filepath.FromSlash(r), root} {
				want, err := filepath.Rel(root, p)
				if err != nil {
					continue
				}
				if got := relUnder(root, p); got != filepath.ToSlash(want) {
					t.Errorf("relUnder(%q, %q) = %q, want %q", root, p, got, want)
				}
			}
		}
	}
}
