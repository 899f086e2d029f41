package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/demo"
)

func joinChanges(cs []WordChange, op ChangeOp) string {
	var b strings.Builder
	for _, c := range cs {
		if c.Op == Same || c.Op == op {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// Word changes put back together give both texts, and mark only what
// changed.
func TestWordDiff(t *testing.T) {
	for _, c := range [][2]string{
		{"We are looking for a product manager.", "We are looking for a senior product manager, now."},
		{"", "New text"},
		{"Old text", ""},
		{"Développeur·se d’équipe", "Développeuse d’équipe principale"},
		{"a  b", "a b"},
	} {
		cs := WordDiff(c[0], c[1])
		if joinChanges(cs, Removed) != c[0] || joinChanges(cs, Added) != c[1] {
			t.Errorf("%q -> %q: %+v", c[0], c[1], cs)
		}
	}
	cs := WordDiff("We are looking for a product manager.", "We are looking for a senior product manager.")
	if len(cs) != 3 || cs[1] != (WordChange{Added, "senior "}) {
		t.Errorf("one word added: %+v", cs)
	}
}

// The source's changes land in the section that holds them; the i-th
// section of the translation stands beside the i-th of the source.
func TestReviewSections(t *testing.T) {
	old := "Intro.\n\n## Skills\n\nGo and SQL.\n\n## Benefits\n\nPension.\n"
	cur := "Intro.\n\n## Skills\n\nGo, SQL and git.\n\n## Benefits\n\nPension.\n\n## How to apply\n\nWrite to us.\n"
	tr := "Intro FR.\n\n## Compétences\n\nGo et SQL.\n\n## Avantages\n\nRetraite.\n"
	secs, extra := reviewSections(old, cur, tr)
	if len(secs) != 4 || len(extra) != 0 {
		t.Fatalf("%d sections, extra %v", len(secs), extra)
	}
	want := []struct {
		heading string
		changed bool
		tr      string
	}{{"", false, "Intro FR.\n\n"}, {"## Skills", true, "## Compétences\n\nGo et SQL.\n\n"}, {"## Benefits", false, "## Avantages\n\nRetraite.\n"}, {"## How to apply", true, ""}}
	for i, w := range want {
		s := secs[i]
		if s.Heading != w.heading || s.Changed != w.changed || s.Translation != w.tr {
			t.Errorf("section %d: %+v", i, s)
		}
	}
	if joinChanges(secs[1].Changes, Added) != "## Skills\n\nGo, SQL and git.\n\n" || joinChanges(secs[1].Changes, Removed) != "## Skills\n\nGo and SQL.\n\n" {
		t.Errorf("skills: %+v", secs[1].Changes)
	}
	// Put back together, the sections give the new body.
	var n strings.Builder
	for _, s := range secs {
		n.WriteString(joinChanges(s.Changes, Added))
	}
	if n.String() != cur {
		t.Errorf("rebuilt:\n%q", n.String())
	}
	// Spacing only.
	secs, _ = reviewSections("A  b.\n", "A b.\n", "")
	if !secs[0].SpacingOnly {
		t.Errorf("spacing: %+v", secs[0])
	}
	// A heading inside a code fence is no section.
	if got := len(splitSections("a\n```\n# not\n```\n# yes\n")); got != 2 {
		t.Errorf("fenced heading: %d sections", got)
	}
}

// On the demo: the review of its stale pair, fields and sections.
func TestOpenReviewDemo(t *testing.T) {
	dir := demoRepo(t)
	r := openRepo(t, dir)
	rv, err := OpenReview(context.Background(), r, openSite(t, dir), "product-manager")
	if err != nil {
		t.Fatal(err)
	}
	if rv.Pair.TranslationLang != "fr" || !rv.Pair.DiffLoaded || rv.Pair.ChangedLines != 3 {
		t.Errorf("pair: %+v", rv.Pair)
	}
	var changed []string
	for _, s := range rv.Sections {
		if s.Changed {
			changed = append(changed, s.Heading+" | "+headingLine(s.Translation))
		}
	}
	if strings.Join(changed, "; ") != " | ; ## What you bring | ## Ce que vous apportez" {
		t.Errorf("changed sections: %q", changed)
	}
	if !strings.Contains(joinChanges(rv.Sections[0].Changes, Added), "two million people a year") || !strings.Contains(rv.Sections[0].Translation, "Nous cherchons") {
		t.Errorf("first section: %+v", rv.Sections[0])
	}
	for _, f := range rv.Fields {
		if f.Changed != (f.Key == "description") {
			t.Errorf("field %s changed: %v", f.Key, f.Changed)
		}
		if f.Key == "description" && (!strings.HasPrefix(f.Translation, "Vous dirigerez") || joinChanges(f.Changes, Added) != "You will lead a product team that helps people renew their benefits online, from research to launch.") {
			t.Errorf("description: %+v", f)
		}
	}
	if _, err := OpenReview(context.Background(), r, openSite(t, dir), "ux-designer"); err == nil {
		t.Error("a posting that is not stale opened")
	}
}

func demoRepo(t *testing.T) string {
	t.Helper()
	setIdentity(t)
	dir := filepath.Join(t.TempDir(), "demo")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := demo.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}
