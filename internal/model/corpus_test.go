package model

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir is the real corpus beside the checkout; tests that need it skip
// where it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		t.Skipf("real corpus not found at %s (it lives in ../shared beside the checkout): %v", dir, err)
	}
	return dir
}

func corpusFiles(t testing.TB) []string {
	dir := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "content", "*", "careers", "positions", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 248 {
		t.Fatalf("corpus has %d posting files, want 248", len(files))
	}
	return files
}
