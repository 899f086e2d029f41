package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file reads the front matter most postings have without the yaml
// library: top-level keys, each with a value (a word-like plain string,
// true, false or null, a quoted string without escapes, a plain or
// double-quoted string going on over indented lines) or a block of text
// (>-, >, |-, |) whose lines share one indentation, comment lines between
// them. The yaml library builds a tree of nodes and decodes it again: over
// a third of the time it took to read a posting (10,000 of them). Anything
// else, down to a comment after a value, a tab or a line ending in CR,
// goes to the library: simpleYAML reports ok only when it knows the answer
// is the library's (TestSimpleYAMLAgreesWithTheLibrary, FuzzSimpleYAML).

// simpleYAML reads lines as indexYAML would, or reports !ok.
func simpleYAML(lines []string) (pairs []yamlPair, values map[string]any, ok bool) {
	keys := 0
	for _, l := range lines {
		if l != "" && isASCIILetter(l[0]) {
			keys++
		}
	}
	if keys == 0 {
		return nil, nil, false
	}
	values = make(map[string]any, keys)
	pairs = make([]yamlPair, 0, keys)
	for i := 0; i < len(lines); {
		l := lines[i]
		if l == "\n" || l[0] == '#' && simpleText(strings.TrimSuffix(l, "\n")) {
			i++ // an empty line or a comment between fields
			continue
		}
		key, rest, found := strings.Cut(strings.TrimSuffix(l, "\n"), ":")
		if !found || !simpleKey(key) || !strings.HasPrefix(rest, " ") {
			return nil, nil, false
		}
		if _, dup := values[key]; dup {
			return nil, nil, false
		}
		tok := strings.TrimLeft(rest, " ")
		p := yamlPair{key: key, keyLine: i + 1, line: i + 1, column: len(key) + 1 + len(rest) - len(tok) + 1, scalar: true}
		var value any
		next := i + 1
		switch {
		case tok == ">-" || tok == ">" || tok == "|-" || tok == "|":
			if value, next, ok = simpleBlock(lines, i+1, tok); !ok {
				return nil, nil, false
			}
			p.style = yaml.FoldedStyle
			if tok[0] == '|' {
				p.style = yaml.LiteralStyle
			}
		case tok == "true" || tok == "false":
			value = tok == "true"
		case tok == "null":
			value = nil
		default:
			if value, p.style, next, ok = simpleFlow(lines, next, tok); !ok {
				return nil, nil, false
			}
		}
		values[key] = value
		pairs = append(pairs, p)
		i = next
	}
	return pairs, values, true
}

