package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzFrontMatter: parse then write is the identity; setting a field never
// panics and, when it succeeds, the result parses and reads back the value
// with every other field unchanged.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range roundTripCases {
		f.Add([]byte(s), "edited: value")
	}
	f.Add([]byte("---\ntitle: a\n---\n"), "multi\nline")
	f.Add([]byte("+++\ntitle = 'a'\n+++\n"), "it's")
	if files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content", "*", "careers", "positions", "*.md")); len(files) > 0 {
		for _, p := range files[:min(len(files), 20)] {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data, "Titre : l’essai")
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, value string) {
		withWatchdog(t, func() {
			fuzzFrontMatterOnce(t, data)
			fuzzSetOnce(t, data, value)
		})
	})
}

// fuzzFrontMatterOnce: parse then write is the identity.
func fuzzFrontMatterOnce(t *testing.T, data []byte) {
	d, err := Parse(data)
	if err != nil {
		return
	}
	if !bytes.Equal(d.Bytes(), data) {
		t.Fatalf("round trip changed the file")
	}
	// LoadGroups looks for escapes before the closing line Parse finds.
	if end, want := frontMatterEnd(data), len(data)-len(d.tail); end != want {
		t.Fatalf("frontMatterEnd %d, Parse's closing line at %d", end, want)
	}
}

// fuzzSetOnce edits each field in turn (see checkEdit).
func fuzzSetOnce(t *testing.T, data []byte, value string) {
	for _, key := range editKeys {
		checkEdit(t, data, key, value)
	}
}

// tomlSeeds are TOML front matters of every shape the parser and the line
// index meet: strings of the four kinds, arrays, tables, inline tables,
// dotted keys, comments, CRLF, dates.
var tomlSeeds = []string{
	"title = \"Developer\"\narchived = false\ntranslationKey = 'dev'\n",
	"title = 'Lit' # comment\ndescription = \"\"\"\nmulti\nline\"\"\"\narchived = true\n",
	"description = '''\nraw \\n text\n'''\ntitle = \"esc \\t \\u00e9 \\\"q\\\"\"\n",
	"tags = ['a', \"b\"]\nweight = 3\ndate = 2023-05-01T10:00:00Z\n[params]\nx = 1.5\n",
	"title = \"T\"\n[[menu.main]]\nname = 'a'\n[[menu.main]]\nname = 'b'\n",
	"title = \"T\"\ninline = { a = 1, b = { c = [1, 2] } }\nsite.params.x = 'y'\n",
	"title = \"T\"\r\narchived = false\r\n\r\n# c\r\n[t]\r\nk = 1\r\n",
	"\"quoted key\" = 1\n'lit key' = 2\ntitle = \"\"\n",
	"x = [[[[[[1]]]]]]\ny = {a = {a = {a = 1}}}\n",
}

// FuzzTOMLFrontMatter: any TOML front matter reads without a crash or a
// hang (the parser recurses: depth and size are capped before it runs),
// writes back byte for byte, and takes an edit of each field (see
// checkEdit).
func FuzzTOMLFrontMatter(f *testing.F) {
	for _, s := range tomlSeeds {
		f.Add([]byte(s), "Titre : l’essai")
	}
	f.Add([]byte("x = "+strings.Repeat("[", 70)+strings.Repeat("]", 70)+"\n"), "v")
	f.Add([]byte("a.b.c.d = 1\n[e.f]\ng = 'h'\n"), "it's \"q\"\n")
	f.Fuzz(func(t *testing.T, frontMatter []byte, value string) {
		data := append(append([]byte("+++\n"), frontMatter...), "\n+++\nBody\n"...)
		withWatchdog(t, func() {
			fuzzFrontMatterOnce(t, data)
			fuzzSetOnce(t, data, value)
		})
	})
}

