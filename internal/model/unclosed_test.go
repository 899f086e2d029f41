package model

import (
	"errors"
	"testing"
)

// TestUnclosedQuoteNamesItsLine: a quote never closed makes the YAML
// library say "found unexpected end of stream" at the end of the front
// matter; the problem names the line where the quote opens instead (a
// line of the file), and the library's line where no value opens one.
func TestUnclosedQuoteNamesItsLine(t *testing.T) {
	cases := []struct {
		name, front string
		line        int
	}{
		{"single", "layout: job\ntitle: 'Analyste de la sécurité\ndescription: x\n", 3},
		{"double", "title: \"Analyst\ndescription: x\narchived: false\n", 2},
		{"CRLF", "title: ok\r\ndescription: 'Protect\r\narchived: false\r\n", 3},
		{"after a closed one over two lines", "title: 'a\n  b'\ndescription: \"it's\nx: y\n", 4},
		{"doubled apostrophe inside", "title: 'L''équipe\ndescription: x\n", 2},
		{"escaped quote inside", "title: \"say \\\"hi\\\"\ndescription: x\n", 2},
		{"in a list", "tags:\n  - 'one'\n  - 'two\n", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte("---\n" + c.front + "---\nBody\n"))
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Reason != "found unexpected end of stream" {
				t.Fatalf("parse: %v, want the library's end of stream", err)
			}
			if pe.Line != c.line {
				t.Errorf("line %d, want %d", pe.Line, c.line)
			}
		})
	}
}
