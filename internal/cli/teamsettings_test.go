package cli

import (
	"fmt"
	"os"
	"os/exec"
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

// gitC runs git in dir.
func gitC(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// User test (flow, item 4): jobtui propose with nothing ahead of the
// remote said "nothing to commit"; jobtui commit PATH for a path that is
// not an edited posting exited 2 where the README says 1 (an action
// refused, as an unknown key is).
func TestNothingToProposeAndNotPendingExitOne(t *testing.T) {
	site := writeDemo(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	bare := filepath.Join(t.TempDir(), "site.git")
	gitC(t, site, "clone", "-q", "--bare", ".", bare)
	gitC(t, site, "remote", "add", "origin", bare)
	gitC(t, site, "fetch", "-q", "origin")
	gitC(t, site, "branch", "-q", "-u", "origin/main")
	for _, lang := range []string{"en_CA.UTF-8", "fr_CA.UTF-8"} {
		tr := i18n.For(i18n.EN)
		if strings.HasPrefix(lang, "fr") {
			tr = i18n.For(i18n.FR)
		}
		_, errOut, code := runIn(t, lang, "--repo", site, "--publish", "pull-request", "propose")
		if code != 1 || errOut != "jobtui: "+tr.Publish.NothingToPropose+"\n" {
			t.Errorf("%s propose: exit %d, %q", lang, code, errOut)
		}
		_, errOut, code = runIn(t, lang, "--repo", site, "commit", filepath.Join(site, "hugo.yaml"))
		if code != 1 || !strings.Contains(errOut, "hugo.yaml") {
			t.Errorf("%s commit of a file not edited: exit %d, %q", lang, code, errOut)
		}
	}
}
