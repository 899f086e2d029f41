package i18n

import "strconv"

// Plural is a message about a count, in the singular and the plural, so
// that nobody reads "Saved 1 files" or "1 fichiers". Both forms take {n}
// and may take other named placeholders.
type Plural struct {
	One   string
	Other string
}

// N picks the form of p for n by the rules of tr's language and fills {n}
// and the other placeholders: in English only 1 is singular ("0 files",
// "1 file"); in French 0 and 1 are ("0 fichier", "1 fichier", "2 fichiers").
func (tr *Tr) N(p Plural, n int, kv ...string) string {
	return F(p.form(tr.Lang, n), append([]string{"n", strconv.Itoa(n)}, kv...)...)
}

func (p Plural) form(lang Lang, n int) string {
	if singular(lang, n) {
		return p.One
	}
	return p.Other
}

// singular is the CLDR rule "one" of each language, for whole numbers.
func singular(lang Lang, n int) bool {
	if lang == FR {
		return n == 0 || n == 1
	}
	return n == 1
}
