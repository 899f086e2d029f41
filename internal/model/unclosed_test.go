package model

import (
	"errors"
	"testing"
)

// TestUnclosedQuoteNamesItsLine: a quote never closed makes the YAML
// library say "found unexpected end of stream", at the line where the
// quote opens, or at the end of the front matter when it opens on the
// first line. The problem names the line where the quote opens (a line of
// the file) and says so (ReasonUnclosedQuote), past comments and the text
// of block scalars; where no value opens one, the library's line and
// message stay (the quote opens above).
func TestUnclosedQuoteNamesItsLine(t *testing.T) {
	const here, above = ReasonUnclosedQuote, "found unexpected end of stream"
	cases := []struct {
		name, front string
		line        int
		reason      string
	}{
		{"single", "layout: job\ntitle: 'Analyste de la sécurité\ndescription: x\n", 3, here},
		{"double", "title: \"Analyst\ndescription: x\narchived: false\n", 2, here},
		{"CRLF", "title: ok\r\ndescription: 'Protect\r\narchived: false\r\n", 3, here},
		{"after a closed one over two lines", "title: 'a\n  b'\ndescription: \"it's\nx: y\n", 4, here},
		{"doubled apostrophe inside", "title: 'L''équipe\ndescription: x\n", 2, here},
		{"escaped quote inside", "title: \"say \\\"hi\\\"\ndescription: x\n", 2, here},
		{"in a list", "tags:\n  - 'one'\n  - 'two\n", 4, here},
		{"below a block scalar", "description: |\n  Profil: \"senior\ntitle: 'Dev\n", 4, here},
		{"below a comment", "# Titre: \"court\ntitle: 'Dev\ndescription: x\n", 3, here},
		{"in a list on the first line", "tags: ['a, b]\ndescription: x\n", 4, above},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte("---\n" + c.front + "---\nBody\n"))
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason != c.reason {
				t.Fatalf("parse: %v, want %q", err, c.reason)
			}
			if pe.Line != c.line {
				t.Errorf("line %d, want %d", pe.Line, c.line)
			}
		})
	}
}

// unclosedQuote, which finds a quote opened on the first line, reads no
// value in comments or in the text of a block scalar.
func TestUnclosedQuoteSkipsCommentsAndBlocks(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  int
	}{
		{"block scalar", []string{"description: |\n", "  Profil: \"senior\n", "title: 'Dev\n"}, 2},
		{"folded, chomped, commented", []string{"a: >- # text\n", "  b: 'c\n", "\n", "  d\n", "e: \"f\n"}, 4},
		{"indentation indicator", []string{"a: |2\n", "  'b\n", "c: x\n"}, -1},
		{"a list item's block", []string{"tags:\n", "  - |\n", "    'one\n", "  - \"two\n"}, 3},
		{"a key's block in a list", []string{"- a: |\n", "    'one\n", "  b: 'two\n"}, 2},
		{"after the block", []string{"a: |\n", "  x\n", "b: 'y\n"}, 2},
		{"comment", []string{"# Titre: \"court\n", "title: x\n"}, -1},
		{"indented comment", []string{"a:\n", "  # it's\n", "  b: c\n"}, -1},
		{"a comment inside quotes is text", []string{"a: 'x\n", "# y\n"}, 0},
	}
	for _, c := range cases {
		if got := unclosedQuote(c.lines); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// TestTabIndentIsNamed: a tab that indents a line is, for the YAML library,
// a character that cannot start any token (unless it follows a plain
// value); the problem says it is a tab, and leaves the library's message
// where the line starts with a character the library refuses by itself.
func TestTabIndentIsNamed(t *testing.T) {
	cases := []struct {
		front  string
		line   int
		reason string
	}{
		{"\ttitle: x\n", 2, ReasonTabIndent},
		{"title: 'x'\n  \tdescription: y\n", 3, ReasonTabIndent},
		{"title: x\n\tdescription: y\n", 3, "found a tab character that violates indentation"},
		{"title: @x\n", 2, "found character that cannot start any token"},
		{"tags: [\n\t@a]\n", 3, "found character that cannot start any token"},
	}
	for _, c := range cases {
		_, err := Parse([]byte("---\n" + c.front + "---\nBody\n"))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Reason != c.reason || pe.Line != c.line {
			t.Errorf("%q: %v, want line %d: %s", c.front, err, c.line, c.reason)
		}
	}
}

// TestUnclosedTOMLStringNamesItsLine: a TOML multi-line string never
// closed makes the TOML library name the end of the front matter; the
// problem names the line where the string opens (a line of the file), as
// for YAML's quotes, past strings closed before it and comments.
func TestUnclosedTOMLStringNamesItsLine(t *testing.T) {
	cases := []struct {
		name, front string
		line        int
	}{
		{"double", "title = \"DevOps\"\ndescription = \"\"\"\nA long text\nlayout = \"x\"\n", 3},
		{"single", "title = 'DevOps'\ndescription = '''\nA long text\n", 3},
		{"after a closed one", "description = \"\"\"\nok\n\"\"\"\nsummary = '''\nnot closed\nlayout = \"x\"\n", 5},
		{"closed and opened on one line", "a = \"\"\"x\"\"\"\nb = \"\"\"\ny\n", 3},
		{"below a comment naming one", "# a \"\"\" in a comment\ntitle = \"x\"\nbody = \"\"\"\nz\n", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte("+++\n" + c.front + "+++\nBody\n"))
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason != ReasonUnclosedQuote {
				t.Fatalf("parse: %v, want %q", err, ReasonUnclosedQuote)
			}
			if pe.Line != c.line {
				t.Errorf("line %d, want %d", pe.Line, c.line)
			}
		})
	}
}
