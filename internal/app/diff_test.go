package app

import (
	"fmt"
	"strings"
	"testing"
)

// Issue 11, item 8: an edited description (one long folded line) shows
// the words that changed, not two lines that look the same.
func TestDiffComparesAChangedLineWordByWord(t *testing.T) {
	long := strings.Repeat("We are looking for a candidate with strong communication skills. ", 5)
	text := "diff --git a/p.md b/p.md\nindex 1111111..2222222 100644\n--- a/p.md\n+++ b/p.md\n" +
		"@@ -3,3 +3,3 @@ layout: job-posting\n title: Assistant\n description: >-\n-  " + long + "\n+  " + long + "Extra words.\n archived: true\n"
	fd := parseUnified("p.md", text)
	if fd.Path != "p.md" || fd.New || fd.Deleted || len(fd.Hunks) != 1 || fd.Hunks[0].Line != 3 {
		t.Fatalf("file: %+v", fd)
	}
	parts := fd.Hunks[0].Parts
	if len(parts) != 3 || parts[0].Context != "title: Assistant\ndescription: >-" || parts[2].Context != "archived: true" {
		t.Fatalf("parts: %+v", parts)
	}
	want := []WordChange{{Same, "  " + long}, {Added, "Extra words."}}
	if fmt.Sprint(parts[1].Changes) != fmt.Sprint(want) {
		t.Errorf("changes: %v\nwant %v", parts[1].Changes, want)
	}
}

// A new file and a deleted one say so; a line only added or only removed
// is a change of one kind.
func TestDiffNewAndDeletedFiles(t *testing.T) {
	added := parseUnified("n.md", "diff --git a/n.md b/n.md\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,2 @@\n+one\n+two\n")
	if !added.New || added.Deleted || len(added.Hunks) != 1 || added.Hunks[0].Line != 1 {
		t.Fatalf("new file: %+v", added)
	}
	if c := added.Hunks[0].Parts[0].Changes; len(c) != 1 || c[0].Op != Added || c[0].Text != "one\ntwo" {
		t.Errorf("new file's lines: %v", c)
	}
	gone := parseUnified("d.md", "diff --git a/d.md b/d.md\ndeleted file mode 100644\n--- a/d.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-one\n-two\n\\ No newline at end of file\n")
	if !gone.Deleted || gone.New || gone.Hunks[0].Line != 1 {
		t.Fatalf("deleted file: %+v", gone)
	}
	if c := gone.Hunks[0].Parts[0].Changes; len(c) != 1 || c[0].Op != Removed || c[0].Text != "one\ntwo" {
		t.Errorf("deleted file's lines: %v", c)
	}
}
