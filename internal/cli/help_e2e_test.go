package cli

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// The help (?) at 60x20 cut its last keys off, out of reach. Read as a
// person does (? then page down), every key shows, in English and in
// French (from LANG), at the three sizes; the footer says how to scroll
// where the help does not fit, and esc brings the list back.
func TestHelpScrollsInTmux(t *testing.T) {
	bin := binary(t)
	site := demoSite(t, bin)
	words := map[string]struct {
		env               []string
		foot, title, more string
		keys              []string // the first key and the last ones
	}{
		"en": {[]string{"LANG=C.UTF-8"}, "? help • q quit", "Keys", "↑/↓ scroll",
			[]string{`↑/k +up`, `ctrl\+r +reload`, `L +français`, `\? +help`, `q +quit`}},
		"fr": {[]string{"LANG=fr_CA.UTF-8"}, "? aide • q quitter", "Touches", "↑/↓ défiler",
			[]string{`↑/k +haut`, `ctrl\+r +recharger`, `L +English`, `\? +aide`, `q +quitter`}},
	}
	for _, lang := range []string{"en", "fr"} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 32}} {
			w, h, tc := size[0], size[1], words[lang]
			t.Run(fmt.Sprintf("%s_%dx%d", lang, w, h), func(t *testing.T) {
				term := appInTmux(t, bin, site, w, h, tc.env)
				term.waitFor("the list", tc.foot, "13/13")
				term.send("?")
				seen := term.waitFor("the help", "\n"+tc.title)
				if w == 60 && !strings.Contains(lastScreenLine(seen), tc.more) {
					t.Errorf("the footer does not say how to scroll the help:\n%s", seen)
				}
				for i := 0; i < 10 && !regexp.MustCompile(tc.keys[len(tc.keys)-1]).MatchString(seen); i++ {
					term.send("PgDn")
					seen += term.screen()
				}
				for _, k := range tc.keys {
					if !regexp.MustCompile(`(?m)(^|\s)` + k + `(\s|$)`).MatchString(seen) {
						t.Errorf("%q never shows in the help:\n%s", k, seen)
					}
				}
				term.send("Escape")
				term.waitFor("the list again", tc.foot)
			})
		}
	}
}

func lastScreenLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	return lines[len(lines)-1]
}
