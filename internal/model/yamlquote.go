package model

import "strings"

// Reasons jobtui gives instead of the YAML library's message where the
// lines tell more than the library said (i18n words them for people).
const (
	// ReasonUnclosedQuote is for "found unexpected end of stream" when the
	// error's line is the one where the quote that is never closed opens.
	// Otherwise the library's message stays: the quote opens above the line.
	ReasonUnclosedQuote = "a quote opened on this line is never closed"
	// ReasonTabIndent is for "found character that cannot start any token"
	// when that character is a tab indenting the line.
	ReasonTabIndent = "a line is indented with a tab"
)

// plainerYAMLError gives pe (the library's error for lines) the line and
// reason the lines tell better.
//
// An unclosed quote: the library names the line where the quoted value
// starts (its scanner's context mark), save when it starts on the first
// line, where it names the end of the front matter (its line 0 counts as
// none); unclosedQuote finds that one.
//
// A tab: the library stops at a tab that indents a line as at a character
// no value may start with (@ or `), except below a plain value, where it
// says "found a tab character that violates indentation".
func plainerYAMLError(lines []string, pe *ParseError) {
	switch pe.Reason {
	case "found unexpected end of stream":
		i := pe.Line - 1
		if i < 0 || i >= len(lines) || !strings.ContainsAny(lines[i], `'"`) {
			i = unclosedQuote(lines)
		}
		if i >= 0 {
			pe.Line, pe.Reason = i+1, ReasonUnclosedQuote
		}
	case "found character that cannot start any token":
		if i := pe.Line - 1; i >= 0 && i < len(lines) && tabIndented(lines[i]) {
			pe.Reason = ReasonTabIndent
		}
	}
}

// tabIndented tells whether a tab is in the indentation of line l, and
// what follows it is no character the library refuses by itself.
func tabIndented(l string) bool {
	v := strings.TrimLeft(l, " \t")
	if !strings.Contains(l[:len(l)-len(v)], "\t") {
		return false
	}
	return v == "" || !strings.ContainsAny(v[:1], "@`%")
}

// unclosedQuote is the index of the line where a quoted value opens that
// no later line closes, -1 when there is none: a value starts with ' or "
// after "key: " or "- " (a quoted value may go on over several lines; an
// apostrophe doubled inside single quotes and \" inside double ones do not
// close it). Comment
// lines, and the text of a block scalar (the lines after "key: |" or
// "key: >", with an indicator or not, more indented than the key), hold no
// value.
func unclosedQuote(lines []string) int {
	open, at := byte(0), -1
	block := -1 // the indentation of the key of the block scalar the lines are in, or -1
	for i, l := range lines {
		rest := l
		if open == 0 {
			body := strings.TrimRight(l, "\r\n")
			v := strings.TrimLeft(body, " ")
			if block >= 0 && (v == "" || len(body)-len(v) > block) {
				continue // the block scalar's text
			}
			block = -1
			if v == "" || v[0] == '#' {
				continue
			}
			parent := len(body) - len(v) // the column of the key, else of the last "- "
			for strings.HasPrefix(v, "- ") || v == "-" {
				parent = len(body) - len(v)
				v = strings.TrimLeft(v[1:], " ")
			}
			if k := strings.Index(v, ": "); k >= 0 && v[0] != '\'' && v[0] != '"' {
				parent = len(body) - len(v)
				v = strings.TrimLeft(v[k+2:], " ")
			}
			if blockIndicator(v) {
				block = parent
				continue
			}
			if v == "" || (v[0] != '\'' && v[0] != '"') {
				continue
			}
			open, at, rest = v[0], i, v[1:]
		}
		if closesQuote(rest, open) {
			open = 0
		}
	}
	if open == 0 {
		return -1
	}
	return at
}

// blockIndicator tells whether v, a value after its key, opens a block
// scalar: | or > with its indentation and chomping indicators (|-, >+,
// |2...), and maybe a comment.
func blockIndicator(v string) bool {
	if v == "" || (v[0] != '|' && v[0] != '>') {
		return false
	}
	ind := strings.TrimLeft(v[1:], "+-0123456789")
	after := strings.TrimLeft(ind, " \t")
	return after == "" || (after[0] == '#' && len(after) < len(ind))
}

// closesQuote tells whether s holds the quote that closes a value opened
// with q.
func closesQuote(s string, q byte) bool {
	for j := 0; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return true
		}
	}
	return false
}
