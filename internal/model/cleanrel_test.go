package model

import (
	"strings"
	"testing"
)

// isCleanRel against its definition: the parts between single slashes
// are names (none empty, "." or "..").
func TestIsCleanRel(t *testing.T) {
	byDefinition := func(p string) bool {
		for _, part := range strings.Split(p, "/") {
			if part == "" || part == "." || part == ".." {
				return false
			}
		}
		return true
	}
	cases := []string{"", ".", "..", "/", "a", "a/b", "/a", "a/", "a//b", "./a", "a/.", "a/./b", "../a", "a/..", "a/../b",
		"...", ".a", "a.", "a/.b/c", "content/fr/careers/positions/développeur--x.md", "a/b/c/d/e/f/g/h/i/j.md", "a\\b", " /a"}
	for _, p := range cases {
		if got, want := isCleanRel(p), byDefinition(p); got != want {
			t.Errorf("isCleanRel(%q) = %v, want %v", p, got, want)
		}
	}
}
