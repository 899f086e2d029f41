package model

import (
	"bytes"
	"strconv"
	"sync"
)

// bodyMeasures are the common words and the structure of a posting's
// body, measured once (any goroutine may ask first).
type bodyMeasures struct {
	once             sync.Once
	enWords, frWords int
	structure        Structure
}

// measures is what the checks need of a readable posting's body.
func (p *Posting) measures() *bodyMeasures {
	m := p.body
	if m == nil {
		m = &bodyMeasures{} // a posting not made by reading a file
	}
	m.once.Do(func() {
		m.enWords, m.frWords = LanguageScores(p.Doc.Body())
		m.structure = BodyStructure(p.Doc.Body())
	})
	return m
}

// measureAll measures the readable postings' bodies on every core.
func measureAll(ps []*Posting) {
	parallel(len(ps), func(i int) {
		if ps[i].Doc != nil {
			ps[i].measures()
		}
	})
}

// Structure of a Markdown body: what a translation keeps.
type Structure struct {
	Headings  int
	ListItems int
}

// BodyStructure counts the headings and list items of a Markdown body,
// outside code blocks, Markdown and HTML alike.
func BodyStructure(body []byte) Structure {
	var s Structure
	inFence := false
	for len(body) > 0 {
		var line []byte
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			line, body = body, nil
		}
		lead := len(line) - len(bytes.TrimLeft(line, " "))
		rest := line[lead:]
		if lead <= 3 && (bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~"))) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		switch {
		case lead <= 3 && isATXHeading(rest):
			s.Headings++
		case isListItem(trimBlanks(rest)) && !isThematicBreak(line):
			s.ListItems++
		}
		if bytes.IndexByte(line, '<') >= 0 {
			h, li := countHTMLTags(line)
			s.Headings += h
			s.ListItems += li
		}
	}
	return s
}

// trimBlanks is b without its leading spaces and tabs (bytes.TrimLeft
// with two bytes to trim builds a set of them at each call).
func trimBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

func isATXHeading(b []byte) bool {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(b) || b[n] == ' ' || b[n] == '\t' || b[n] == '\r')
}

func isListItem(b []byte) bool {
	n := 0
	if len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+') {
		n = 1
	} else {
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return false
		}
		n++
	}
	if n >= len(b) || (b[n] != ' ' && b[n] != '\t') {
		return false
	}
	return len(bytes.TrimSpace(b[n:])) > 0
}

// countHTMLTags counts <h1>..<h6> and <li> opening tags in a line.
func countHTMLTags(line []byte) (h, li int) {
	for i := 0; i+3 < len(line); i++ {
		if line[i] != '<' {
			continue
		}
		c1, c2, c3 := line[i+1]|0x20, line[i+2], line[i+3]
		switch {
		case c1 == 'h' && c2 >= '1' && c2 <= '6' && (c3 == '>' || c3 == ' ' || c3 == '\t'):
			h++
		case c1 == 'l' && c2|0x20 == 'i' && (c3 == '>' || c3 == ' ' || c3 == '\t'):
			li++
		}
	}
	return h, li
}

// isThematicBreak: three or more - or * alone, spaces between them
// allowed, white space around them.
func isThematicBreak(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] != '-' && t[0] != '*' {
		return false
	}
	n := 0
	for _, c := range t {
		switch c {
		case t[0]:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// structureTolerance is how far apart two translations' counts may be: a
// translation often splits or merges an item or two, and a few more in
// long lists.
func structureTolerance(a, b int) int {
	return max(2, max(a, b)/4)
}

// structureDiff is the arguments of a structure-mismatch problem: the
// counts that differ beyond the tolerance, or nil.
func structureDiff(sa, sb Structure) map[string]string {
	var m map[string]string
	if d := abs(sa.Headings - sb.Headings); d > structureTolerance(sa.Headings, sb.Headings) {
		m = args("headingsA", strconv.Itoa(sa.Headings), "headingsB", strconv.Itoa(sb.Headings))
	}
	if d := abs(sa.ListItems - sb.ListItems); d > structureTolerance(sa.ListItems, sb.ListItems) {
		if m == nil {
			m = map[string]string{}
		}
		m["itemsA"], m["itemsB"] = strconv.Itoa(sa.ListItems), strconv.Itoa(sb.ListItems)
	}
	return m
}