// FuzzEdit: setting one field of a YAML or TOML front matter changes only
// that field's lines (or adds lines where a new field goes); every other
// byte of the file stays as it was, and the file reads back the value with
// every other field unchanged. A refused edit leaves the document as is.
func FuzzEdit(f *testing.F) {
	for _, s := range roundTripCases {
		f.Add([]byte(s), uint8(0), "edited: value")
	}
	for i, s := range tomlSeeds {
		f.Add([]byte("+++\n"+s+"+++\nbody\n"), uint8(i), "Titre\tà \x1b[31m « rouge »")
	}
	f.Add([]byte("---\ntitle: \"Dev\\e\\a lead\"\r\ndescription: \"one\\r\\ntwo\\tthree\"\r\nx: 1\r\n---\r\n"), uint8(1), "new")
	if files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content", "*", "careers", "positions", "*.md")); len(files) > 0 {
		for i, p := range files[:min(len(files), 10)] {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data, uint8(i), "Analyste principal(e) – données")
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8, value string) {
		withWatchdog(t, func() { checkEdit(t, data, editKeys[int(which)%len(editKeys)], value) })
	})
}

// editKeys are the fields the app sets, and one it never met.
var editKeys = []string{KeyTitle, KeyDescription, KeyArchived, KeyTranslationKey, KeyLeverID, KeyLayout, "fuzzKey"}

// withWatchdog fails an input that takes seconds: a hang to keep.
func withWatchdog(t *testing.T, fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatalf("hang")
	}
}

// checkEdit sets key (a bool for archived, else value) in data and checks
// that only the field's own lines changed.
func checkEdit(t *testing.T, data []byte, key, value string) {
	d, err := Parse(data)
	if err != nil {
		return
	}
	name := d.name(key)
	start, end := d.insertAt(), d.insertAt()
	if i := d.fieldIndex(name); i >= 0 {
		start, end = d.fields[i].start, d.fields[i].end
	}
	prefix := string(d.head) + strings.Join(d.lines[:start], "")
	suffix := strings.Join(d.lines[end:], "") + string(d.tail)
	before := string(d.Bytes())
	old, had := d.values[name]
	var want any = value
	if key == KeyArchived {
		want = len(value)%2 == 0
		err = d.SetBool(key, want.(bool))
	} else {
		err = d.SetString(key, value)
	}
	out := string(d.Bytes())
	if err != nil {
		if out != before {
			t.Fatalf("set %s=%q refused but changed the document:\n%q\n%q", key, value, before, out)
		}
		return
	}
	if !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) || len(out) < len(prefix)+len(suffix) {
		t.Fatalf("set %s=%q changed lines outside lines %d-%d:\nbefore %q\nafter  %q", key, value, start+2, end+1, before, out)
	}
	if had && sameAny(old, want) && out != before {
		t.Fatalf("set %s to its own value rewrote the file:\n%q\n%q", key, before, out)
	}
	d2, err := Parse([]byte(out))
	if err != nil {
		t.Fatalf("set %s=%q: result does not parse: %v\n%q", key, value, err, out)
	}
	if got, _ := d2.Value(key); got != want {
		t.Fatalf("set %s=%q: reads back %#v\n%q", key, value, got, out)
	}
	if !sameOthers(d2.values, parseOrFail(t, before).values, d2.name(key)) {
		t.Fatalf("set %s=%q changed another field:\n%q", key, value, out)
	}
}

func parseOrFail(t *testing.T, s string) *Document {
	d, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return d
}

// FuzzLanguageScores: LanguageScores counts what the simple reference
// counts, letter at a time, whatever the text.
func FuzzLanguageScores(f *testing.F) {
	for _, s := range []string{"The team and you.", "Le travail de l’équipe et vous, avec NOUS.", "İs ÊTRE d’une\u00a0×", "\xc3the\xe2\x80"} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content", "*", "careers", "positions", "*.md")); len(files) > 0 {
		for _, p := range files[:min(len(files), 20)] {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		en, fr := LanguageScores(body)
		if wantEN, wantFR := languageScoresReference(body); en != wantEN || fr != wantFR {
			t.Fatalf("LanguageScores(%q) = %d, %d; want %d, %d", body, en, fr, wantEN, wantFR)
		}
	})
}
