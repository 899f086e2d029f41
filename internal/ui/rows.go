package ui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// quickView is one of the list's quick filters.
type quickView int

const (
	viewAll quickView = iota
	viewOpen
	viewArchived
	viewProblems
	viewReview // stale translations, the one waiting longest first
)

// quickViews is the number of quick views.
const quickViews = 5

type sortOrder int

const (
	sortTitleEN sortOrder = iota
	sortTitleFR
	sortState
	sortChanged
)

// row is a line of the list: app.Row (the same rows as `jobtui list`),
// with what the filter and the sort compare, folded once.
type row struct {
	app.Row
	search string // folded text the filter matches against
	titleL string // folded, for sorting
	titleR string
}

// staleSince is when the row's source changed and left its translation
// behind ("" when it is not stale), and the translation's language.
func (r *row) staleSince() (changed, lang string) {
	for _, p := range r.Problems {
		if p.Code == model.CodeStaleTranslation {
			return p.Args["sourceChanged"], p.Lang
		}
	}
	return "", ""
}

// fold lowers case and removes accents: "Développeur" -> "developpeur".
// ASCII and the Latin letters of French go through a table; other text
// through Unicode decomposition.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r >= latinFoldFirst && r < latinFoldEnd:
			b.WriteString(latinFold()[r-latinFoldFirst])
		default:
			return foldSlow(s)
		}
	}
	return b.String()
}

// latinFold is foldSlow of every letter from U+00C0 to U+017F, built when
// first used (not at package initialisation: every jobtui process would
// pay for it), with one transformer for the whole table.
const latinFoldFirst, latinFoldEnd = 0xC0, 0x180

var latinFold = sync.OnceValue(func() []string {
	t := make([]string, latinFoldEnd-latinFoldFirst)
	tr := foldTransformer()
	for i := range t {
		t[i] = foldWith(tr, string(rune(latinFoldFirst+i)))
	}
	return t
})

func foldTransformer() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

func foldSlow(s string) string { return foldWith(foldTransformer(), s) }

func foldWith(t transform.Transformer, s string) string {
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// buildRows turns a catalog into list rows.
func buildRows(cat *model.Catalog, states map[string]gitops.FileState) []row {
	base := app.Rows(cat, states)
	rows := make([]row, len(base))
	for i, r := range base {
		words := []string{r.ID}
		for _, p := range r.Files() {
			words = append(words, p.Title, p.Rel)
		}
		rows[i] = row{Row: r, search: fold(strings.Join(words, "\x00"))}
		if len(r.Left) > 0 {
			rows[i].titleL = fold(r.Left[0].Title)
		}
		if len(r.Right) > 0 {
			rows[i].titleR = fold(r.Right[0].Title)
		}
	}
	return rows
}
