package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

func indexTOML(lines []string) ([]field, map[string]any, error) {
	text := strings.Join(lines, "")
	values := map[string]any{}
	if _, err := toml.Decode(text, &values); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if q, ok := strings.CutPrefix(pe.Message, "unexpected EOF; expected "); ok && (strings.Contains(q, `"""`) || strings.Contains(q, `'''`)) {
				// The library names the end of the front matter; the
				// user needs the line where the string opens.
				if i := unclosedTOMLString(lines); i >= 0 {
					return nil, nil, &ParseError{Line: i + 1, Reason: ReasonUnclosedQuote}
				}
			}
			return nil, nil, &ParseError{Line: pe.Position.Line, Reason: pe.Message}
		}
		return nil, nil, &ParseError{Line: 1, Reason: err.Error()}
	}
	var fields []field
	multi := "" // the delimiter of a multi-line string being skipped
	top := len(lines)
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r\n")
		if multi != "" {
			if strings.Count(line, multi)%2 == 1 {
				multi = ""
			}
			continue
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			top = i // tables: the rest is not top level
			break
		}
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name, tokStart, ok := tomlKeyLine(line)
		if !ok {
			continue
		}
		f := field{name: name, start: i, end: i + 1, tokStart: -1, style: styleOther}
		rest := line[tokStart:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(rest, q) && strings.Count(rest, q)%2 == 1 {
				multi = q
			}
		}
		if multi == "" {
			if end := tomlTokenEnd(line, tokStart); end > 0 {
				f.tokStart, f.tokEnd = tokStart, end
				switch line[tokStart] {
				case '"':
					f.style = styleDouble
				case '\'':
					f.style = styleSingle
				case '[', '{':
					f.style = styleOther
					f.tokStart = -1
				default:
					f.style = stylePlain
				}
			}
		}
		fields = append(fields, f)
	}
	for i := range fields {
		end := top
		if i+1 < len(fields) {
			end = fields[i+1].start
		}
		fields[i].end = lastContent(lines, fields[i].start+1, end)
		if fields[i].end-fields[i].start != 1 {
			fields[i].tokStart = -1
			fields[i].style = styleOther
		}
	}
	return fields, values, nil
}

// tomlKeyLine reads "key = value" and returns the key and where the value
// starts. Dotted keys are not top-level fields of their own.
func tomlKeyLine(line string) (string, int, bool) {
	eq := -1
	var name string
	t := strings.TrimLeft(line, " \t")
	off := len(line) - len(t)
	switch {
	case strings.HasPrefix(t, `"`):
		end := strings.Index(t[1:], `"`)
		if end < 0 {
			return "", 0, false
		}
		n, err := strconv.Unquote(t[:end+2])
		if err != nil {
			return "", 0, false
		}
		name = n
		eq = strings.Index(t[end+2:], "=")
		if eq < 0 || strings.TrimSpace(t[end+2:end+2+eq]) != "" {
			return "", 0, false
		}
		eq += end + 2
	case strings.HasPrefix(t, `'`):
		end := strings.Index(t[1:], `'`)
		if end < 0 {
			return "", 0, false
		}
		name = t[1 : end+1]
		eq = strings.Index(t[end+2:], "=")
		if eq < 0 || strings.TrimSpace(t[end+2:end+2+eq]) != "" {
			return "", 0, false
		}
		eq += end + 2
	default:
		eq = strings.Index(t, "=")
		if eq <= 0 {
			return "", 0, false
		}
		name = strings.TrimSpace(t[:eq])
		if strings.ContainsAny(name, ". \t") {
			return "", 0, false
		}
	}
	v := eq + 1
	for v < len(t) && (t[v] == ' ' || t[v] == '\t') {
		v++
	}
	return name, off + v, true
}

// tomlTokenEnd finds the end of a one-line TOML value starting at start.
func tomlTokenEnd(line string, start int) int {
	if start >= len(line) {
		return -1
	}
	switch line[start] {
	case '"':
		for i := start + 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return -1
	case '\'':
		if i := strings.IndexByte(line[start+1:], '\''); i >= 0 {
			return start + 1 + i + 1
		}
		return -1
	}
	end := len(line)
	if i := strings.IndexByte(line[start:], '#'); i >= 0 {
		end = start + i
	}
	return len(strings.TrimRight(line[:end], " \t"))
}

func tomlCandidates(lines []string, f field, exists bool, value any, eol string) [][]string {
	var out [][]string
	whole := func(tok string) []string { return []string{tomlKey(f.name) + " = " + tok + eol} }
	inLine := func(tok string) []string {
		l := lines[f.start]
		return []string{l[:f.tokStart] + tok + l[f.tokEnd:]}
	}
	var toks []string
	switch v := value.(type) {
	case bool:
		toks = []string{strconv.FormatBool(v)}
	case string:
		if f.style == styleSingle && !strings.ContainsAny(v, "'\n\r") && printable(v) {
			toks = append(toks, "'"+v+"'")
		}
		toks = append(toks, tomlBasic(v))
	default:
		panic(fmt.Sprintf("tomlCandidates: %T", value))
	}
	if exists && f.tokStart >= 0 {
		for _, t := range toks {
			out = append(out, inLine(t))
		}
	}
	for _, t := range toks {
		out = append(out, whole(t))
	}
	return out
}

func tomlKey(name string) string {
	for _, r := range name {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return tomlBasic(name)
		}
	}
	if name == "" {
		return `""`
	}
	return name
}

// tomlBasic writes a TOML basic string: control characters escaped.
func tomlBasic(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// unclosedTOMLString is the index of the line where a multi-line string
// (three double or three single quotes) opens that is never closed, -1
// when none is found.
func unclosedTOMLString(lines []string) int {
	open, delim := -1, ""
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r\n")
		for line != "" {
			if delim != "" {
				end := strings.Index(line, delim)
				if end < 0 {
					break
				}
				line, delim, open = line[end+3:], "", -1
				continue
			}
			start, q := -1, ""
			for _, d := range []string{`"""`, `'''`} {
				if j := strings.Index(line, d); j >= 0 && (start < 0 || j < start) {
					start, q = j, d
				}
			}
			if start < 0 || strings.Contains(line[:start], "#") {
				break
			}
			line, delim, open = line[start+3:], q, i
		}
	}
	return open
}
