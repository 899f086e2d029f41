package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// The first load of a big site shows the list as soon as the postings are
// read and linked; their problems come in the next message, the same as a
// full check finds; a later load comes checked at once (the problems shown
// do not blink out and back), and the problems of a catalog replaced
// meanwhile are dropped. A small site comes checked the first time too.
func TestFirstLoadShowsTheListThenTheProblems(t *testing.T) {
	site := demoSite(t, false)
	want, err := model.Load(site)
	if err != nil || len(want.Problems) == 0 {
		t.Fatalf("the demo site has no problems to show: %v", err)
	}
	small := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	if m := small.store.Load("")().(catalogMsg); m.unchecked || !reflect.DeepEqual(m.cat.Problems, want.Problems) || m.readPrint != fingerprint(site) {
		t.Fatalf("a site of %d postings (under %d) does not come checked at once, with the fingerprint of its files", len(want.Postings), checkLaterFrom)
	}
	a := New(Options{Site: site, Lang: i18n.EN, NoColor: true})
	a.store.checkLaterFrom = len(want.Postings) // as big as it gets
	a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	first, ok := a.store.Load("")().(catalogMsg)
	if !ok || !first.unchecked || first.cat.Problems != nil {
		t.Fatalf("first load: %+v", first)
	}
	_, next := a.Update(first)
	if !a.store.loaded || len(a.list.all) != len(want.Groups)+len(want.Unreadable) || !strings.Contains(a.View().Content, want.Groups[0].First(site.Langs[0]).Title) {
		t.Fatalf("the list is not shown before the checks:\n%s", a.View().Content)
	}
	if next == nil {
		t.Fatal("no check follows")
	}
	checked := a.store.check(a.store.cat)().(catalogMsg)
	if !checked.checked || !reflect.DeepEqual(checked.cat.Problems, want.Problems) {
		t.Fatalf("the problems of the first load differ from a full check:\n%v\nwant\n%v", checked.cat.Problems, want.Problems)
	}
	if first.cat.Problems != nil {
		t.Fatal("checking changed the catalog the list was reading")
	}
	if a.store.catPrint != "" {
		t.Fatal("the unchecked catalog claims a fingerprint")
	}
	a.Update(checked)
	if a.store.cat != checked.cat || a.store.catPrint != fingerprint(site) {
		t.Fatal("the checked catalog is not the one shown, or has not the fingerprint of the files it read")
	}
	again := a.store.Load("")().(catalogMsg)
	if again.unchecked || !reflect.DeepEqual(again.cat.Problems, want.Problems) {
		t.Fatalf("a later load is not checked at once: %+v", again)
	}
	a.Update(again)
	if changed, _ := a.store.Update(checked); changed || a.store.cat != again.cat {
		t.Fatal("the problems of a replaced catalog were taken")
	}
}

// The fingerprint of a first load is taken after the reading: it is given
// only when every posting file is still the one read, else the review
// reads the files afresh.
func TestPrintOfReadRefusesFilesChangedSinceRead(t *testing.T) {
	site := demoSite(t, false)
	cat, err := model.LoadLinked(site)
	if err != nil {
		t.Fatal(err)
	}
	if got := printOfRead(site, cat); got == "" || got != fingerprint(site) {
		t.Fatalf("files as read: %q", got)
	}
	p := cat.Postings[0]
	later := p.ModTime.Add(time.Second)
	if err := os.Chtimes(p.Abs, later, later); err != nil {
		t.Fatal(err)
	}
	if got := printOfRead(site, cat); got != "" {
		t.Fatal("a file written after its reading still gives the fingerprint")
	}
	if cat, err = model.LoadLinked(site); err != nil || printOfRead(site, cat) == "" {
		t.Fatalf("read again: %v", err)
	}
	added := filepath.Join(filepath.Dir(p.Abs), "added-since.md")
	if err := os.WriteFile(added, []byte("---\ntitle: New\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := printOfRead(site, cat); got != "" {
		t.Fatal("a posting added after the reading still gives the fingerprint")
	}
	os.Remove(added)
	if err := os.Remove(cat.Postings[len(cat.Postings)-1].Abs); err != nil {
		t.Fatal(err)
	}
	if got := printOfRead(site, cat); got != "" {
		t.Fatal("a posting removed after the reading still gives the fingerprint")
	}
}
