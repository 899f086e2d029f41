package model

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// Issue 11, item 9: after the editor closed nothing said what changed.
// CompareFiles gives the facts the status words.
func TestCompareFiles(t *testing.T) {
	before := posting("Developer", "dev", "", false, enBody)
	for _, c := range []struct {
		name  string
		after string
		want  FileChange
	}{
		{"same", before, FileChange{Same: true}},
		{"title", strings.Replace(before, "title: Developer", "title: Senior Developer", 1), FileChange{Fields: []string{"title"}}},
		{"body line", strings.Replace(before, "- Share what you learn", "- Share what you learned", 1), FileChange{BodyLines: 1}},
		{"two added lines", before + "\nOne more.\n", FileChange{BodyLines: 2}},
		{"field removed", strings.Replace(before, "translationKey: dev\n", "", 1), FileChange{Fields: []string{"translationKey"}}},
		{"unreadable", "---\ntitle: [\n---\n", FileChange{Unreadable: true}},
	} {
		got := CompareFiles([]byte(before), []byte(c.after))
		if got.Unreadable != (got.Err != nil) {
			t.Errorf("%s: unreadable %v but reason %v", c.name, got.Unreadable, got.Err)
		}
		if got.Err = nil; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// User test, item 12: E on a file already unreadable said it "can no
// longer be read". The facts now tell a file that was unreadable before.
func TestCompareFilesFromUnreadable(t *testing.T) {
	broken := "---\ntitle: [\n---\n"
	still := CompareFiles([]byte(broken), []byte(broken+"\nMore.\n"))
	if !still.Unreadable || !still.WasUnreadable || still.Err == nil || still.Err.Line != 2 {
		t.Errorf("still unreadable: %+v", still)
	}
	fixed := CompareFiles([]byte(broken), []byte(posting("Developer", "dev", "", false, enBody)))
	if fixed.Unreadable || !fixed.WasUnreadable || len(fixed.Fields) == 0 {
		t.Errorf("fixed: %+v", fixed)
	}
}

// Issue 11, item 7: in a group with several files per language, the form
// wrote the same title to all of them while showing one. An edit can now
// be restricted to the file the person picked.
func TestGroupEditOnlyOneFile(t *testing.T) {
	root := makeSite(t, map[string]string{
		en + "dev.md":      posting("Developer", "dev", "", false, enBody),
		fr + "dev.md":      posting("Développeur", "dev", "", false, frBody),
		fr + "dev-copy.md": posting("Développeur", "dev", "", false, frBody),
	})
	site, _ := OpenSite(root, SiteOptions{})
	cat, _ := Load(site)
	g := cat.Find("dev")[0]
	title, key := "Développeuse", "dev-copy"
	touched, err := ApplyGroupEdit(cat, g, GroupEdit{Title: map[string]*string{"fr": &title}, TranslationKey: &key, Only: fr + "dev-copy.md"})
	if err != nil || len(touched) != 1 || touched[0].Path != fr+"dev-copy.md" {
		t.Fatalf("touched %v: %v", touched, err)
	}
	kept, _ := os.ReadFile(site.Abs(fr + "dev.md"))
	if string(kept) != posting("Développeur", "dev", "", false, frBody) {
		t.Errorf("the other French file was written:\n%s", kept)
	}
	cat, _ = Load(site)
	if gs := cat.Find("dev-copy"); len(gs) != 1 || len(gs[0].Files["fr"]) != 1 || gs[0].First("fr").Title != title {
		t.Errorf("the copy did not get its own key and title: %v", gs)
	}
}
