package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeText makes text from a file fit to print on a terminal: control
// characters, escape sequences and bidirectional overrides become visible
// placeholders (U+2400 control pictures, or «U+XXXX»), so that a posting can
// neither move the cursor nor recolour the screen. With multiline, newlines
// and tabs are kept; otherwise they are shown as placeholders too.
func SafeText(s string, multiline bool) string {
	if multiline && strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	clean := true
	for _, r := range s {
		if needsPlaceholder(r, multiline) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if !needsPlaceholder(r, multiline) {
			b.WriteRune(r)
			continue
		}
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r == '\uFFFD':
			b.WriteRune(r)
		default:
			b.WriteString("\u00ab" + "U+" + strings.ToUpper(hex4(r)) + "\u00bb")
		}
	}
	return b.String()
}

func needsPlaceholder(r rune, multiline bool) bool {
	switch {
	case r == '\n' || r == '\t':
		return !multiline
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidirectional controls can reorder what is shown
	}
	return unicode.Is(unicode.Cc, r)
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	var buf [8]byte
	n := 0
	for v := uint32(r); v > 0 || n < 4; v >>= 4 {
		buf[7-n] = digits[v&0xf]
		n++
	}
	return string(buf[8-n:])
}

// EditableText shows a value in a form field: like SafeText, every control
// character becomes a visible placeholder, and so do a tab (text fields turn
// it into spaces) and, with multiline, a CR (they turn CRLF into two line
// breaks). FromEditable turns the placeholders back, so that a value shown
// and left alone gives back the exact original bytes.
func EditableText(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteRune(0x2400 + r)
		case !needsPlaceholder(r, multiline):
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		default:
			b.WriteString("\u00abU+" + strings.ToUpper(hex4(r)) + "\u00bb")
		}
	}
	return b.String()
}

// FromEditable reverses EditableText. A text that held the placeholder
// characters themselves (U+2400-U+2421, «U+XXXX») is not told apart from
// one that held the controls: EditableReversible says when that happens.
func FromEditable(s string) string {
	if !strings.ContainsAny(s, "\u00ab\u2421") && !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2400 && r < 0x2420 }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x2400 && r < 0x2420:
			b.WriteByte(byte(r - 0x2400))
		case r == '\u2421':
			b.WriteByte(0x7f)
		case r == '\u00ab':
			if c, n, ok := codePoint(s[i:]); ok {
				b.WriteRune(c)
				i += n
				continue
			}
			b.WriteRune(r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// codePoint reads «U+XXXX» (4 to 6 hex digits) at the start of s, for a
// character that EditableText shows that way.
func codePoint(s string) (rune, int, bool) {
	const open, close = "\u00abU+", "\u00bb"
	if !strings.HasPrefix(s, open) {
		return 0, 0, false
	}
	end := strings.Index(s[len(open):], close)
	if end < 4 || end > 6 {
		return 0, 0, false
	}
	v, err := strconv.ParseUint(s[len(open):len(open)+end], 16, 32)
	if err != nil || strings.ToUpper(s[len(open):len(open)+end]) != s[len(open):len(open)+end] {
		return 0, 0, false
	}
	r := rune(v)
	if r < 0x80 || !utf8.ValidRune(r) || !needsPlaceholder(r, true) || strings.ToUpper(hex4(r)) != s[len(open):len(open)+end] {
		return 0, 0, false
	}
	return r, len(open) + end + len(close), true
}

// EditableReversible reports whether FromEditable gives s back from
// EditableText(s, multiline).
func EditableReversible(s string, multiline bool) bool {
	return FromEditable(EditableText(s, multiline)) == s
}
