package app

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

func TestRows(t *testing.T) {
	dir := siteRepo(t)
	// A keyless French file with no English side, and a broken one.
	writeFile(t, dir, "content/fr/careers/positions/seul.md", "---\ntitle: Seul\narchived: true\n---\n")
	writeFile(t, dir, "content/en/careers/positions/broken.md", "---\ntitle: 'unclosed\n---\n")
	cat := loadSite(t, dir)
	states := map[string]gitops.FileState{"content/fr/careers/positions/seul.md": gitops.StateUntracked}
	rows := Rows(cat, states)
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "dev old seul broken.md" {
		t.Fatalf("rows %v", ids)
	}
	dev, old, seul, broken := rows[0], rows[1], rows[2], rows[3]
	if dev.Key != "dev" || len(dev.Left) != 1 || len(dev.Right) != 1 || dev.State != RowOpen || dev.Git != GitClean || dev.Errors != 0 ||
		strings.Join(dev.Codes, ",") != "missing-field" || dev.Worst != "missing-field" {
		t.Errorf("dev: %+v", dev)
	}
	if old.State != RowArchived || old.Group == nil || old.Broken != nil {
		t.Errorf("old: %+v", old)
	}
	if seul.Key != "" || len(seul.Left) != 0 || seul.Git != GitNew || seul.Errors == 0 || seul.Worst != "missing-translation" ||
		strings.Join(seul.Codes, ",") != "missing-field,missing-key,missing-translation" {
		t.Errorf("seul: %+v", seul)
	}
	if broken.Group != nil || broken.Broken == nil || broken.Key != "" || strings.Join(broken.Codes, ",") != "invalid-front-matter" {
		t.Errorf("broken: %+v", broken)
	}
	var clean Row
	clean.fill(nil, nil)
	if clean.Codes == nil || clean.State != RowOpen {
		t.Errorf("a row without problems has an empty, non-nil code list (JSON []): %#v", clean.Codes)
	}
}
