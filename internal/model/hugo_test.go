package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// These tests hold jobtui's reading of a site against Hugo's own: each
// fixture site is built by the real `hugo` binary with a template that
// prints every page's language, kind, file, translation key and
// translations, and jobtui must find the same pages in the same languages
// and pair them the same way.

// hugoProbe is the only template of the probe build: the home page of each
// language prints every page of every language, one JSON object a line.
const hugoProbe = `{{ $l := slice }}{{ range .Site.Languages }}{{ $l = $l | append .Lang }}{{ end }}{{ dict "languages" $l | jsonify }}
{{- range .Site.AllPages }}{{ if .File }}{{ $t := slice }}{{ range .Translations }}{{ if .File }}{{ $t = $t | append .File.Filename }}{{ end }}{{ end }}{{ $a := slice }}{{ range .AllTranslations }}{{ if .File }}{{ $a = $a | append .File.Filename }}{{ end }}{{ end }}
{{ dict "lang" .Lang "kind" .Kind "file" .File.Filename "key" .TranslationKey "translations" $t "all" $a | jsonify }}{{ end }}{{ end }}
`

var shortcodeName = regexp.MustCompile(`\{\{[<%]-?\s*(/?)\s*([A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*)`)

type hugoPage struct {
	Lang         string   `json:"lang"`
	Kind         string   `json:"kind"`
	File         string   `json:"file"`
	Key          string   `json:"key"`
	Translations []string `json:"translations"`
	All          []string `json:"all"`
}

func needHugo(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed, so jobtui's reading of sites is not checked against Hugo's (apt-get install hugo; CI installs it)")
	}
	return bin
}

// hugoPages builds the site at root with the probe template and returns
// every page that has a file, keyed by language and absolute file name, and
// the site's languages in Hugo's order.
func hugoPages(t testing.TB, root string, args []string, env ...string) (map[string]hugoPage, []string) {
	t.Helper()
	bin := needHugo(t)
	work := t.TempDir()
	layouts := filepath.Join(work, "layouts")
	os.MkdirAll(layouts, 0o755)
	os.WriteFile(filepath.Join(layouts, "index.html"), []byte(hugoProbe), 0o644)
	// A real site's content names its shortcodes: Hugo wants them to exist
	// (the probe never renders them).
	for _, d := range []string{"shortcodes", "partials"} {
		if st, err := os.Stat(filepath.Join(root, "layouts", d)); err == nil && st.IsDir() {
			os.Symlink(filepath.Join(root, "layouts", d), filepath.Join(layouts, d))
		}
	}
	pub := filepath.Join(work, "public")
	cmd := exec.Command(bin, "--quiet", "--buildDrafts", "--buildFuture", "--buildExpired",
		"--source", root, "--layoutDir", layouts, "--destination", pub, "--cacheDir", filepath.Join(work, "cache"))
	if len(args) > 0 && args[0] == "--no-theme" {
		// A real site's theme may be absent (a submodule not checked
		// out): an empty theme stands in for it.
		// The content's shortcodes must exist: empty ones do, as the
		// probe renders none.
		sc := filepath.Join(work, "themes", "probe", "layouts", "shortcodes")
		names := map[string]bool{} // shortcode -> used with a closing tag
		os.MkdirAll(sc, 0o755)
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !contentExts[strings.TrimPrefix(filepath.Ext(p), ".")] {
				return nil
			}
			data, _ := os.ReadFile(p)
			for _, m := range shortcodeName.FindAllSubmatch(data, -1) {
				names[string(m[2])] = names[string(m[2])] || string(m[1]) == "/"
			}
			return nil
		})
		for name, closed := range names {
			body := ""
			if closed {
				body = "{{ .Inner }}"
			}
			os.MkdirAll(filepath.Dir(filepath.Join(sc, name)), 0o755)
			os.WriteFile(filepath.Join(sc, name+".html"), []byte(body), 0o644)
		}
		cmd.Args = append(cmd.Args, "--themesDir", filepath.Join(work, "themes"), "--theme", "probe")
		args = args[1:]
	}
	cmd.Args = append(cmd.Args, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("hugo failed on the fixture: %v\n%s", err, stderr.String())
	}
	homes, _ := filepath.Glob(filepath.Join(pub, "index.html"))
	more, _ := filepath.Glob(filepath.Join(pub, "*", "index.html"))
	for _, h := range append(homes, more...) {
		data, err := os.ReadFile(h)
		if err != nil {
			continue
		}
		pages := map[string]hugoPage{}
		var langs []string
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if !strings.HasPrefix(line, "{") {
				continue
			}
			if strings.HasPrefix(line, `{"languages"`) {
				var l struct{ Languages []string }
				if err := json.Unmarshal([]byte(line), &l); err != nil {
					t.Fatalf("probe line %q: %v", line, err)
				}
				langs = l.Languages
				continue
			}
			var p hugoPage
			if err := json.Unmarshal([]byte(line), &p); err != nil {
				t.Fatalf("probe line %q: %v", line, err)
			}
			pages[p.Lang+"|"+p.File] = p
		}
		if len(pages) > 0 {
			return pages, langs
		}
	}
	t.Fatalf("the probe build printed no page (looked in %s)", pub)
	return nil, nil
}

