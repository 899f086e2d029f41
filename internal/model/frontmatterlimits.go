package model

import "strings"

// The bounds a front matter must keep to be parsed at all (size, lines,
// nesting), measured without parsing it.

// Limit names a bound on front matter that no posting comes near: past it a
// parser could crash (the TOML one recurses without bound) or slow to a
// crawl (the TOML one costs size times depth, the YAML one the square of
// the keys of a mapping), so the file is refused before it is parsed.
type Limit string

const (
	LimitSize  Limit = "size"
	LimitLines Limit = "lines"
	LimitDepth Limit = "depth"
)

// A real posting's front matter holds about ten lines, 1.2 KB at most
// in the corpus, two levels deep. The costliest front matter within these
// bounds parses and takes an edit in a fraction of a second
// (BenchmarkFrontMatterAtTheLimits).
const (
	MaxFrontMatterBytes = 64 << 10
	MaxFrontMatterLines = 2000
	// MaxFrontMatterDepth counts the brackets and braces open at once, the
	// parts of a dotted TOML key and the levels of YAML indentation.
	MaxFrontMatterDepth = 16
)

// withinLimits reports whether Parse would read d's front matter lines at
// all (its size, line and nesting bounds): an edit checks its result with
// index, which does not look at them, and a value such as a title of
// sixteen braces made a file that Parse then refused as nested too deep.
func (d *Document) withinLimits() bool {
	size := 0
	for _, l := range d.lines {
		size += len(l)
	}
	if size > MaxFrontMatterBytes || len(d.lines) > MaxFrontMatterLines {
		return false
	}
	_, depth := nestingDepth(d.format, d.lines)
	return depth <= MaxFrontMatterDepth
}

// nestingDepth bounds from above how deep the front matter nests, without
// parsing it. It stops at the first line past MaxFrontMatterDepth and
// returns that line's index, else -1 and the greatest depth.
func nestingDepth(format Format, lines []string) (int, int) {
	if format == FormatTOML {
		return tomlDepth(lines)
	}
	return yamlDepth(lines)
}

// yamlDepth counts the brackets and braces open at once (wherever they
// stand, in a string too: YAML's quoting depends on context), the levels of
// indentation and the "- " or "? " that open a block on a line.
func yamlDepth(lines []string) (int, int) {
	deepest := 0
	open := 0         // brackets and braces
	var indents []int // the indentation of each open block
	for i, l := range lines {
		blocks := 0 // "- " and "? " at the start of the line
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") && open == 0 {
			n := len(l) - len(strings.TrimLeft(l, " "))
			for len(indents) > 0 && indents[len(indents)-1] > n {
				indents = indents[:len(indents)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] < n {
				indents = append(indents, n)
			}
			for len(t) >= 2 && (t[0] == '-' || t[0] == '?') && (t[1] == ' ' || t[1] == '\t') {
				blocks++
				t = strings.TrimLeft(t[2:], " \t")
			}
		}
		top := open + blocks + len(indents)
		for j := 0; j < len(l); j++ {
			switch yamlBracket[l[j]] {
			case 0:
			case '[':
				open++
				top = max(top, open+blocks+len(indents))
			default:
				if open > 0 {
					open--
				}
			}
		}
		if top > MaxFrontMatterDepth {
			return i, top
		}
		deepest = max(deepest, top)
	}
	return -1, deepest
}

// yamlBracket is '[' for an opening bracket or brace, ']' for a closing
// one, 0 for any other byte: one look-up a byte, not four comparisons.
var yamlBracket = [256]uint8{'[': '[', '{': '[', ']': ']', '}': ']'}

// tomlDepth counts, outside strings and comments (read by TOML's rules, as
// the parser reads them), the brackets and braces open at once plus the dots
// of the line (each part of a dotted key or table name nests a table): a
// sentence in a string is not nesting.
func tomlDepth(lines []string) (int, int) {
	const (
		code = iota
		basic
		literal
		multiBasic
		multiLiteral
	)
	deepest, open, state := 0, 0, code
	for i, l := range lines {
		dots := 0
		top := open
		for j := 0; j < len(l); j++ {
			c := l[j]
			switch state {
			case code:
				switch {
				case c == '#':
					j = len(l)
				case strings.HasPrefix(l[j:], `"""`):
					state, j = multiBasic, j+2
				case strings.HasPrefix(l[j:], "'''"):
					state, j = multiLiteral, j+2
				case c == '"':
					state = basic
				case c == '\'':
					state = literal
				case c == '[' || c == '{':
					open++
				case c == ']' || c == '}':
					if open > 0 {
						open--
					}
				case c == '.':
					dots++
				}
				top = max(top, open+dots)
			case basic, multiBasic:
				switch {
				case c == '\\':
					j++
				case state == basic && c == '"':
					state = code
				case state == multiBasic && strings.HasPrefix(l[j:], `"""`):
					// Up to two more quotes belong to the string.
					for j+3 < len(l) && l[j+3] == '"' {
						j++
					}
					state, j = code, j+2
				}
			case literal:
				if c == '\'' {
					state = code
				}
			case multiLiteral:
				if strings.HasPrefix(l[j:], "'''") {
					for j+3 < len(l) && l[j+3] == '\'' {
						j++
					}
					state, j = code, j+2
				}
			}
		}
		if state == basic || state == literal {
			state = code // a one-line string never spans lines
		}
		if top > MaxFrontMatterDepth {
			return i, top
		}
		deepest = max(deepest, top)
	}
	return -1, deepest
}
