package model

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// yamlLineRe is compiled when first used, not when the program starts.
var yamlLineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })

// yamlError turns a yaml error into a ParseError. Its Line is the front
// matter's line, as for the other errors (Document.index adds the opening
// delimiter), but the yaml library also names lines inside its message
// ("already defined at line 1"): those are turned into file lines here, so
// that every number a person reads is a line of the file. Several errors
// are joined with "; ", each after the first with its own line.
func yamlError(err error) *ParseError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:")
	line := 0
	var parts []string
	for _, part := range strings.Split(msg, "\n") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if m := yamlLineRe().FindStringSubmatchIndex(part); m != nil && m[0] == 0 && strings.HasPrefix(part[m[1]:], ":") && line == 0 {
			line, _ = strconv.Atoi(part[m[2]:m[3]])
			part = strings.TrimSpace(part[m[1]+1:])
		}
		parts = append(parts, yamlLineRe().ReplaceAllStringFunc(part, func(s string) string {
			n, err := strconv.Atoi(strings.TrimPrefix(s, "line "))
			if err != nil {
				return s
			}
			return "line " + strconv.Itoa(n+1)
		}))
	}
	if line == 0 {
		line = 1
	}
	return &ParseError{Line: line, Reason: strings.Join(parts, "; ")}
}

func indexYAML(lines []string) ([]field, map[string]any, error) {
	if pairs, values, ok := simpleYAML(lines); ok {
		return yamlFields(lines, pairs), values, nil
	}
	return indexYAMLLibrary(lines)
}

// indexYAMLLibrary is indexYAML through the yaml library, whatever the
// front matter holds.
func indexYAMLLibrary(lines []string) ([]field, map[string]any, error) {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	text := make([]byte, 0, n)
	for _, l := range lines {
		text = append(text, l...)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		pe := yamlError(err)
		plainerYAMLError(lines, pe)
		return nil, nil, pe
	}
	values := map[string]any{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, values, nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, &ParseError{Line: root.Line, Reason: "the front matter is not a set of key: value fields"}
	}
	if err := root.Decode(&values); err != nil {
		return nil, nil, yamlError(err)
	}
	if root.Style&yaml.FlowStyle != 0 || hasLoneCR(text) {
		// A flow mapping ({a: 1, b: 2}) reads fine but has no lines per
		// field; nor has text where a lone CR ends lines for YAML but not
		// for the line model (old Mac line endings).
		return nil, values, nil
	}
	pairs := make([]yamlPair, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		pairs = append(pairs, yamlPair{key: k.Value, keyLine: k.Line, line: v.Line, column: v.Column, style: v.Style,
			scalar: v.Kind == yaml.ScalarNode, anchor: v.Anchor != "", empty: v.Tag == "!!null" && v.Value == "" && v.Style == 0})
	}
	return yamlFields(lines, pairs), values, nil
}

// yamlPair is what the lines of a field need of a top-level key and its
// value node.
type yamlPair struct {
	key          string
	keyLine      int // 1-based, as the value's line and column (in characters)
	line, column int
	style        yaml.Style
	scalar       bool
	anchor       bool // the value has an anchor
	empty        bool // "key:" with nothing after it
}

// yamlFields finds the lines of each top-level field.
func yamlFields(lines []string, pairs []yamlPair) []field {
	fields := make([]field, len(pairs))
	for i, p := range pairs {
		fields[i] = field{name: p.key, start: p.keyLine - 1, tokStart: -1, style: styleOther}
	}
	for i := range fields {
		end := len(lines)
		if i+1 < len(fields) {
			end = fields[i+1].start
		}
		f := &fields[i]
		f.end = lastContent(lines, f.start+1, end)
		describeYAMLValue(lines, f, &pairs[i])
	}
	return fields
}

// describeYAMLValue records the style of a field's value and, for a value on
// the key's own line, where its token stands.
func describeYAMLValue(lines []string, f *field, v *yamlPair) {
	if !v.scalar {
		return
	}
	switch {
	case v.style&yaml.FoldedStyle != 0:
		f.style = styleFolded
	case v.style&yaml.LiteralStyle != 0:
		f.style = styleLiteral
	}
	if f.style == styleFolded || f.style == styleLiteral {
		f.indent = "  "
		for _, l := range lines[f.start+1 : f.end] {
			if strings.TrimSpace(l) != "" {
				f.indent = l[:len(l)-len(strings.TrimLeft(l, " "))]
				break
			}
		}
		if f.indent == "" {
			f.indent = "  "
		}
		return
	}
	if f.end-f.start != 1 || v.line != v.keyLine || v.empty {
		// A multi-line flow scalar, or "key:" with nothing after it.
		return
	}
	line := lines[f.start]
	start := runeToByte(line, v.column-1)
	if start < 0 || start >= len(line) {
		return
	}
	end := scalarTokenEnd(line, start)
	if end < 0 {
		return
	}
	if v.anchor || strings.HasPrefix(line[start:], "!") {
		return // an anchor or a tag: rewrite the whole line instead
	}
	f.tokStart, f.tokEnd = start, end
	switch line[start] {
	case '\'':
		f.style = styleSingle
	case '"':
		f.style = styleDouble
	default:
		f.style = stylePlain
	}
}

