package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzFrontMatter: parse then write is the identity; setting a field never
// panics and, when it succeeds, the result parses and reads back the value
// with every other field unchanged.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range roundTripCases {
		f.Add([]byte(s), "edited: value")
	}
	f.Add([]byte("---\ntitle: a\n---\n"), "multi\nline")
	f.Add([]byte("+++\ntitle = 'a'\n+++\n"), "it's")
	if files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content", "*", "careers", "positions", "*.md")); len(files) > 0 {
		for _, p := range files[:min(len(files), 20)] {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data, "Titre : l’essai")
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, value string) {
		// A watchdog: an input that takes seconds is a hang to keep.
		done := make(chan struct{})
		go func() {
			defer close(done)
			fuzzFrontMatterOnce(t, data, value)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("hang on %q with value %q", data, value)
		}
	})
}

func fuzzFrontMatterOnce(t *testing.T, data []byte, value string) {
	{
		d, err := Parse(data)
		if err != nil {
			return
		}
		if !bytes.Equal(d.Bytes(), data) {
			t.Fatalf("round trip changed the file")
		}
		for _, key := range []string{"title", "description", "archived", "fuzzKey"} {
			d, _ := Parse(data)
			var want any = value
			var err error
			if key == "archived" {
				want = len(value)%2 == 0
				err = d.SetBool(key, want.(bool))
			} else {
				err = d.SetString(key, value)
			}
			if err != nil {
				continue // refusing is allowed; writing something wrong is not
			}
			d2, err := Parse(d.Bytes())
			if err != nil {
				t.Fatalf("set %s=%q: result does not parse: %v\n%q", key, value, err, d.Bytes())
			}
			if got, _ := d2.Value(key); got != want {
				t.Fatalf("set %s=%q: reads back %#v\n%q", key, value, got, d.Bytes())
			}
			if !bytes.Equal(d2.Body(), d.Body()) {
				t.Fatalf("set %s: body changed", key)
			}
		}
	}
}
