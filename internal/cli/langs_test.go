package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A site of three languages with the language in the file name: --langs
// picks the two listed side by side, list --json names them by their codes,
// and --section . is the whole content tree.
func TestListLangsAndWholeTree(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"config/_default/hugo.toml":         "defaultContentLanguage = 'en'\n",
		"config/_default/languages.en.toml": "weight = 1\n",
		"config/_default/languages.fr.toml": "weight = 3\n",
		"config/_default/languages.de.toml": "weight = 2\n",
		"content/about.md":                  "---\ntitle: About\n---\nText.\n",
		"content/about.de.md":               "---\ntitle: Über\n---\nText.\n",
		"content/about.fr.md":               "---\ntitle: À propos\n---\nTexte.\n",
		"content/jobs/dev/index.md":         "---\ntitle: Dev\ntranslationKey: dev\n---\nText.\n",
		"content/jobs/dev/index.de.md":      "---\ntitle: Entwickler\ntranslationKey: dev\n---\nText.\n",
		"content/jobs/dev/notes.md":         "---\ntitle: a resource of the bundle, not a page\n---\n",
	}
	for p, s := range files {
		abs := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(abs), 0o755)
		os.WriteFile(abs, []byte(s), 0o644)
	}
	type row map[string]json.RawMessage
	list := func(args ...string) []row {
		t.Helper()
		out, errOut, code := runCLI(t, append([]string{"list", "--json", "--repo", root, "--section", "."}, args...)...)
		if code != 0 {
			t.Fatalf("list %v: exit %d: %s", args, code, errOut)
		}
		var rows []row
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	paths := func(r row, lang string) string {
		var fs []struct{ Path string }
		json.Unmarshal(r[lang], &fs)
		var ps []string
		for _, f := range fs {
			ps = append(ps, f.Path)
		}
		return strings.Join(ps, ",")
	}
	// The default: the default content language and the next by weight.
	rows := list()
	if len(rows) != 2 || rows[0]["de"] == nil || rows[0]["fr"] != nil {
		t.Fatalf("default langs: %v", rows)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[paths(r, "en")] = paths(r, "de")
	}
	want := map[string]string{"content/about.md": "content/about.de.md", "content/jobs/dev/index.md": "content/jobs/dev/index.de.md"}
	for en, de := range want {
		if got[en] != de {
			t.Errorf("%s paired with %q, want %q (rows %v)", en, got[en], de, got)
		}
	}
	rows = list("--langs", "fr,en")
	if len(rows) != 2 || rows[0]["fr"] == nil || rows[0]["de"] != nil {
		t.Fatalf("--langs fr,en: %v", rows)
	}
	for _, r := range rows {
		if paths(r, "en") == "content/about.md" && paths(r, "fr") != "content/about.fr.md" {
			t.Errorf("about in fr: %q", paths(r, "fr"))
		}
		if paths(r, "en") == "content/jobs/dev/index.md" && paths(r, "fr") != "" {
			t.Errorf("dev in fr: %q", paths(r, "fr"))
		}
	}
	for _, bad := range [][]string{{"--langs", "en,es"}, {"--langs", "en"}, {"--langs", "en,en"}} {
		if _, errOut, code := runCLI(t, append([]string{"list", "--repo", root}, bad...)...); code != 2 || !strings.Contains(errOut, "en, de, fr") {
			t.Errorf("%v: exit %d: %s", bad, code, errOut)
		}
	}
}