// hasLoneCR reports a CR not followed by LF.
func hasLoneCR(s []byte) bool {
	for i := bytes.IndexByte(s, '\r'); i >= 0; {
		if i+1 >= len(s) || s[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(s[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func runeToByte(s string, n int) int {
	if n < 0 {
		return -1
	}
	i := 0
	for pos := range s {
		if i == n {
			return pos
		}
		i++
	}
	if i == n {
		return len(s)
	}
	return -1
}

// scalarTokenEnd finds the end of the one-line scalar token starting at
// start: the closing quote, or the last non-blank character before a comment
// or the line's end.
func scalarTokenEnd(line string, start int) int {
	body := strings.TrimRight(line, "\r\n")
	if start < 0 || start >= len(body) {
		return -1
	}
	switch body[start] {
	case '\'':
		for i := start + 1; i < len(body); i++ {
			if body[i] == '\'' {
				if i+1 < len(body) && body[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return -1
	case '"':
		for i := start + 1; i < len(body); i++ {
			switch body[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return -1
	}
	end := len(body)
	for i := start; i < len(body); i++ {
		if body[i] == '#' && i > start && (body[i-1] == ' ' || body[i-1] == '\t') {
			end = i
			break
		}
	}
	return len(strings.TrimRight(body[:end], " \t"))
}

// yamlCandidates lists replacement lines for field f holding value, most
// faithful to the original style first. exists is false for a new field.
func yamlCandidates(lines []string, f field, exists bool, value any, eol string) [][]string {
	var out [][]string
	whole := func(tok string) []string { return []string{yamlKey(f.name) + ": " + tok + eol} }
	inLine := func(tok string) []string {
		l := lines[f.start]
		return []string{l[:f.tokStart] + tok + l[f.tokEnd:]}
	}
	if b, ok := value.(bool); ok {
		tok := strconv.FormatBool(b)
		if exists && f.tokStart >= 0 {
			out = append(out, inLine(tok))
		}
		return append(out, whole(tok))
	}
	s := value.(string)
	toks := yamlTokens(s, f.style)
	if exists && f.tokStart >= 0 {
		for _, t := range toks {
			out = append(out, inLine(t))
		}
	}
	if exists && (f.style == styleFolded || f.style == styleLiteral) {
		header := strings.TrimRight(lines[f.start], "\r\n")
		indicator := ">-"
		if f.style == styleLiteral {
			indicator = "|-"
		}
		if i := strings.Index(header, ": "); i >= 0 {
			ind := strings.TrimSpace(header[i+2:])
			if j := strings.Index(ind, " #"); j >= 0 {
				ind = strings.TrimSpace(ind[:j])
			}
			if len(ind) <= 3 && (strings.HasPrefix(ind, ">") || strings.HasPrefix(ind, "|")) {
				indicator = ind
			}
		}
		if blk := yamlBlock(f.name, indicator, f.indent, s, f.style, eol); blk != nil {
			out = append(out, blk)
		}
		if f.style == styleFolded {
			if blk := yamlBlock(f.name, literalIndicator(s), f.indent, s, styleLiteral, eol); blk != nil {
				out = append(out, blk)
			}
		}
	}
	for _, t := range toks {
		out = append(out, whole(t))
	}
	return out
}

func yamlKey(name string) string {
	if name == "" || strings.ContainsAny(name, ":#{}[],&*!|>'\"%@` \t") {
		return strconv.Quote(name)
	}
	return name
}

// yamlTokens are one-line encodings of s: the original style first, then
// single quotes, then double quotes (which carry anything).
func yamlTokens(s string, style scalarStyle) []string {
	var toks []string
	plainOK := s != "" && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "\n\r\t") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) && printable(s)
	singleOK := !strings.ContainsAny(s, "\n\r") && printable(s)
	single := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	double := yamlDouble(s)
	switch style {
	case stylePlain, styleOther:
		if plainOK {
			toks = append(toks, s)
		}
	case styleDouble:
		toks = append(toks, double)
	}
	if singleOK {
		toks = append(toks, single)
	}
	return append(toks, double)
}

func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// yamlDouble writes a double-quoted YAML scalar. Go's escapes for valid UTF-8
// (\n, \t, \", \\, \uXXXX, \UXXXXXXXX, \a, \b, \f, \r, \v) are all YAML
// escapes too.
func yamlDouble(s string) string { return strconv.Quote(s) }

// yamlBlock writes a block scalar (folded or literal) with the given header
// indicator, or nil when the value cannot be one (leading spaces would need
// an indentation indicator).
func yamlBlock(name, indicator, indent, s string, style scalarStyle, eol string) []string {
	if s == "" || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") || strings.ContainsRune(s, '\r') || !printable(strings.ReplaceAll(s, "\n", "")) {
		return nil
	}
	out := []string{yamlKey(name) + ": " + indicator + eol}
	content := strings.TrimRight(s, "\n")
	parts := strings.Split(content, "\n")
	for i, p := range parts {
		if p == "" {
			out = append(out, eol)
		} else {
			out = append(out, indent+p+eol)
		}
		if style == styleFolded && i+1 < len(parts) && p != "" && parts[i+1] != "" {
			// In a folded block a single line break reads as a space:
			// an empty line stands for the newline.
			out = append(out, eol)
		}
	}
	return out
}

func literalIndicator(s string) string {
	switch {
	case strings.HasSuffix(s, "\n\n"):
		return "|+"
	case strings.HasSuffix(s, "\n"):
		return "|"
	}
	return "|-"
}