// jobtuiKey is the translation key jobtui gives a page of the content tree.
func jobtuiKey(t testing.TB, f *ContentFile) string {
	data, err := os.ReadFile(f.Abs)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data)
	if err != nil {
		return f.PathKey // no front matter, or one jobtui cannot read
	}
	return TranslationKeyOf(f.Kind, doc.HugoString(KeyTranslationKey), f.PathKey)
}

// compareWithHugo fails where jobtui reads the site at root differently
// from Hugo: the pages, their languages, kinds and keys, and for every
// other language X, the groups of `--langs <default>,X --section .`.
func compareWithHugo(t *testing.T, root string, args []string, env ...string) {
	t.Helper()
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	hugo, hugoLangs := hugoPages(t, root, args, env...)
	site, err := OpenSite(root, SiteOptions{Section: "."})
	if err != nil {
		t.Fatalf("jobtui cannot open the site: %v", err)
	}
	var langs []string
	for _, l := range site.Languages {
		langs = append(langs, l.Code)
	}
	if strings.Join(langs, ",") != strings.Join(hugoLangs, ",") {
		t.Errorf("languages: jobtui reads %v, Hugo %v", langs, hugoLangs)
	}
	files, err := site.ContentFiles()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Hugo has %d pages with a file, jobtui reads %d (languages %v)", len(hugo), len(files), hugoLangs)
	seen := map[string]bool{}
	clones := map[string]bool{}
	for _, f := range files {
		k := f.Lang + "|" + f.Abs
		seen[k] = true
		if f.Clone {
			clones[k] = true
		}
		h, ok := hugo[k]
		if !ok {
			t.Errorf("jobtui reads %s as a %s page in %s; Hugo has no such page", f.Path, f.Kind, f.Lang)
			continue
		}
		if got := jobtuiKey(t, f); h.Kind != f.Kind || h.Key != got {
			t.Errorf("%s in %s: jobtui reads kind %s, key %q; Hugo %s, %q", f.Path, f.Lang, f.Kind, got, h.Kind, h.Key)
		}
	}
	for k, h := range hugo {
		if !seen[k] && strings.HasPrefix(h.File, root) {
			t.Errorf("Hugo has the %s page %s in %s; jobtui does not read it", h.Kind, rel(root, h.File), h.Lang)
		}
	}
	for _, l := range site.Languages {
		if l.Code == site.DefaultLang {
			continue
		}
		langs := []string{site.DefaultLang, l.Code}
		s, err := OpenSite(root, SiteOptions{Section: ".", Langs: langs})
		if err != nil {
			t.Fatal(err)
		}
		cat, err := Load(s)
		if err != nil {
			t.Fatal(err)
		}
		// A clone (a page Hugo makes in one language from another's
		// file) is no posting of jobtui's: it has no file of its own.
		got := map[string]string{} // lang|file -> its group's files
		for _, g := range cat.Groups {
			var ks []string
			for _, p := range g.Postings(langs) {
				ks = append(ks, p.Lang+"|"+p.Abs)
			}
			sort.Strings(ks)
			for _, k := range ks {
				got[k] = strings.Join(ks, "\n  ")
			}
		}
		for _, p := range cat.Unreadable {
			got[p.Lang+"|"+p.Abs] = "(unreadable) " + p.Abs
		}
		for k, h := range hugo {
			if h.Kind != KindPage || (h.Lang != langs[0] && h.Lang != langs[1]) || clones[k] {
				continue
			}
			var want []string
			in := map[string]bool{}
			for _, a := range h.All {
				for _, l := range langs {
					if hp, ok := hugo[l+"|"+a]; ok && hp.Key == h.Key && !clones[l+"|"+a] && !in[l+"|"+a] {
						in[l+"|"+a] = true
						want = append(want, l+"|"+a)
					}
				}
			}
			sort.Strings(want)
			if w := strings.Join(want, "\n  "); got[k] != w {
				t.Errorf("--langs %s: %s is paired with\n  %s\nHugo pairs it with\n  %s", strings.Join(langs, ","), k, got[k], w)
			}
			delete(got, k)
		}
		for k := range got {
			t.Errorf("--langs %s: jobtui lists %s, which is no page of Hugo's in these languages", strings.Join(langs, ","), k)
		}
		t.Logf("--langs %s: %d groups, %d unreadable files, paired as Hugo does", strings.Join(langs, ","), len(cat.Groups), len(cat.Unreadable))
	}
}

