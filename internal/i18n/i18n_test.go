package i18n

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Strings that are rightly the same in both languages.
var sameInBoth = map[string]bool{
	"UI.AppTitle":         true, // the product's name
	"UI.GitStateNew":      true, // one-letter markers, as git prints them
	"UI.GitStateMod":      true,
	"Forms.Description":   true, // "Description" is French too
	"Publish.AheadBehind": true, // arrows and numbers, as lazygit shows them
	"Review.WaitingCell":  true, // an age and a language code
	"Views.PreviewChosen": true, // a sign, a language name and a key
	"Args.Options":        true, // the same word in French
	"Args.Shell":          true,
	"CLI.ColProblems":     false,
	"Check.LangEN":        false,
}

var placeholderRe = regexp.MustCompile(`\{[a-zA-Z]+\}`)

func placeholders(s string) []string {
	ps := placeholderRe.FindAllString(s, -1)
	sort.Strings(ps)
	return ps
}

// Every French string exists, differs from the English one (unless listed
// above) and has the same placeholders.
func TestFrenchIsComplete(t *testing.T) {
	en, fr := reflect.ValueOf(*For(EN)), reflect.ValueOf(*For(FR))
	n := 0
	for i := 0; i < en.NumField(); i++ {
		area := en.Type().Field(i)
		if area.Type.Kind() != reflect.Struct {
			continue
		}
		for j := 0; j < area.Type.NumField(); j++ {
			name := area.Name + "." + area.Type.Field(j).Name
			ev, fv := en.Field(i).Field(j), fr.Field(i).Field(j)
			if pe, ok := ev.Interface().(Plural); ok {
				pf := fv.Interface().(Plural)
				checkPair(t, name+".One", pe.One, pf.One)
				checkPair(t, name+".Other", pe.Other, pf.Other)
				n += 2
				continue
			}
			switch ev.Kind() {
			case reflect.Array: // each element, as a string
				for k := range ev.Len() {
					checkPair(t, fmt.Sprintf("%s[%d]", name, k), ev.Index(k).String(), fv.Index(k).String())
					n++
				}
			case reflect.Map: // the same keys, each with words in both
				if ev.Len() != fv.Len() {
					t.Errorf("%s: %d English entries, %d French", name, ev.Len(), fv.Len())
				}
				for _, k := range ev.MapKeys() {
					if e, f := ev.MapIndex(k), fv.MapIndex(k); !f.IsValid() || e.String() == "" || f.String() == "" {
						t.Errorf("%s[%s]: missing in a language", name, k)
					} else {
						checkFrenchSpacing(t, fmt.Sprintf("%s[%s]", name, k), f.String())
					}
					n++
				}
			default:
				checkPair(t, name, ev.String(), fv.String())
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d strings checked", n)
	}
}

func checkPair(t *testing.T, name, e, f string) {
	t.Helper()
	if e == "" {
		t.Errorf("%s: English is empty", name)
	}
	if f == "" {
		t.Errorf("%s: French is missing", name)
		return
	}
	if f == e && !sameInBoth[name] {
		t.Errorf("%s: French is the English text %q", name, e)
	}
	if !reflect.DeepEqual(placeholders(e), placeholders(f)) {
		t.Errorf("%s: placeholders differ: %v / %v", name, placeholders(e), placeholders(f))
	}
	checkFrenchSpacing(t, name, f)
}

// checkFrenchSpacing: in French a space comes before ? and ! (a plain one,
// as before : and ; in these strings), save where the mark starts the
// text (a key's name); before : and ; too, save in an address, a time, a
// key written as YAML has it ("clé: valeur") or a key's name ("o:"); and
// guillemets hold their words with a space each side (« Offre »).
func checkFrenchSpacing(t *testing.T, name, f string) {
	t.Helper()
	for i := 1; i < len(f); i++ {
		if (f[i] == '?' || f[i] == '!') && f[i-1] != ' ' {
			t.Errorf("%s: no space before %q in %q", name, f[i], f)
		}
	}
	for _, m := range frenchColonRe.FindAllStringIndex(f, -1) {
		if !colonAllowed(f, m[1]-1) {
			t.Errorf("%s: no space before %q in %q", name, f[m[1]-1], f)
		}
	}
	rs := []rune(f)
	for i, r := range rs {
		if r == '«' && (i+1 >= len(rs) || !isSpace(rs[i+1])) {
			t.Errorf("%s: no space after « in %q", name, f)
		}
		if r == '»' && (i == 0 || !isSpace(rs[i-1])) {
			t.Errorf("%s: no space before » in %q", name, f)
		}
	}
	if m := capitalAfterColonRe.FindString(f); m != "" {
		t.Errorf("%s: a capital after a colon (%q) in %q", name, m, f)
	}
}

// frenchColonRe finds a : or ; right after a letter, digit, bracket or
// quote (no space before it).
var frenchColonRe = regexp.MustCompile(`[\p{L}\p{N})\]}»"'’][:;]`)

// capitalAfterColonRe finds a capital that starts the words after a colon
// in running text ("Erreur : L’éditeur"); a key, a code or a name in
// capitals ("PATH", "HEAD") is not a sentence.
var capitalAfterColonRe = regexp.MustCompile(` : \p{Lu}[\p{Ll}’']`)

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

// colonAllowed tells the : or ; at i in f that is not French punctuation:
// an address (https://), a time or a port (16:10), a key as YAML writes
// it (clé: valeur), a key's name (o:), a placeholder's name ({file}:).
func colonAllowed(f string, i int) bool {
	rest := f[i+1:]
	switch {
	case strings.HasPrefix(rest, "//"), rest != "" && rest[0] >= '0' && rest[0] <= '9':
		return true
	}
	before := f[:i]
	word := before[strings.LastIndexAny(before, " «(\n")+1:]
	for _, ok := range []string{"clé", "translationKey", "leverId", "title", "archived", "description", "key", "nom"} {
		if word == ok {
			return true
		}
	}
	return len([]rune(word)) == 1 // a key's name: "o:"
}
