package ui

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/jobtui/jobtui/internal/i18n"
)

// The help (?) scrolls: at 60x20 its keys did not all fit and the rest
// was cut, out of reach. Every key of the view it covers is read by
// scrolling down, in both languages and in the list, the preview and the
// diff; the footer says how to scroll while there is more to see.
func TestHelpScrollsToEveryKey(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 32}} {
			w, h := size[0], size[1]
			t.Run(string(lang)+"_"+itoa(w)+"x"+itoa(h), func(t *testing.T) {
				bubble(t, func(t *testing.T) {
					a := newTestApp(t, demoSite(t, true), lang, w, h)
					helpReachesEveryKey(t, a, w, h, "list")
					press(a, "enter")
					helpReachesEveryKey(t, a, w, h, "preview")
				})
			})
		}
	}
}

// helpReachesEveryKey opens the help, reads it down to its end (down,
// then pgdown, as a person would), checks that each key of the view was
// on some screen, then that esc brings the view back.
func helpReachesEveryKey(t *testing.T, a *testApp, w, h int, view string) {
	t.Helper()
	groups := a.fullHelp()
	press(a, "?")
	if !a.showHelp {
		t.Fatalf("%s: ? did not open the help", view)
	}
	tr := &a.c.Tr.UI
	seen := screen(a)
	checkSize(t, a, w, h)
	footer := lastLine(seen)
	if a.help.Scrolls() != strings.Contains(footer, "↑/↓ "+tr.Scroll) {
		t.Errorf("%s: the help scrolls: %v; its footer: %q", view, a.help.Scrolls(), footer)
	}
	if !strings.HasPrefix(footer, "esc "+tr.CloseHelp) {
		t.Errorf("%s: the footer does not say how to close the help: %q", view, footer)
	}
	for i := 0; i < 40 && !a.help.vp.AtBottom(); i++ {
		k := "down"
		if i%2 == 1 {
			k = "pgdown"
		}
		press(a, k)
		if !a.showHelp {
			t.Fatalf("%s: %s closed the help", view, k)
		}
		checkSize(t, a, w, h)
		seen += screen(a)
	}
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			if !helpShows(seen, b) {
				t.Errorf("%s %dx%d: %q %q never shows in the help:\n%s", view, w, h, b.Help().Key, b.Help().Desc, screen(a))
			}
		}
	}
	press(a, "esc")
	if a.showHelp {
		t.Errorf("%s: esc did not close the help", view)
	}
}

// helpShows tells a key and its words side by side on a line.
func helpShows(screens string, b key.Binding) bool {
	re := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(b.Help().Key) + ` +` + regexp.QuoteMeta(b.Help().Desc) + `(\s|$)`)
	for _, l := range strings.Split(screens, "\n") {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}