func rel(root, abs string) string {
	r, err := filepath.Rel(root, abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(r)
}

func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		abs := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(abs, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func fm(fields ...string) string {
	return "---\n" + strings.Join(fields, "\n") + "\n---\nBody.\n"
}

// hugoFixtures are small sites, one per arrangement and edge case.
var hugoFixtures = []struct {
	name  string
	files map[string]string
	env   []string
}{
	{"content folder per language", map[string]string{
		"hugo.yaml":                            "defaultContentLanguage: en\nlanguages:\n  en: {weight: 1, contentDir: content/en}\n  fr: {weight: 2, contentDir: content/fr}\n",
		"content/en/careers/_index.md":         fm("title: Careers"),
		"content/fr/careers/_index.md":         fm("title: Carrières"),
		"content/en/careers/dev.md":            fm("title: Dev", "translationKey: dev"),
		"content/fr/careers/developpeur.md":    fm("title: Dév", "translationKey: dev"),
		"content/en/careers/same-name.md":      fm("title: Same"),
		"content/fr/careers/same-name.md":      fm("title: Même"),
		"content/en/careers/dup-a.md":          fm("title: A", "translationKey: dup"),
		"content/en/careers/dup-b.md":          fm("title: B", "translationKey: dup"),
		"content/fr/careers/dup.md":            fm("title: C", "translationKey: dup"),
		"content/en/careers/alone.md":          fm("title: Alone", "translationKey: alone"),
		"content/en/careers/draft.md":          fm("title: Draft", "draft: true"),
		"content/fr/careers/draft.md":          fm("title: Brouillon", "draft: true"),
		"content/en/careers/future.md":         fm("title: Future", "date: 2999-01-01"),
		"content/fr/careers/future.md":         fm("title: Futur", "date: 2999-01-01"),
		"content/en/careers/explicit.md":       fm("title: Explicit", "translationKey: careers/keyless"),
		"content/fr/careers/keyless.md":        fm("title: Sans clé"),
		"content/en/careers/Accentué été.md":   fm("title: Accents"),
		"content/fr/careers/Accentué été.md":   fm("title: Accents"),
		"content/en/careers/.hidden.md":        fm("title: Hidden"),
		"content/en/careers/#draft.md":         fm("title: Hash"),
		"content/en/careers/backup.md~":        fm("title: Backup"),
		"content/en/careers/notes.txt":         "not a page",
		"content/en/careers/UPPER.MD":          fm("title: Upper extension"),
		"content/en/careers/deep/nested/n.md":  fm("title: Nested"),
		"content/fr/careers/deep/nested/n.md":  fm("title: Imbriqué"),
		"content/en/careers/skipped/ignore.md": fm("title: Ignored by ignoreFiles"),
	}, nil},
	{"a language without contentDir reads content", map[string]string{
		"hugo.toml":            "defaultContentLanguage = 'fr'\n[languages.en]\ncontentDir = 'content/english'\nweight = 3\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 1\ncontentDir = 'content/de'\n",
		"content/english/a.md": fm("title: A"),
		"content/a.md":         fm("title: A fr, in content"),
		"content/fr/a.md":      fm("title: not fr, a folder fr in content"),
		"content/de/a.md":      fm("title: A de"),
		"content/b.de.md":      fm("title: B de in content"),
	}, nil},
	{"ignoreFiles", map[string]string{
		"hugo.toml":                  "ignoreFiles = ['\\.skip\\.md$', '/private/']\n[languages.en]\ncontentDir = 'content/en'\n[languages.fr]\ncontentDir = 'content/fr'\n",
		"content/en/a.skip.md":       fm("title: skipped"),
		"content/en/private/x.md":    fm("title: private"),
		"content/en/a.md":            fm("title: A"),
		"content/fr/a.md":            fm("title: A"),
		"content/fr/private/keep.md": fm("title: Private too"),
	}, nil},
	{"language in the file name", map[string]string{
		"hugo.toml":                      "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n",
		"content/_index.md":              fm("title: Home"),
		"content/_index.fr.md":           fm("title: Accueil"),
		"content/about.md":               fm("title: About"),
		"content/about.fr.md":            fm("title: À propos"),
		"content/about.de.md":            fm("title: Über"),
		"content/about.en.md":            fm("title: About, named en"),
		"content/contact.fr.md":          fm("title: Contact, only French"),
		"content/not.a.lang.md":          fm("title: Dots that are no language"),
		"content/jobs/_index.md":         fm("title: Jobs"),
		"content/jobs/_index.fr.md":      fm("title: Emplois"),
		"content/jobs/dev/index.md":      fm("title: Dev bundle"),
		"content/jobs/dev/index.fr.md":   fm("title: Dév bundle"),
		"content/jobs/dev/extra.md":      fm("title: A resource, not a page"),
		"content/jobs/dev/extra.fr.md":   fm("title: Une ressource"),
		"content/jobs/dev/photo.png":     "png",
		"content/jobs/dev/sub/deep.md":   fm("title: Deep resource"),
		"content/jobs/pm/index.fr.md":    fm("title: Only French bundle"),
		"content/jobs/pm/notes.md":       fm("title: resource of a French-only bundle"),
		"content/jobs/leaf.md":           fm("title: Leaf vs bundle"),
		"content/jobs/leaf/index.fr.md":  fm("title: Bundle of the same name"),
		"content/jobs/both/_index.md":    fm("title: Branch"),
		"content/jobs/both/index.md":     fm("title: Index beside _index"),
		"content/jobs/both/child.fr.md":  fm("title: Child"),
		"content/jobs/both/child.md":     fm("title: Child"),
		"content/jobs/page.html":         "---\ntitle: HTML page\n---\n<p>hi</p>\n",
		"content/jobs/page.fr.html":      "---\ntitle: Page HTML\n---\n<p>salut</p>\n",
		"content/jobs/raw.html":          "<!DOCTYPE html><html><body>not a page</body></html>\n",
		"content/jobs/other.markdown":    fm("title: Markdown by another name"),
		"content/jobs/other.fr.markdown": fm("title: Autre"),
		"content/jobs/org.org":           fm("title: Org"),
		"content/jobs/org.fr.org":        fm("title: Org fr"),
		"content/jobs/m.mdown":           fm("title: mdown"),
		"content/jobs/m.md":              fm("title: md beside mdown"),
		"content/jobs/x.md":              fm("title: a page beside a bundle of its name"),
		"content/jobs/x/index.md":        fm("title: the bundle wins"),
		"content/jobs/y.html":            "---\ntitle: y.html\n---\n<p>y</p>\n",
		"content/jobs/y.markdown":        fm("title: y.markdown"),
		"content/jobs/Case.md":           fm("title: Case"),
		"content/jobs/case.md":           fm("title: case, the same page to Hugo"),
		"content/jobs/two/index.md":      fm("title: two index files"),
		"content/jobs/two/index.html":    "---\ntitle: the second is a resource\n---\n",
	}, nil},
	{"site-wide contentDir for languages that set none", map[string]string{
		"hugo.yaml":                      "contentDir: content/en\ndefaultContentLanguage: en\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2, contentDir: content/fr}\n",
		"content/en/posts/a.md":          fm("title: A"),
		"content/fr/posts/a.md":          fm("title: A fr"),
		"content/en/posts/b.fr.md":       fm("title: B, French in the English folder"),
		"content/fr/posts/b.md":          fm("title: B, French in the French folder"),
		"content/en/posts/c/index.md":    fm("title: C"),
		"content/fr/posts/c/index.md":    fm("title: C fr, in fr"),
		"content/en/posts/c/index.fr.md": fm("title: C fr, in en"),
		"content/fr/posts/d.fr.md":       fm("title: D, named fr in fr"),
		"content/fr/posts/d.md":          fm("title: D, in fr"),
		"content/en/en/oops.md":          fm("title: A folder named en inside content/en"),
	}, nil},
	{"two languages share the site-wide folder", map[string]string{
		"config.toml":        "contentDir = 'site'\ndefaultContentLanguage = 'fr'\n[languages.en]\nweight = 2\n[languages.fr]\nweight = 1\n",
		"site/a.md":          fm("title: A, in French by default"),
		"site/a.en.md":       fm("title: A en"),
		"site/b.fr.md":       fm("title: B fr"),
		"content/ignored.md": fm("title: not read: contentDir is site"),
	}, nil},
	{"config folder with split files", map[string]string{
		"config.toml":                          "title = 'an unrelated root file'\n[params]\nx = 1\n",
		"config/_default/hugo.yaml":            "defaultContentLanguage: en\ndisableLanguages: [es]\n",
		"config/_default/languages.yaml":       "en:\n  weight: 1\n  contentDir: content/english\nfr:\n  weight: 3\nes:\n  weight: 2\n  contentDir: content/es\n",
		"config/_default/languages.fr.yaml":    "contentDir: content/french\nlanguageName: Français\n",
		"config/_default/params.fr.yaml":       "greeting: Bonjour\n",
		"config/_default/menus.fr.yaml":        "main:\n  - name: Accueil\n    url: /\n",
		"config/production/languages.de.toml":  "weight = 4\ncontentDir = 'content/german'\n",
		"config/development/languages.it.toml": "weight = 5\ncontentDir = 'content/italian'\n",
		"content/english/a.md":                 fm("title: A"),
		"content/french/a.md":                  fm("title: A fr"),
		"content/german/a.md":                  fm("title: A de"),
		"content/es/a.md":                      fm("title: A es, disabled"),
		"content/english/b.es.md":              fm("title: B es, disabled"),
		"content/italian/a.md":                 fm("title: A it, development only"),
	}, nil},
	{"environment folder chosen by HUGO_ENVIRONMENT", map[string]string{
		"hugo.toml":                        "[languages.en]\ncontentDir = 'content/en'\nweight = 1\n[languages.fr]\ncontentDir = 'content/fr'\nweight = 2\n",
		"config/staging/languages.fr.toml": "contentDir = 'content/fr-staging'\n",
		"content/en/a.md":                  fm("title: A"),
		"content/fr/a.md":                  fm("title: A fr"),
		"content/fr-staging/a.md":          fm("title: A fr staging"),
	}, []string{"HUGO_ENVIRONMENT=staging"}},
	{"module mounts with a language", map[string]string{
		"hugo.yaml":           "defaultContentLanguage: en\nlanguages:\n  en: {weight: 1}\n  fr: {weight: 2}\nmodule:\n  mounts:\n    - {source: pages/en, target: content, lang: en}\n    - {source: pages/fr, target: content, lang: fr}\n    - {source: shared/jobs, target: content/jobs}\n    - {source: static, target: static}\n",
		"pages/en/a.md":       fm("title: A"),
		"pages/fr/a.md":       fm("title: A fr"),
		"pages/en/b.fr.md":    fm("title: B fr from the en mount"),
		"pages/fr/b.md":       fm("title: B fr from the fr mount"),
		"shared/jobs/j.md":    fm("title: J"),
		"shared/jobs/j.fr.md": fm("title: J fr"),
		"pages/fr/jobs/j.md":  fm("title: J fr from the fr mount"),
		"content/not-read.md": fm("title: content/ is not mounted"),
	}, nil},
	{"translationKey as Hugo types it", map[string]string{
		"hugo.yaml":              "languages:\n  en: {weight: 1, contentDir: content/en}\n  fr: {weight: 2, contentDir: content/fr}\n",
		"content/en/yes.md":      fm("translationKey: yes"),
		"content/fr/yes.md":      fm("translationKey: true"),
		"content/en/on.md":       fm("TranslationKey: On"),
		"content/en/date.md":     fm("translationKey: 2023-01-02"),
		"content/fr/date.md":     "+++\ntranslationKey = 2023-01-02\n+++\n",
		"content/en/dt.md":       "+++\ntranslationKey = 2023-01-02T10:00:00Z\n+++\n",
		"content/fr/dt.md":       fm("translationKey: 2023-01-02 10:00:00 +0000 UTC"),
		"content/en/ldt.md":      "+++\ntranslationKey = 2023-01-02T10:00:00\n+++\n",
		"content/fr/ldt.md":      fm("translationKey: '2023-01-02T10:00:00'"),
		"content/en/space.md":    fm("translationKey: \"k \""),
		"content/fr/space.md":    fm("translationKey: k"),
		"content/en/octal.md":    fm("translationKey: 0123"),
		"content/fr/octal.md":    fm("translationKey: 83"),
		"content/en/float.md":    fm("translationKey: 1.50"),
		"content/fr/float.md":    "+++\ntranslationKey = 1.5\n+++\n",
		"content/en/exp.md":      fm("translationKey: 1e3"),
		"content/fr/exp.md":      fm("translationKey: 1_000"),
		"content/en/hex.md":      fm("translationKey: 0x1F"),
		"content/fr/hex.md":      fm("translationKey: 31"),
		"content/en/null.md":     fm("translationKey: ~"),
		"content/fr/null.md":     fm("translationKey: null"),
		"content/en/list.md":     fm("translationKey: [a]"),
		"content/fr/list.md":     fm("translationKey: a"),
		"content/en/n.md":        fm("translationKey: n"),
		"content/fr/n.md":        fm("translationKey: false"),
		"content/en/empty.md":    fm("translationKey: ''"),
		"content/fr/empty.md":    fm("title: no key"),
		"content/en/pathkey.md":  fm("translationKey: other"),
		"content/fr/other.md":    fm("title: keyless, path key page/other"),
		"content/en/big.md":      fm("translationKey: 12345678901234567890"),
		"content/fr/big.md":      fm("translationKey: \"12345678901234567890\""),
		"content/en/comment.md":  fm("translationKey: abc # a comment"),
		"content/fr/comment.md":  fm("translationKey: abc"),
		"content/en/folded.md":   fm("translationKey: >-\n  folded"),
		"content/fr/folded.md":   fm("translationKey: folded"),
		"content/en/tomlint.md":  "+++\ntranslationKey = 0x1F\n+++\n",
		"content/fr/tomlint.md":  fm("translationKey: 31"),
		"content/en/_index.md":   fm("translationKey: home-key"),
		"content/fr/_index.md":   fm("translationKey: home-key"),
		"content/en/s/_index.md": fm("translationKey: home-key"),
	}, nil},
}

func TestHugoPairsAsJobtui(t *testing.T) {
	needHugo(t)
	for _, fx := range hugoFixtures {
		t.Run(fx.name, func(t *testing.T) {
			compareWithHugo(t, writeFiles(t, fx.files), nil, fx.env...)
		})
	}
}

// TestHugoRealSite compares with Hugo on a site of one's choosing:
// JOBTUI_HUGO_SITE=/path/to/site go test -run TestHugoRealSite ./internal/model
// (its own layouts are left out of the probe build; JOBTUI_HUGO_ARGS adds
// arguments to hugo, "--no-theme" first to build without the site's theme).
func TestHugoRealSite(t *testing.T) {
	dir := os.Getenv("JOBTUI_HUGO_SITE")
	if dir == "" {
		t.Skip("JOBTUI_HUGO_SITE names no site to compare with Hugo")
	}
	compareWithHugo(t, dir, strings.Fields(os.Getenv("JOBTUI_HUGO_ARGS")))
}

func TestHugoFixturesOpen(t *testing.T) {
	// Each fixture is a site jobtui can open: an arrangement it reads.
	for _, fx := range hugoFixtures {
		for _, kv := range fx.env {
			k, v, _ := strings.Cut(kv, "=")
			t.Setenv(k, v)
		}
		root := writeFiles(t, fx.files)
		if _, err := OpenSite(root, SiteOptions{Section: "."}); err != nil {
			t.Errorf("%s: %v", fx.name, err)
		}
		for _, kv := range fx.env {
			k, _, _ := strings.Cut(kv, "=")
			os.Unsetenv(k)
		}
	}
}
