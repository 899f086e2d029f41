package i18n

import (
	"reflect"
	"regexp"
	"sort"
	"testing"
)

// Strings that are rightly the same in both languages.
var sameInBoth = map[string]bool{
	"UI.AppTitle":         true, // the product's name
	"UI.GitStateNew":      true, // one-letter markers, as git prints them
	"UI.GitStateMod":      true,
	"Forms.Description":   true, // "Description" is French too
	"Publish.AheadBehind": true, // arrows and numbers, as lazygit shows them
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
			e := en.Field(i).Field(j).String()
			f := fr.Field(i).Field(j).String()
			n++
			if e == "" {
				t.Errorf("%s: English is empty", name)
			}
			if f == "" {
				t.Errorf("%s: French is missing", name)
				continue
			}
			if f == e && !sameInBoth[name] {
				t.Errorf("%s: French is the English text %q", name, e)
			}
			if !reflect.DeepEqual(placeholders(e), placeholders(f)) {
				t.Errorf("%s: placeholders differ: %v / %v", name, placeholders(e), placeholders(f))
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d strings checked", n)
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
