package ui

import (
	"os"
	"path/filepath"
	"strings"
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

// The first reading of a big site takes the files' fingerprint after the
// reading (printOfRead): a file changed while the postings were read gives
// none, and the details' fingerprint, taken later, already holds the
// change. The watcher must still read the files again, once.
func TestWatcherReloadsAFileChangedWhileTheFirstReadingRan(t *testing.T) {
	site := demoSite(t, true)
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	a.store.checkLaterFrom = 1 // every site is big
	first := a.store.Load("")().(catalogMsg)
	if !first.unchecked {
		t.Fatal("the first load is not the big site's")
	}
	a.Update(first)
	p := a.store.cat.Postings[0] // read, then changed before the check's fingerprint
	later := p.ModTime.Add(2 * time.Second)
	if err := os.WriteFile(p.Abs, append(mustRead(t, p.Abs), "\nChanged while read.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(p.Abs, later, later)
	checked := a.store.check(a.store.cat)().(catalogMsg)
	if checked.readPrint != "" {
		t.Fatal("the files changed since their reading still give the fingerprint")
	}
	a.Update(checked)
	a.Update(a.store.details(a.store.cat)())
	if !a.store.Changed(fingerprint(site)) {
		t.Fatal("the file changed while the list was read is never read again")
	}
	a.Update(a.store.Load("")())
	a.Update(a.store.details(a.store.cat)())
	if a.store.Changed(fingerprint(site)) {
		t.Error("once read again, the same files still ask for a reading")
	}
	for _, q := range a.store.cat.Postings {
		if q.Abs == p.Abs && !strings.Contains(string(q.Body()), "Changed while read.") {
			t.Error("the reading again does not hold the change")
		}
	}
}

// A site whose sections hold no file yet has the empty fingerprint: a
// posting written there afterwards (an editor, a pull) is noticed.
func TestWatcherNoticesTheFirstPostingOfAnEmptySite(t *testing.T) {
	site := demoSite(t, true)
	for _, l := range site.Langs {
		dir := site.Abs(site.SectionDir(l))
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	m, ok := a.store.Load("")().(catalogMsg)
	if !ok || m.err != nil || len(m.cat.Postings) != 0 {
		t.Fatalf("the empty site: %+v", m)
	}
	a.Update(m)
	a.Update(a.store.details(a.store.cat)())
	if a.store.Changed(fingerprint(site)) {
		t.Fatal("the empty site asks for a reading with nothing changed")
	}
	p := filepath.Join(site.Abs(site.SectionDir(site.Langs[0])), "first.md")
	if err := os.WriteFile(p, []byte("---\ntitle: First\ntranslationKey: first\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !a.store.Changed(fingerprint(site)) {
		t.Error("the first posting of an empty site is not noticed")
	}
}
