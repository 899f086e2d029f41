package model

import (
	"strings"
	"unicode"
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
