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
// text (a key's name).
func checkFrenchSpacing(t *testing.T, name, f string) {
	t.Helper()
	for i := 1; i < len(f); i++ {
		if (f[i] == '?' || f[i] == '!') && f[i-1] != ' ' {
			t.Errorf("%s: no space before %q in %q", name, f[i], f)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		flag, lcAll, lcMessages, lang string
		want                          Lang
	}{
		{"fr", "", "", "", FR},
		{"en", "fr_CA.UTF-8", "", "", EN},
		{"", "fr_CA.UTF-8", "en_US", "en_US", FR},
		{"", "", "fr_FR", "en_US", FR},
		{"", "", "", "fr", FR},
		{"", "", "", "C.UTF-8", EN},
		{"", "", "", "", EN},
	} {
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", c.lcMessages)
		t.Setenv("LANG", c.lang)
		if got := Detect(c.flag); got != c.want {
			t.Errorf("%+v: %s", c, got)
		}
	}
	if got := F("{n} files in {dir}", "n", "3", "dir", "x"); got != "3 files in x" {
		t.Errorf("F = %q", got)
	}
}

// Issue 11, item 14: "Saved 1 files." and "1 fichiers" were shown; each
// language has its own rule (French: 0 and 1 are singular).
func TestPluralForms(t *testing.T) {
	en, fr := For(EN), For(FR)
	for _, c := range []struct {
		tr   *Tr
		p    Plural
		n    int
		want string
	}{
		{en, en.UI.Saved, 0, "Saved 0 files."},
		{en, en.UI.Saved, 1, "Saved 1 file."},
		{en, en.UI.Saved, 2, "Saved 2 files."},
		{fr, fr.UI.Saved, 0, "0 fichier enregistré."},
		{fr, fr.UI.Saved, 1, "1 fichier enregistré."},
		{fr, fr.UI.Saved, 2, "2 fichiers enregistrés."},
		{en, en.UI.Files, 1, "1 file"},
		{en, en.UI.Files, 2, "2 files"},
		{fr, fr.UI.Files, 1, "1 fichier"},
		{fr, fr.UI.Files, 2, "2 fichiers"},
		{fr, fr.UI.Postings, 1, "1 offre"},
		{en, en.UI.Postings, 248, "248 postings"},
		{fr, fr.UI.Marked, 1, "1 marquée"},
		{en, en.Actions.EditedNoCommit, 1, "1 file edited, nothing committed"},
		{fr, fr.CLI.Groups, 1, "1 groupe"},
	} {
		if got := c.tr.N(c.p, c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.tr.Lang, c.n, got, c.want)
		}
	}
}

// F gives what strings.NewReplacer of the pairs "{name}", value gives, on
// nested, unclosed and unknown placeholders, repeated and odd pairs, and
// values that look like placeholders.
func TestFIsTheReplacer(t *testing.T) {
	templates := []string{"", "plain", "{n}", "{n} files in {dir}", "{{n}", "{n}}", "{", "}{n}{", "{dir}{n}{x}",
		"{n{dir}}", "a {} b", "{n}{n}", "« {value} »", "{é} {n}"}
	kvs := [][]string{{"n", "3"}, {"n", "3", "dir", "x"}, {"n", "{dir}", "dir", "{n}"}, {"n", "1", "n", "2"},
		{"", "empty"}, {"n", "3", "odd"}, {"é", "e", "value", "v"}, {"n{", "x", "n", "y"}, {"dir}", "z"}}
	for _, tmpl := range templates {
		for _, kv := range kvs {
			var pairs []string
			for i := 0; i+1 < len(kv); i += 2 {
				pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
			}
			if got, want := F(tmpl, kv...), strings.NewReplacer(pairs...).Replace(tmpl); got != want {
				t.Errorf("F(%q, %q) = %q, want %q", tmpl, kv, got, want)
			}
		}
	}
}

// AskPushFirst follows a pull on a branch not on the remote yet (P
// proposes such a branch without asking): it speaks of pulling only.
func TestAskPushFirstSpeaksOfPulling(t *testing.T) {
	for tr, want := range map[*Tr]string{
		For(EN): "jobs is not on origin yet, so there is nothing to pull. Push it to origin now? (y/n)",
		For(FR): "jobs n’est pas encore sur origin, il n’y a donc rien à récupérer. L’envoyer sur origin maintenant ? (o/n)",
	} {
		if got := F(tr.Publish.AskPushFirst, "branch", "jobs", "remote", "origin"); got != want {
			t.Errorf("%s: %q, want %q", tr.Lang, got, want)
		}
	}
}
