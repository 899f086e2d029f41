package model

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Format is the syntax of a posting's front matter.
type Format string

const (
	FormatNone Format = ""
	FormatYAML Format = "yaml"
	FormatTOML Format = "toml"
	FormatJSON Format = "json"
	FormatOrg  Format = "org"
)

// ParseError says why a front matter cannot be read, and where.
type ParseError struct {
	// Unsupported is true for front matter jobtui does not read (JSON, Org,
	// none at all), as opposed to YAML or TOML that is broken.
	Unsupported bool
	Format      Format
	Line        int // 1-based line of the file; 0 when unknown
	Reason      string
	// Limit is set for a front matter refused before it is parsed: for its
	// size (LimitSize, Max in bytes), its lines (LimitLines) or its nesting
	// (LimitDepth, Max levels).
	Limit Limit
	Max   int
}

func (e *ParseError) Error() string {
	if e.Unsupported {
		if e.Format == FormatNone {
			return "no front matter"
		}
		return fmt.Sprintf("unsupported front matter (%s)", e.Format)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// Document is a posting file split into its front matter and body, kept as the
// original bytes so that an unchanged document writes back byte for byte and an
// edit rewrites only the lines of the field it touches.
type Document struct {
	format Format
	eol    string // line ending used for new lines: that of the opening delimiter
	head   []byte // BOM and opening delimiter line
	lines  []string
	tail   []byte // closing delimiter line and body
	body   []byte // the body alone (a suffix of tail)

	fields []field        // top-level keys in file order
	values map[string]any // decoded top-level values
}

// field is a top-level key and the lines that hold it: lines[start:end].
type field struct {
	name       string
	start, end int
	// For a value on one line, the byte range of its token inside
	// lines[start] (so that a comment or spacing after it survives).
	tokStart, tokEnd int
	style            scalarStyle
	indent           string // block scalars: indentation of their content
}

type scalarStyle int

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleFolded
	styleLiteral
	styleOther // a sequence, a mapping, a multi-line flow scalar...
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Parse splits data into front matter and body. A file whose front matter is
// unsupported or broken gives a *ParseError.
func Parse(data []byte) (*Document, error) {
	if !utf8.Valid(data) {
		return nil, &ParseError{Format: FormatNone, Line: invalidUTF8Line(data), Reason: "not valid UTF-8"}
	}
	rest := data
	hasBOM := bytes.HasPrefix(rest, bom)
	if hasBOM {
		rest = rest[len(bom):]
	}
	first, firstEOL := cutLine(rest)
	var format Format
	var delim string
	switch strings.TrimRight(first, " \t") {
	case "---":
		format, delim = FormatYAML, "---"
	case "+++":
		format, delim = FormatTOML, "+++"
	default:
		trimmed := strings.TrimLeft(string(rest), " \t\r\n")
		switch {
		case strings.HasPrefix(trimmed, "{"):
			return nil, &ParseError{Unsupported: true, Format: FormatJSON, Line: 1}
		case strings.HasPrefix(trimmed, "#+"):
			return nil, &ParseError{Unsupported: true, Format: FormatOrg, Line: 1}
		}
		return nil, &ParseError{Unsupported: true, Format: FormatNone, Line: 1}
	}
	headLen := len(data) - len(rest) + len(first) + len(firstEOL)
	eol := firstEOL
	if eol == "" {
		eol = "\n"
	}
	d := &Document{format: format, eol: eol, head: data[:headLen]}
	// Collect the front matter lines up to the closing delimiter.
	pos := headLen
	closed := false
	ends := make([]int, 0, 16) // where each line ends, its ending included
	for pos < len(data) {
		if pos-headLen > MaxFrontMatterBytes {
			return nil, &ParseError{Format: format, Line: 1, Limit: LimitSize, Max: MaxFrontMatterBytes,
				Reason: fmt.Sprintf("the front matter is larger than %d bytes", MaxFrontMatterBytes)}
		}
		if len(ends) > MaxFrontMatterLines {
			return nil, &ParseError{Format: format, Line: 1, Limit: LimitLines, Max: MaxFrontMatterLines,
				Reason: fmt.Sprintf("the front matter is longer than %d lines", MaxFrontMatterLines)}
		}
		line, le := lineAt(data, pos)
		if string(bytes.TrimRight(line, " \t")) == delim {
			closed = true
			d.tail = data[pos:]
			d.body = data[pos+len(line)+le:]
			break
		}
		pos += len(line) + le
		ends = append(ends, pos)
	}
	if !closed {
		return nil, &ParseError{Format: format, Line: 1, Reason: fmt.Sprintf("the front matter opened with %s is never closed", delim)}
	}
	// The lines are pieces of one string: one allocation, not two a line.
	text := string(data[headLen:pos])
	d.lines = make([]string, len(ends))
	start := 0
	for i, end := range ends {
		d.lines[i] = text[start : end-headLen]
		start = end - headLen
	}
	if i, depth := nestingDepth(format, d.lines); depth > MaxFrontMatterDepth {
		return nil, &ParseError{Format: format, Line: i + 2, Limit: LimitDepth, Max: MaxFrontMatterDepth,
			Reason: fmt.Sprintf("the front matter is nested more than %d levels deep", MaxFrontMatterDepth)}
	}
	if err := d.index(); err != nil {
		return nil, err
	}
	return d, nil
}

// lineAt is the line of data that starts at pos, without its ending, and
// the length of the ending (2 for "\r\n", 1 for "\n", 0 at the end of the
// data), as cutLine cuts it.
func lineAt(data []byte, pos int) ([]byte, int) {
	b := data[pos:]
	i := bytes.IndexByte(b, '\n')
	switch {
	case i < 0:
		return b, 0
	case i > 0 && b[i-1] == '\r':
		return b[:i-1], 2
	}
	return b[:i], 1
}

// cutLine returns the first line of b without its ending, and the ending
// ("\n", "\r\n" or "" at the end of the data).
func cutLine(b []byte) (string, string) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return string(b), ""
	}
	if i > 0 && b[i-1] == '\r' {
		return string(b[:i-1]), "\r\n"
	}
	return string(b[:i]), "\n"
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// index parses the front matter and finds each top-level field's lines.
func (d *Document) index() error {
	var err error
	switch d.format {
	case FormatYAML:
		d.fields, d.values, err = indexYAML(d.lines)
	case FormatTOML:
		d.fields, d.values, err = indexTOML(d.lines)
	}
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Format = d.format
			pe.Line += 1 // the opening delimiter line
			return pe
		}
		return &ParseError{Format: d.format, Line: 1, Reason: err.Error()}
	}
	return nil
}

