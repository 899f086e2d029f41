package app

import (
	"strconv"

	"github.com/jobtui/jobtui/internal/model"
)

// slug makes a branch name part from words: model.SuggestKey's ASCII
// letters and digits in lower case and single dashes (accents folded), at
// most 60 bytes and never empty, as git allows in a ref and a forge shows
// in a URL.
func slug(s string) string { return model.SuggestKey(s) }

func itoa(n int) string { return strconv.Itoa(n) }
