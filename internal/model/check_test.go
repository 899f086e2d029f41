package model

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

const hugoYAML = "languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n"

// makeSite writes files (path -> content) under a temporary site root with
// a Hugo config, and returns the root.
func makeSite(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if _, ok := files["hugo.yaml"]; !ok {
		files["hugo.yaml"] = hugoYAML
	}
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

const enBody = "\nWe are looking for a developer to join our team. You will work with the product team and the people who use our services.\n\n## What you will do\n\n- Build services for the public\n- Work in the open with your team\n- Share what you learn\n"
const frBody = "\nNous cherchons une développeuse ou un développeur pour se joindre à notre équipe. Vous travaillerez avec l’équipe des produits et les personnes qui utilisent nos services.\n\n## Ce que vous ferez\n\n- Créer des services pour le public\n- Travailler ouvertement avec votre équipe\n- Partager ce que vous apprenez\n"

func posting(title, key, lever string, archived bool, body string) string {
	var b strings.Builder
	b.WriteString("---\nlayout: job-posting\ntype: section\ntitle: " + title + "\ndescription: >-\n  A description.\n")
	if archived {
		b.WriteString("archived: true\n")
	} else {
		b.WriteString("archived: false\n")
	}
	if key != "" {
		b.WriteString("translationKey: " + key + "\n")
	}
	if lever != "" {
		b.WriteString("leverId: " + lever + "\n")
	}
	b.WriteString("---\n" + body)
	return b.String()
}

const (
	en = "content/en/careers/positions/"
	fr = "content/fr/careers/positions/"
	u1 = "9f8e6fae-63c8-4b9d-86f9-a366b32d4fbe"
	u2 = "1a2b3c4d-63c8-4b9d-86f9-a366b32d4fbe"
)

func problemsOf(t *testing.T, files map[string]string) []Problem {
	t.Helper()
	site, err := OpenSite(makeSite(t, files), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	return c.Problems
}

type problemKey struct {
	Code, Severity, Key, Lang, Paths string
}

func keysOf(ps []Problem) []problemKey {
	var out []problemKey
	for _, p := range ps {
		out = append(out, problemKey{p.Code, string(p.Severity), p.Key, p.Lang, strings.Join(p.Paths, " ")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code+out[i].Paths < out[j].Code+out[j].Paths })
	return out
}

func TestChecks(t *testing.T) {
	fine := func() map[string]string {
		return map[string]string{
			en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
			fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
			en + "_index.md":      "---\ntitle: Careers\n---\n",
			fr + "_index.md":      "---\ntitle: Carrières\n---\n",
			"content/en/other.md": "not a posting",
			en + "notes.txt":      "not markdown",
		}
	}
	cases := []struct {
		name string
		edit func(map[string]string)
		want []problemKey
	}{
		{"fine pair", func(map[string]string) {}, nil},
		{"missing translation", func(f map[string]string) { delete(f, fr+"développeur.md") },
			[]problemKey{{CodeMissingTranslation, "error", "dev", "fr", en + "developer.md"}}},
		{"duplicate key", func(f map[string]string) { f[fr+"dev-2.md"] = posting("Développeur 2", "dev", u1, false, frBody) },
			[]problemKey{{CodeDuplicateKey, "error", "dev", "fr", fr + "dev-2.md " + fr + "développeur.md"}}},
		{"archived in one language", func(f map[string]string) { f[en+"developer.md"] = posting("Developer", "dev", u1, true, enBody) },
			[]problemKey{{CodeArchivedMismatch, "error", "dev", "", en + "developer.md " + fr + "développeur.md"}}},
		{"keyless pair linked by name", func(f map[string]string) {
			delete(f, fr+"développeur.md")
			f[en+"developer.md"] = posting("Developer", "", u1, false, enBody)
			f[fr+"developer.md"] = posting("Développeur", "", u1, false, frBody)
		}, []problemKey{
			{CodeMissingKey, "warning", "", "en", en + "developer.md"},
			{CodeMissingKey, "warning", "", "fr", fr + "developer.md"},
		}},
		{"broken front matter", func(f map[string]string) { f[fr+"développeur.md"] = "---\ntitle: 'unclosed\n---\n" },
			[]problemKey{
				{CodeInvalidFrontMatter, "error", "", "fr", fr + "développeur.md"},
				{CodeMissingTranslation, "error", "dev", "fr", en + "developer.md"},
			}},
		{"json front matter", func(f map[string]string) { f[fr+"développeur.md"] = "{\"title\": \"x\"}\n" },
			[]problemKey{
				{CodeMissingTranslation, "error", "dev", "fr", en + "developer.md"},
				{CodeUnsupportedFrontMatter, "error", "", "fr", fr + "développeur.md"},
			}},
		{"missing title and description", func(f map[string]string) {
			f[en+"developer.md"] = "---\ntitle: ''\narchived: false\ntranslationKey: dev\nleverId: " + u1 + "\n---\n" + enBody
		}, []problemKey{
			{CodeMissingField, "error", "dev", "en", en + "developer.md"},
			{CodeMissingField, "warning", "dev", "en", en + "developer.md"},
		}},
		{"leverId mismatch", func(f map[string]string) { f[fr+"développeur.md"] = posting("Développeur", "dev", u2, false, frBody) },
			[]problemKey{{CodeLeverIDMismatch, "warning", "dev", "", en + "developer.md " + fr + "développeur.md"}}},
		{"invalid leverId", func(f map[string]string) {
			f[en+"developer.md"] = posting("Developer", "dev", "http://x", false, enBody)
			f[fr+"développeur.md"] = posting("Développeur", "dev", "", false, frBody)
		}, []problemKey{{CodeInvalidLeverID, "warning", "dev", "en", en + "developer.md"}}},
		{"structure mismatch", func(f map[string]string) {
			f[en+"developer.md"] = posting("Developer", "dev", u1, false, enBody+"\n## More\n\n- a\n- b\n- c\n- d\n- e\n\n## Even more\n\n## And more\n")
		}, []problemKey{{CodeStructureMismatch, "warning", "dev", "", en + "developer.md " + fr + "développeur.md"}}},
		{"wrong language", func(f map[string]string) { f[fr+"développeur.md"] = posting("Développeur", "dev", u1, false, enBody) },
			[]problemKey{{CodeWrongLanguage, "warning", "dev", "fr", fr + "développeur.md"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := fine()
			c.edit(files)
			got := keysOf(problemsOf(t, files))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems:\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestSiteConfigs(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		dirs  map[string]string
		err   string
	}{
		// Hugo: a language without contentDir reads the site-wide one,
		// else "content".
		{"hugo.toml", map[string]string{"hugo.toml": "[languages.en]\ncontentDir = 'content/english'\n[languages.fr]\n"},
			map[string]string{"en": "content/english", "fr": "content"}, ""},
		{"config/_default", map[string]string{"hugo.yaml": "", "config/_default/config.yaml": ""}, nil, ""},
		{"json", map[string]string{"hugo.yaml": "", "config.json": "x"}, nil, ""},
		{"no languages", map[string]string{"hugo.yaml": "title: x\n"}, nil, "the site has one language (en)"},
		{"bad yaml", map[string]string{"hugo.yaml": "languages: [\n"}, nil, "does not parse"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := c.files
			if c.name == "config/_default" {
				delete(files, "hugo.yaml")
				files["config/_default/config.yaml"] = "DefaultContentLanguage: en\nlanguages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n"
			}
			if c.name == "json" {
				delete(files, "hugo.yaml")
				files["config.json"] = `{"languages": {"en": {}, "fr": {"contentDir": "fr"}}}`
				c.dirs = map[string]string{"en": "content", "fr": "fr"}
			}
			root := t.TempDir()
			for p, s := range files {
				abs := filepath.Join(root, p)
				os.MkdirAll(filepath.Dir(abs), 0o755)
				os.WriteFile(abs, []byte(s), 0o644)
			}
			os.MkdirAll(filepath.Join(root, "content", "en", "deep"), 0o755)
			site, err := OpenSite(filepath.Join(root, "content", "en", "deep"), SiteOptions{})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if site.Root != root {
				t.Errorf("root = %s, want %s", site.Root, root)
			}
			for l, d := range c.dirs {
				if site.ContentDir[l] != d {
					t.Errorf("%s dir = %s, want %s", l, site.ContentDir[l], d)
				}
			}
		})
	}
	if _, err := OpenSite(t.TempDir(), SiteOptions{}); err == nil || !strings.Contains(err.Error(), "no Hugo site") {
		t.Errorf("no site: err = %v", err)
	}
}

func TestCorpusSiteFromConfigDefault(t *testing.T) {
	site, err := OpenSite(filepath.Join(corpusDir(t), "content", "fr"), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(filepath.ToSlash(site.ConfigPath), "config/_default/config.yaml") || site.ContentDir["fr"] != "content/fr" {
		t.Errorf("site = %+v", site)
	}
}

func TestSafeText(t *testing.T) {
	cases := map[string]string{
		"plain é ’":     "plain é ’",
		"\x1b[31mred":   "␛[31mred",
		"a\nb":          "a␊b",
		"bell\x07":      "bell␇",
		"rtl\u202eevil": "rtl«U+202E»evil",
		"c1\u009bx":     "c1«U+009B»x",
	}
	for in, want := range cases {
		if got := SafeText(in, false); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := SafeText("a\r\nb\tc\x1b", true); got != "a\nb\tc␛" {
		t.Errorf("multiline = %q", got)
	}
}

func TestBodyStructure(t *testing.T) {
	body := "# Title\n\n## Sub\n####### not a heading\n#hashtag\n\n- a\n* b\n+ c\n1. d\n2) e\n-not\n---\n* * *\n\n```\n# in code\n- in code\n```\n<h2>HTML</h2><ul><li>x</li><LI class=y>z</LI></ul>\n"
	got := BodyStructure([]byte(body))
	if got != (Structure{Headings: 3, ListItems: 7}) {
		t.Errorf("structure = %+v", got)
	}
	if en, fr := LanguageScores([]byte("The team and you. Le travail de l’équipe et vous, avec NOUS.")); en != 4 || fr != 8 {
		t.Errorf("scores = %d en, %d fr", en, fr)
	}
}

// A file that is not UTF-8 is listed as broken, and its twin misses it.
func TestUnreadableFileIsListed(t *testing.T) {
	files := map[string]string{
		en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
		fr + "développeur.md": "---\ntitle: \xff\xfe\n---\n",
	}
	ps := problemsOf(t, files)
	codes := map[string]bool{}
	for _, p := range ps {
		codes[p.Code] = true
	}
	if !codes[CodeInvalidFrontMatter] || !codes[CodeMissingTranslation] {
		t.Errorf("problems = %+v", ps)
	}
}

func TestStopWordBits(t *testing.T) {
	stopWordLang := map[string]uint8{}
	n := 0
	for _, w := range stopWordsEN {
		stopWordLang[w] |= 1
		n = max(n, len(w))
	}
	for _, w := range stopWordsFR {
		stopWordLang[w] |= 2
		n = max(n, len(w))
	}
	if n != maxStopWordLen {
		t.Errorf("maxStopWordLen = %d, the longest stop word has %d bytes", maxStopWordLen, n)
	}
	for w, bits := range stopWordLang {
		if bits == 3 {
			t.Errorf("%q is in both lists", w)
		}
		// LanguageScores looks up an ASCII word of up to 8 bytes only.
		if len(w) > 8 && strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			t.Errorf("%q: an ASCII stop word of more than 8 bytes", w)
		}
	}
	for w, bits := range stopWordLang {
		if got := stopWordBits([]byte(w)); got != bits {
			t.Errorf("%q: table %d, map %d", w, got, bits)
		}
	}
	for _, w := range []string{"", "th", "thee", "L’équipe", "équipe", "developer", "l’équipes", "l’équip", "travaill", "trav"} {
		if got := stopWordBits([]byte(w)); got != stopWordLang[w] {
			t.Errorf("%q: table %d, map %d", w, got, stopWordLang[w])
		}
	}
}

// stopWordLangs is the lists as a map, made once.
var stopWordLangs = sync.OnceValue(func() map[string]int {
	lang := map[string]int{}
	for _, w := range stopWordsEN {
		lang[w] = 1
	}
	for _, w := range stopWordsFR {
		lang[w] = 2
	}
	return lang
})

// languageScoresReference is LanguageScores as first written, a letter at
// a time, its words looked up in a map made of the lists: the faster one
// must count the same.
func languageScoresReference(body []byte) (en, fr int) {
	lang := stopWordLangs()
	word := make([]byte, 0, 32)
	flush := func() {
		switch lang[string(word)] {
		case 1:
			en++
		case 2:
			fr++
		}
		word = word[:0]
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch {
		case r >= 'A' && r <= 'Z':
			word = append(word, byte(r)+'a'-'A')
		case r >= 'a' && r <= 'z', r == '\'':
			word = append(word, byte(r))
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || r == '’'):
			word = utf8.AppendRune(word, unicode.ToLower(r))
		default:
			flush()
		}
		i += size
	}
	flush()
	return en, fr
}

func TestLanguageScoresAgreesWithReference(t *testing.T) {
	texts := []string{"", "the", "THE", "The team", "l’équipe", "L’ÉQUIPE et vous", "être—nous", "d’une\u00a0avec", "don't the's", "x\xffthe", "théâtre de la", "Straße und the", "ÉTÉ", "the\u0301 and",
		"İs it", "\u212aey", "ÊTRE", "être×the", "être÷the", "ªthe", "µthe", "the\u00a0and", "l’équipes", "d’uned’une", "abcdefgh the", "abcdefg the", "travail", "TRAVAIL", "travaill"}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"the", "The", "ÉTÉ", "é", "’", "'", " ", "\n", "—", "-", "de", "NOUS", "l", "\xff", "ǅ", "İ", "a", ".", "travail",
		"accessibility", "numériques", "\u00a0", "×", "ª", "\u212a", "Ê", "tre", "d’", "une", "\xc3", "\xe2\x80", "À"}
	for i := 0; i < 4000; i++ {
		var b strings.Builder
		for j := r.IntN(30 + i/20); j > 0; j-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	if dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content")); err == nil {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "careers", "positions", "*.md"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			texts = append(texts, string(data))
		}
	}
	for _, s := range texts {
		en, fr := LanguageScores([]byte(s))
		wantEN, wantFR := languageScoresReference([]byte(s))
		if en != wantEN || fr != wantFR {
			t.Fatalf("LanguageScores(%q) = %d, %d; want %d, %d", s, en, fr, wantEN, wantFR)
		}
	}
}

// Every character, as a word's first, middle and last letter and as what
// ends one: LanguageScores reads some without decoding them (Latin-1,
// ’), and lowers them as unicode.ToLower does (İ is i, so "İs" is "is").
func TestLanguageScoresEveryCharacter(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c + "s", "th" + c, c + "tre", "d" + c + "une", "l’" + c + "quipe", "the" + c + "and" + c} {
			en, fr := LanguageScores([]byte(s))
			wantEN, wantFR := languageScoresReference([]byte(s))
			if en != wantEN || fr != wantFR {
				t.Fatalf("LanguageScores(%q) = %d, %d; want %d, %d", s, en, fr, wantEN, wantFR)
			}
		}
	}
}

// isThematicBreakReference is isThematicBreak as first written, on a copy
// of the line without its spaces.
func isThematicBreakReference(line string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(line), " ", "")
	if len(t) < 3 {
		return false
	}
	return strings.Trim(t, "-") == "" || strings.Trim(t, "*") == ""
}

func TestThematicBreakAgreesWithReference(t *testing.T) {
	pieces := []string{"-", "*", " ", "\t", "\u00a0", "\r", "_", "x", "-*", "\u2003"}
	r := rand.New(rand.NewPCG(3, 4))
	lines := []string{"", "---", "***", "- - -", " * * * ", "--", "-- ", "\t---\t", "-*-", "---x", "\u00a0---\u00a0", "- -\t-"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.IntN(9); j > 0; j-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		if got, want := isThematicBreak([]byte(l)), isThematicBreakReference(l); got != want {
			t.Errorf("isThematicBreak(%q) = %v, want %v", l, got, want)
		}
	}
}
