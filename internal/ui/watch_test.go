package ui

import (
	"os"
	"testing"
	"time"

	"github.com/jobtui/jobtui/internal/i18n"
)

// A file changed after the list was read and before its git details came
// is noticed by the watcher: it compares with the files as the list read
// them, not as they were when the details were read.
func TestWatcherNoticesAChangeBetweenTheReadingAndTheDetails(t *testing.T) {
	site := demoSite(t, true)
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	a.Update(a.store.Load("")())
	if !a.store.loaded || a.store.catPrint == "" {
		t.Fatal("the first load gave no catalog with the fingerprint of its files")
	}
	p := a.store.cat.Postings[0]
	later := time.Now().Add(2 * time.Second)
	if err := os.WriteFile(p.Abs, append(mustRead(t, p.Abs), "\nChanged meanwhile.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p.Abs, later, later)
	a.Update(a.store.details(a.store.cat)())
	if !a.store.Changed(fingerprint(site)) {
		t.Error("the change made before the details is not noticed")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