// simpleKey is a key of letters, digits, - and _ that starts with a letter
// and that YAML could read as nothing but a string. YAML bounds a key
// written without a "?" to 1024 characters (the library refuses a longer
// one): a key over maxSimpleKey goes to the library, which says so.
func simpleKey(k string) bool {
	if k == "" || len(k) > maxSimpleKey || !isASCIILetter(k[0]) || yamlWord(k) {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

const maxSimpleKey = 256

func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// yamlWord is a word that a YAML library reads, or once read, as other
// than a string (true, null, yes, off...).
func yamlWord(s string) bool {
	if len(s) > 5 {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

// simpleScalar reads a one-line value: a plain string that starts with a
// letter (or a digit, followed by letters no number has; a colon only
// inside one that starts with a letter), or a string in single or double
// quotes (without a backslash).
func simpleScalar(tok string) (string, yaml.Style, bool) {
	if tok == "" || !simpleText(tok) {
		return "", 0, false
	}
	switch c := tok[0]; {
	case c == '\'':
		end := strings.LastIndexByte(tok, '\'')
		inner := tok[1:max(end, 1)]
		if end < 1 || strings.TrimRight(tok[end+1:], " ") != "" || strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return "", 0, false
		}
		return strings.ReplaceAll(inner, "''", "'"), yaml.SingleQuotedStyle, true
	case c == '"':
		end := strings.LastIndexByte(tok, '"')
		inner := tok[1:max(end, 1)]
		if end < 1 || strings.TrimRight(tok[end+1:], " ") != "" || strings.ContainsAny(inner, "\"\\") {
			return "", 0, false
		}
		return inner, yaml.DoubleQuotedStyle, true
	case isASCIILetter(c) || '0' <= c && c <= '9' && !numberLike(tok):
		if yamlWord(tok) || strings.IndexByte(tok, '#') >= 0 || !plainColons(tok) || strings.HasSuffix(tok, " ") {
			return "", 0, false
		}
		return tok, 0, true
	}
	return "", 0, false
}

// simpleFlow reads a value that starts on the key's line (tok, without
// the line ending) and may go on, indented, on the lines from next: a
// plain string or one in double quotes whose lines are joined by a space
// each (a description wrapped by an editor). It returns the value, its
// style and the index of the line after it.
func simpleFlow(lines []string, next int, tok string) (string, yaml.Style, int, bool) {
	if strings.HasPrefix(tok, "\"") && strings.IndexByte(tok[1:], '"') < 0 {
		return simpleQuotedLines(lines, next, tok[1:])
	}
	value, style, ok := simpleScalar(tok)
	if !ok || style != 0 || next >= len(lines) || !strings.HasPrefix(lines[next], " ") {
		return value, style, next, ok
	}
	b := []byte(value)
	for ; next < len(lines) && strings.HasPrefix(lines[next], " "); next++ {
		// Nothing a plain value ends at (": ", " #") nor could begin
		// with, though it could go on with some of them.
		t, ok := continuedLine(lines[next])
		if !ok || strings.ContainsAny(t, ":#") || strings.IndexByte("-?,[]{}&*!|>'\"%@`", t[0]) >= 0 {
			return "", 0, 0, false
		}
		b = append(append(b, ' '), t...)
	}
	return string(b), 0, next, true
}

// simpleQuotedLines reads a string in double quotes that goes on past the
// key's line, first the text after its opening quote: each line indented,
// without a backslash or an empty line, the last ending with the closing
// quote.
func simpleQuotedLines(lines []string, next int, first string) (string, yaml.Style, int, bool) {
	if first == "" || strings.HasSuffix(first, " ") || strings.Contains(first, "\\") || !simpleText(first) {
		return "", 0, 0, false
	}
	b := []byte(first)
	for ; next < len(lines) && strings.HasPrefix(lines[next], " "); next++ {
		t, ok := continuedLine(lines[next])
		if !ok || strings.Contains(t, "\\") {
			return "", 0, 0, false
		}
		q := strings.IndexByte(t, '"')
		if q < 0 {
			b = append(append(b, ' '), t...)
			continue
		}
		if q != len(t)-1 {
			return "", 0, 0, false // more after the closing quote
		}
		// The spaces before the closing quote are the value's.
		return string(append(append(b, ' '), t[:q]...)), yaml.DoubleQuotedStyle, next + 1, true
	}
	return "", 0, 0, false
}

// continuedLine is the text of an indented line that goes on a value,
// without its indentation and line ending: not empty, without a tab or a
// control character, and without a space at its end (YAML drops those).
func continuedLine(l string) (string, bool) {
	t, ended := strings.CutSuffix(strings.TrimLeft(l, " "), "\n")
	if !ended || t == "" || strings.HasSuffix(t, " ") || !simpleText(t) {
		return "", false
	}
	return t, true
}

// plainColons reports a plain value whose colons are the string's: each
// followed by a character other than a space (": " ends a value, and a
// last colon is a key's), in a value that starts with a letter (one that
// starts with a digit and has a colon may be a time: 2001-12-14t21:59:43).
func plainColons(tok string) bool {
	for i := strings.IndexByte(tok, ':'); i >= 0; {
		if !isASCIILetter(tok[0]) || i+1 == len(tok) || tok[i+1] == ' ' {
			return false
		}
		j := strings.IndexByte(tok[i+1:], ':')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return true
}

// numberLike reports a plain value that starts with a digit and could be
// a number or a date. It is not when it has a letter and either a letter
// no number has (beyond hexadecimal digits, o and x) or a hyphen inside
// that is not a sign: 2023-Jan-designer and a UUID are strings. A sign
// follows an exponent's e, and also the 0o and 0b of an octal or binary
// number, underscores aside (the library reads 0o-17 and 0_b-1_0 as
// numbers). A date without a time has no letter; with a time it needs a
// colon, which simpleScalar refuses anyway.
func numberLike(tok string) bool {
	letter, other, hyphen := false, false, false
	var prev byte // the last character other than _
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch l := c | 0x20; {
		case 'a' <= l && l <= 'z':
			letter = true
			other = other || l > 'f' && l != 'o' && l != 'x'
		case c == '-' && i > 0 && prev|0x20 != 'e' && prev|0x20 != 'o' && prev|0x20 != 'b':
			hyphen = true
		}
		if c != '_' {
			prev = c
		}
	}
	return !letter || !other && !hyphen
}

// simpleText is UTF-8 text of printable characters and spaces, which YAML
// reads as written: no tab, no control character, no line separator, no
// byte order mark.
func simpleText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f {
			return false
		} else if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r < utf8.RuneSelf && (r < ' ' || r == 0x7f) || r >= utf8.RuneSelf && (!unicode.IsPrint(r) || r == utf8.RuneError) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// simpleBlock reads the lines of a block scalar from lines[from:]: each
// empty, or the block's indentation then text that does not start with a
// space. It returns the value and the index of the line after the block
// (the next key's).
func simpleBlock(lines []string, from int, header string) (string, int, bool) {
	if from >= len(lines) || lines[from] == "\n" {
		return "", 0, false
	}
	first := lines[from]
	text := strings.TrimLeft(first, " ")
	indent := first[:len(first)-len(text)]
	if indent == "" || text == "\n" {
		return "", 0, false
	}
	var parts []string // the lines' text, "" for an empty line
	end := from
	for ; end < len(lines); end++ {
		l := lines[end]
		switch {
		case l == "\n":
			parts = append(parts, "")
			continue
		case !strings.HasPrefix(l, " "):
			// The next key (or whatever the caller will refuse).
		case !strings.HasPrefix(l, indent) || strings.HasPrefix(l[len(indent):], " "):
			return "", 0, false
		default:
			text := strings.TrimSuffix(l[len(indent):], "\n")
			if len(text) == len(l)-len(indent) || !simpleText(text) {
				return "", 0, false // no line ending: the last line of a front matter never closed
			}
			parts = append(parts, text)
			continue
		}
		break
	}
	return blockValue(parts, header), end, true
}

// blockValue joins a block's lines: a literal block keeps its line breaks;
// a folded one turns a break between two lines of text into a space and
// keeps one for each empty line. Then the chomping: - keeps no final line
// break, none keeps one.
func blockValue(parts []string, header string) string {
	last := len(parts)
	for last > 0 && parts[last-1] == "" {
		last--
	}
	var b strings.Builder
	for i, p := range parts[:last] {
		switch {
		case i == 0:
		case header[0] == '|' || p == "":
			b.WriteByte('\n') // a folded block keeps a break per empty line
		case parts[i-1] != "":
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	if !strings.HasSuffix(header, "-") {
		b.WriteByte('\n')
	}
	return b.String()
}