// Format is the syntax of the front matter.
func (d *Document) Format() Format { return d.format }

// Bytes is the whole file as it stands after the edits made so far.
func (d *Document) Bytes() []byte {
	n := len(d.head) + len(d.tail)
	for _, l := range d.lines {
		n += len(l)
	}
	out := make([]byte, 0, n)
	out = append(out, d.head...)
	for _, l := range d.lines {
		out = append(out, l...)
	}
	return append(out, d.tail...)
}

// Body is the Markdown after the front matter.
func (d *Document) Body() []byte { return d.body }

// Keys lists the top-level front matter keys in file order.
func (d *Document) Keys() []string {
	out := make([]string, len(d.fields))
	for i, f := range d.fields {
		out[i] = f.name
	}
	return out
}

// name resolves key to the spelling the file uses: Hugo reads front matter
// keys without regard to case (translationKey, translationkey...).
func (d *Document) name(key string) string {
	if _, ok := d.values[key]; ok {
		return key
	}
	for k := range d.values {
		if strings.EqualFold(k, key) {
			return k
		}
	}
	return key
}

// Value is the decoded value of a top-level key.
func (d *Document) Value(key string) (any, bool) {
	v, ok := d.values[d.name(key)]
	return v, ok
}

// String is the value of key as text: a string as is, a number or a bool in
// its usual spelling; "" when absent or null.
func (d *Document) String(key string) string {
	v, ok := d.values[d.name(key)]
	if !ok || v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(x)
	}
	return ""
}

// Bool is the value of key as a boolean; ok is false when it is absent or
// not a boolean.
func (d *Document) Bool(key string) (value, ok bool) {
	v, present := d.values[d.name(key)]
	if !present {
		return false, false
	}
	b, isBool := v.(bool)
	return b, isBool
}

func (d *Document) fieldIndex(key string) int {
	for i, f := range d.fields {
		if f.name == key {
			return i
		}
	}
	return -1
}

// lastContent returns the index after the last line of lines[from:to] that is
// neither blank nor a comment starting in the first column: the blank lines
// and comments that stand between two fields stay where they are when a field
// is rewritten (an indented "#" line may be the content of a block scalar).
func lastContent(lines []string, from, to int) int {
	for to > from {
		l := lines[to-1]
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			break
		}
		to--
	}
	return to
}
