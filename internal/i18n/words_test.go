package i18n

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/config"
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
