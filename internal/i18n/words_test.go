package i18n

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
)

// A bad --publish names the option and the values it takes, with no line
// (user test: "jobtui: --publish, line 0: publish cannot be “pr”").
func TestFlagValueHasNoLine(t *testing.T) {
	var ce *config.Error
	if !errors.As(config.CheckPublish("pr"), &ce) {
		t.Fatal("CheckPublish(pr) is not a *config.Error")
	}
	for _, c := range []struct {
		lang Lang
		want string
	}{
		{EN, "--publish cannot be “pr”: it takes direct or pull-request"},
		{FR, "--publish ne peut pas valoir « pr » : il accepte direct ou pull-request"},
	} {
		got := ConfigErrorText(For(c.lang), ce)
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
		if strings.Contains(got, "line") || strings.Contains(got, "ligne") {
			t.Errorf("%s: %q names a line", c.lang, got)
		}
	}
}

// The French texts put together from parts keep French typography: a
// space before : and ; (user test: "deev; vouliez-vous dire"), none
// missing where a detail is added.
func TestFrenchComposedTexts(t *testing.T) {
	fr := For(FR)
	for _, err := range []error{
		&gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{"deev"}, Suggestions: []string{"dev"}},
		&gitops.Error{Kind: gitops.KindOther, Err: errors.New("disque plein")},
		&gitops.Error{Kind: gitops.KindAmbiguousGroup, Paths: []string{"a.md"}, Detail: "dev"},
	} {
		checkFrenchSpacing(t, "ErrorText", ErrorText(fr, err))
	}
	for _, s := range []string{F(fr.Forms.Quoted, "value", "Développeur principal (disque)"), ErrorText(fr, errors.New("x")) + Colon(fr) + "y"} {
		checkFrenchSpacing(t, "composed", s)
	}
	for _, s := range []string{fr.CLI.ManMissing, fr.CLI.AppMissing} {
		if !strings.Contains(s, "ni à côté de jobtui ni dans le PATH") {
			t.Errorf("%q: want “ni à côté de jobtui ni dans le PATH”", s)
		}
	}
}

// An error's words begin in lower case, in both languages: they follow
// "Error: " or a colon ("Erreur : L’éditeur…" had a capital after the
// colon). A name in capitals (HEAD) or a placeholder may begin one.
func TestErrorsBeginInLowerCase(t *testing.T) {
	for _, lang := range []Lang{EN, FR} {
		tr := reflect.ValueOf(*For(lang))
		for _, area := range []string{"Git", "Editor", "Site", "Reason"} {
			v := tr.FieldByName(area)
			for i := range v.NumField() {
				s, ok := v.Field(i).Interface().(string)
				if !ok || s == "" {
					continue
				}
				first, _ := utf8.DecodeRuneInString(s)
				word, _, _ := strings.Cut(s, " ")
				if unicode.IsUpper(first) && strings.ToUpper(word) != word {
					t.Errorf("%s %s.%s begins with a capital: %q", lang, area, v.Type().Field(i).Name, s)
				}
			}
		}
	}
}
