package model

import (
	"encoding/binary"
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

// A stop word of up to 8 bytes is found by its bytes read as a
// little-endian number (no word holds a zero byte, so each word has its
// own), hashed by a multiplication to one of 256 slots: stopWordMul puts
// each of them in a slot of its own (the table's construction panics
// otherwise; then choose another odd number). Longer ones, none of them
// ASCII (TestStopWordBits checks it), are compared one by one.
const (
	stopWordMul   = 0x496ad1457cc794dd
	stopWordShift = 64 - 8
)

type stopWordSlot struct {
	key  uint64
	bits uint8 // 1 English, 2 French
}

type longStopWord struct {
	word string
	bits uint8
}

var stopWordTable, longStopWords = func() (t [256]stopWordSlot, long []longStopWord) {
	add := func(words []string, bits uint8) {
		for _, w := range words {
			if len(w) > 8 {
				long = append(long, longStopWord{w, bits})
				continue
			}
			k := packWord([]byte(w))
			s := &t[k*stopWordMul>>stopWordShift]
			if s.key != 0 {
				panic("model: the stop word " + w + " is listed twice or shares a slot: choose another stopWordMul")
			}
			s.key, s.bits = k, bits
		}
	}
	add(stopWordsEN, 1)
	add(stopWordsFR, 2)
	return t, long
}()

// packWord is a word of up to 8 bytes as a little-endian number.
func packWord(w []byte) (k uint64) {
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// stopWordBits is 1 for a word of stopWordsEN, 2 for one of stopWordsFR,
// 0 for any other (TestStopWordBits keeps it the lists').
func stopWordBits(w []byte) uint8 {
	if len(w) <= 8 {
		return stopWordKey(packWord(w))
	}
	for _, l := range longStopWords {
		if string(w) == l.word {
			return l.bits
		}
	}
	return 0
}

// stopWordKey is stopWordBits of a word of up to 8 bytes, packed.
func stopWordKey(k uint64) uint8 {
	s := &stopWordTable[k*stopWordMul>>stopWordShift]
	if s.key != k {
		return 0
	}
	return s.bits
}

// LanguageScores counts the English and French common words of a text: a
// word is a run of letters, apostrophes (' and ’), lowered. A word of
// ASCII letters, most of them, is looked up where it stands, its bytes
// read as one number and lowered together (one of more than 8 bytes is no
// stop word: TestStopWordBits); only one with other letters is lowered a
// character at a time, into a buffer as long as the longest stop word.
// TestLanguageScoresAgreesWithReference compares it with the simple way.
func LanguageScores(body []byte) (en, fr int) {
	var counts [4]int
	for i := 0; i < len(body); {
		if asciiClass[body[i]] == classSep {
			i++
			continue
		}
		start := i
		for i < len(body) && asciiClass[body[i]]-classLower <= classUpper-classLower {
			i++
		}
		if i == len(body) || asciiClass[body[i]] == classSep {
			if n := i - start; n <= 8 {
				counts[stopWordKey(asciiWordKey(body, start, n))]++
			}
			continue
		}
		var buf [maxStopWordLen]byte
		var w []byte
		w, i = foldWord(&buf, body, start)
		if w != nil {
			counts[stopWordBits(w)]++
		}
	}
	return counts[1], counts[2]
}

// asciiWordKey is the word of n bytes (1 to 8, ASCII letters and
// apostrophes) at body[start:], lowered and packed as packWord does: the
// apostrophe has the bit of lower case already.
func asciiWordKey(body []byte, start, n int) uint64 {
	var k uint64
	if start+8 <= len(body) {
		k = binary.LittleEndian.Uint64(body[start:]) & (^uint64(0) >> (64 - 8*n))
	} else {
		k = packWord(body[start : start+n])
	}
	return k | 0x2020202020202020&(^uint64(0)>>(64-8*n))
}

// foldWord lowers the word that begins at body[i] into buf, up to the
// first character that is not part of a word, which it passes. It returns
// the word, or nil when it is longer than buf (then no stop word), and
// where to go on.
func foldWord(buf *[maxStopWordLen]byte, body []byte, i int) ([]byte, int) {
	n := 0 // the lowered word's length, even past buf
	for i < len(body) {
		c := body[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classLower:
			case classUpper:
				c += 'a' - 'A'
			default:
				return wordIn(buf, n), i + 1
			}
			if n < len(buf) {
				buf[n] = c
			}
			n, i = n+1, i+1
			continue
		}
		if i+2 < len(body) && c == 0xe2 && body[i+1] == 0x80 && body[i+2] == 0x99 { // ’
			if n+3 <= len(buf) {
				copy(buf[n:], "’")
			}
			n, i = n+3, i+3
			continue
		}
		if c1 := byte(0); (c == 0xc2 || c == 0xc3) && i+1 < len(body) {
			if c1 = body[i+1]; c1&0xc0 == 0x80 {
				// U+0080 to U+00FF: letters ª, µ and º, and U+00C0 to
				// U+00FF but × and ÷, the capitals lowered by 0x20.
				if c == 0xc2 && c1 != 0xaa && c1 != 0xb5 && c1 != 0xba || c == 0xc3 && (c1 == 0x97 || c1 == 0xb7) {
					return wordIn(buf, n), i + 2
				}
				if c == 0xc3 && c1 <= 0x9e {
					c1 += 0x20
				}
				if n+2 <= len(buf) {
					buf[n], buf[n+1] = c, c1
				}
				n, i = n+2, i+2
				continue
			}
		}
		r, size := utf8.DecodeRune(body[i:])
		i += size
		if r != '’' && !unicode.IsLetter(r) {
			return wordIn(buf, n), i
		}
		r = unicode.ToLower(r)
		if size = utf8.RuneLen(r); n+size <= len(buf) {
			utf8.EncodeRune(buf[n:], r)
		}
		n += size
	}
	return wordIn(buf, n), i
}

// wordIn is the word of n bytes foldWord wrote in buf, nil when longer.
func wordIn(buf *[maxStopWordLen]byte, n int) []byte {
	if n > len(buf) {
		return nil
	}
	return buf[:n]
}

// Classes of bytes in a word: ASCII that ends one, lower-case letters and
// the apostrophe, capitals, and the bytes of other characters.
const (
	classSep = iota
	classLower
	classUpper
	classOther
)

var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = classLower, classUpper
	}
	t['\''] = classLower
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = classOther
	}
	return t
}()

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
