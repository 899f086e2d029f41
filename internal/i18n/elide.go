package i18n

import (
	"strings"
	"unicode/utf8"
)

// elided are the French words that lose their vowel before one, and what
// they become: "de origin" is written "d’origin".
var elided = map[string]string{
	"de": "d’", "De": "D’", "le": "l’", "Le": "L’", "la": "l’", "La": "L’", "que": "qu’", "Que": "Qu’",
}

// Elide is word followed by value as French writes it: "d’origin",
// "l’upstream", but "de fork", "de main", "de 3". Only a vowel elides:
// an h does not, as the names that reach these templates (remotes,
// branches, commands) are English words, whose h French treats as
// aspirated ("de heroku", "le hotfix"); nor a y ("de yarn").
func Elide(word, value string) string {
	if e, ok := elided[word]; ok && startsWithVowel(value) {
		return e + value
	}
	return word + " " + value
}

// elideBefore is text, the part of a template right before a value, with
// its last word elided when that word is one that elides and the value
// starts with a vowel; atStart says that text begins the template (a
// word there is whole).
func elideBefore(text string, atStart bool, value string) string {
	if !strings.HasSuffix(text, " ") || !startsWithVowel(value) {
		return text
	}
	body := text[:len(text)-1]
	i := strings.LastIndexAny(body, " \u00a0\u202f«(\n")
	if i < 0 && !atStart {
		return text // the word runs on from a value before it
	}
	word := body[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(body[i:])
		word = body[i+n:]
	}
	e, ok := elided[word]
	if !ok {
		return text
	}
	return body[:len(body)-len(word)] + e
}

func startsWithVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeiouAEIOUàâäéèêëîïôöùûüÀÂÄÉÈÊËÎÏÔÖÙÛÜœŒæÆ", r)
}
