package app

import (
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/model"
)

// slug makes a branch name part from words: ASCII letters and digits in
// lower case and single dashes (accents folded), as git allows in a ref and
// a forge shows in a URL.
func slug(s string) string {
	k := strings.ToLower(model.SuggestKey(s))
	var b strings.Builder
	dash := false
	for _, r := range k {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = strings.Trim(out[:60], "-")
	}
	if out == "" {
		out = "change"
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
