package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/i18n"
)

// User test (flow, item 2): a bad value in the team's settings did not
// stop the app (it opened, lost its branch and put the English error under
// every git key) nor list, which exited 0. Every command that opens the
// site now stops on it, in the user's language, with exit 2, as for the
// user's own settings (README: "nothing runs"); the error is worded in the
// user's language wherever it shows.
func TestTeamSettingsStopEveryCommand(t *testing.T) {
	site := writeDemo(t)
	if err := os.WriteFile(filepath.Join(site, ".jobtui.yaml"), []byte("publish: pr\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, lang := range []string{"en_CA.UTF-8", "fr_CA.UTF-8"} {
		want := "/.jobtui.yaml, line 1: publish cannot be “pr”; allowed: direct, pull-request"
		if strings.HasPrefix(lang, "fr") {
			want = "/.jobtui.yaml, ligne 1 : publish ne peut pas valoir « pr » ; valeurs permises : direct, pull-request"
		}
		for _, args := range [][]string{{}, {"list"}, {"list", "--json"}, {"check"}, {"commit"}, {"archive", "data-analyst"}} {
			out, errOut, code := runIn(t, lang, append([]string{"--repo", site}, args...)...)
			if code != 2 || out != "" || !strings.Contains(errOut, want) {
				t.Errorf("%s %v: exit %d, out %q, err %q; want exit 2 and %q", lang, args, code, out, errOut, want)
			}
		}
	}
	err := fmt.Errorf("publish: %w", &config.Error{File: "/s/.jobtui.yaml", Line: 1, Key: "publish", Value: "pr", Allowed: []string{"direct", "pull-request"}, Problem: config.NotAllowed})
	if got := i18n.ErrorText(i18n.For(i18n.FR), err); !strings.Contains(got, "ligne 1 : publish ne peut pas valoir « pr »") {
		t.Errorf("the app's error line is not in French: %q", got)
	}
}
