package model

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// simpleYAMLCases are front matters at the edges of what simpleYAML reads
// (and just past them, where the library reads them).
var simpleYAMLCases = []string{
	"title: Developer\n",
	"title: 'Developer - Lead '\narchived: true\n",
	"title: \"Développeur « principal »\"\narchived: false\n",
	"title: 'it''s'\nx: 'a''''b'\n",
	"title:   spaced   out\n",
	"title: a  b\n\n\ndescription: >-\n  one\n  two\n\n  three\n\n\n  four \n\n\n\narchived: False\n",
	"description: >\n  one\n  two\n",
	"description: |\n  one\n  two\n\n  three\n\n",
	"description: |-\n    deep\n    text\n",
	"description: >+\n  kept\n\n",
	"description: >-\n  one\n    more indented\n  two\n",
	"description: >-\n  one\n two\n",
	"description: >-\n\n  after an empty line\n",
	"description: >-\n  \n  blank with spaces\n",
	"description: >2-\n  indicator\n",
	"description: >- # comment\n  text\n",
	"description: >-\n",
	"description: >-\nnext: key\n",
	"a: yes\nb: no\nc: on\nd: Off\ne: y\nf: N\ng: null\nh: ~\ni: TRUE\n",
	"a: 1\nb: 0x1F\nc: 2023-01-02\nd: .inf\ne: -x\nf: +1\n",
	"a: 2023-Jan-designer\nb: 2023-01-02\nc: 0x1F\nd: 1e5\ne: 12abc\nf: 2023-01-02t10\ng: 1_000\nh: 0o17\ni: 0b11\nj: 1.5\nk: 123z\nl: 1 2\n",
	"a: 2023-Jan-designer\n",
	"a: 12z\nb: 2022-july-cdp\n",
	"a: 878766da-0bed-4884-b61b-994597a90f0f\nb: 4cc43c15-77fd-481c\n",
	"a: 1e-5\nb: 1E-5\nc: 12-3e\nd: 0x1F-2\ne: 1-2-3\nf: 2023-01-02\ng: 1e-5a\nh: 1.5e-3\n",
	"a: 0x_1F\nb: 1_0\nc: 0b1_1\nd: 1e5\n",
	"a: 2001-12-14\n",
	"a: 2023-01-02t10\n",
	"a: 2001-12-14 21\n",
	"a: 1.5e+3k\n",
	"a: 0xFFg\n",
	"a: x # comment\n",
	"a: x: y\n",
	"a: x#y\n",
	"a: 'x' # c\n",
	"a: \"x\\ty\"\n",
	"a: \"x\" \"y\"\n",
	"a: 'x' 'y'\n",
	"a: 'x'''\n",
	"a: 'x\n",
	"a: x\nb: y\na: z\n",
	"a: x\n  continued\n",
	// Comments between fields, null, colons inside a plain value.
	"# c\na: b\n#d\n\n# e f\nc: d\n# g\n",
	"a: b\n#c\td\n",
	"a: b\n#c\rd: e\n",
	"a: >-\n  x\n# c\nb: y\n",
	"a: >-\n  x\n  # in the text\nb: y\n",
	"a: x\n# c\n  y\n",
	"a: x\n  y\n# c\nb: z\n",
	" # c\na: b\n",
	"a: null\nb: Null\nc: NULL\nd: ~\ne: null x\nf: nullx\n",
	"a: http://cd488c0a-cfbf-466b-9d10-1a3c22b1eeeb\nb: x:y:z\nc: x::y\n",
	"a: x:\n",
	"a: x: y\n",
	"a: x :y\n",
	"a: 1:20\n",
	"a: 2001-12-14t21:59:43.10-05:00\n",
	"a: 12ab:cd\n",
	"a: x:#y\n",
	// A value that goes on, indented, on the lines after the key's.
	"description: We are\n  looking for\n    someone\ntitle: T\n",
	"description: We are\n\n  looking\n",
	"description: We are\n  looking \n",
	"description: We are\n  - looking\n",
	"description: We are\n  looking: for\n",
	"description: We are\n  looking # for\n",
	"description: We are\n  'looking'\n",
	"description: We are\n  looking",
	"description: \"We are looking\n  for someone. \"\narchived: true\n",
	"description: \"We are looking\n  for\n\n  someone\"\n",
	"description: \"We are looking\n  for \\\n  someone\"\n",
	"description: \"We are looking\n  for\" someone\n",
	"description: \"We are looking\n  for\"  \n",
	"description: \"We are looking\n\"\n",
	"description: \"We are looking\n  \"\n",
	"description: \"We are looking \n  for\"\n",
	"description: \"We are\n  looking\n",
	"description: \"\n  We are\"\n",
	"description: 'We are\n  looking'\n",
	"a: x\r\nb: y\r\n",
	"a:\n  b: c\n",
	"a: [1, 2]\n",
	"a: {b: c}\n",
	"{a: b}\n",
	"- a\n- b\n",
	"a: &anchor x\nb: *anchor\n",
	"a: !!str 1\n",
	"# comment\na: b\n",
	"a: b\n# comment\n",
	"a: tab\there\n",
	"a: nbsp\u00a0here\n",
	"a: line\u2028sep\n",
	"a: bom\ufeffhere\n",
	"<<: x\n",
	"true: x\n",
	"Title: a\ntitle: b\n",
	"a-b_c9: v\n",
	// YAML bounds an implicit key to 1024 characters: the library refuses
	// a longer one.
	strings.Repeat("k", 1024) + ": v\n",
	strings.Repeat("k", 1025) + ": v\n",
	"a: b\n" + strings.Repeat("k", 1025) + ": v\n",
	strings.Repeat("k", maxSimpleKey) + ": v\n",
	strings.Repeat("k", maxSimpleKey+1) + ": v\n",
	// A sign after 0o or 0b: the library reads an octal or binary number.
	"a: 0o-01\nb: 0b-101\nc: 0o_-1\nd: 0_o-1\ne: 0b-1_0\n",
	"a: 0o-01\n",
	"a: 0b-101\n",
	"a: 0o_-1\n",
	"a: 0x-1F\nb: 0o-8\nc: 0O-1\nd: 0b-2023\ne: 0o1-2\n",
	// Flow indicators and quotes inside a plain value, # and : inside
	// quotes, words other YAML versions read as numbers.
	"a: b, c\nb: x]\nc: x}\nd: x'y\ne: x\"y\nf: b - c\ng: b *c &d !e |f >g ?h @i `j` %k\n",
	"a: 'x #y'\nb: \"x #y\"\nc: 'x: y'\n",
	"a: nan\nb: inf\nc: NaN\nd: Inf\ne: 1h\nf: 24-7-support\n",
	"description: >\n  # not a comment\n  one\n  \n  two\n",
	"a: x\u0085y\n",
	"a: \U0001F600\n",
	"a: \ue000\n",
	"9a: v\n",
	"a : v\n",
	"a:v\n",
	"a: x \n",
	"a: 'x'   \n",
	"a: \"\"\n",
	"a: ''\n",
	"a: Ça\n",
	"a: é\n",
	"...\n",
	"---\n",
	"%YAML 1.2\n",
	"\n",
}

// linesOf cuts a front matter as Parse does: each line with its
// ending.
func linesOf(text string) []string {
	var lines []string
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines, text = append(lines, text[:i+1]), text[i+1:]
	}
	return lines
}

// checkSimpleYAML fails when simpleYAML reads lines other than the library.
func checkSimpleYAML(t *testing.T, text string) bool {
	t.Helper()
	lines := linesOf(text)
	pairs, values, ok := simpleYAML(lines)
	if !ok {
		return false
	}
	wantFields, wantValues, err := indexYAMLLibrary(lines)
	if err != nil {
		t.Fatalf("simpleYAML read %q, which the library refuses: %v", text, err)
	}
	if fields := yamlFields(lines, pairs); !reflect.DeepEqual(fields, wantFields) {
		t.Fatalf("simpleYAML(%q) fields:\n%+v\nthe library's:\n%+v", text, fields, wantFields)
	}
	if !reflect.DeepEqual(values, wantValues) {
		t.Fatalf("simpleYAML(%q) values:\n%#v\nthe library's:\n%#v", text, values, wantValues)
	}
	return true
}

func TestSimpleYAMLAgreesWithTheLibrary(t *testing.T) {
	read := 0
	for _, c := range simpleYAMLCases {
		if checkSimpleYAML(t, c) {
			read++
		}
		for _, l := range linesOf(c) {
			checkSimpleYAML(t, l)
		}
	}
	for _, c := range roundTripCases {
		if d, err := Parse([]byte(c)); err == nil && d.format == FormatYAML {
			checkSimpleYAML(t, strings.Join(d.lines, ""))
		}
	}
	if read < 10 {
		t.Fatalf("simpleYAML read only %d of the cases", read)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05", "content", "*", "careers", "positions", "*.md"))
	simple := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := Parse(data); err == nil && d.format == FormatYAML && checkSimpleYAML(t, strings.Join(d.lines, "")) {
			simple++
		}
	}
	t.Logf("simpleYAML read %d of %d cases and %d of the %d corpus files", read, len(simpleYAMLCases), simple, len(files))
}

// FuzzSimpleYAML: whatever simpleYAML reads, it reads as the library does.
func FuzzSimpleYAML(f *testing.F) {
	for _, c := range simpleYAMLCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		withWatchdog(t, func() { checkSimpleYAML(t, text) })
	})
}

// Front matters made of the pieces simpleYAML decides on (word-like and
// YAML-special keys, values of letters, digits, signs, radix prefixes,
// quotes, indicators, odd spaces and separators, block scalars with
// empty, blank and more-indented lines), many thousands of them: whatever
// simpleYAML reads, it reads as the library does. Found 0o-01 and 0b-101
// (numbers to the library) read as strings.
func TestSimpleYAMLRandomFrontMatters(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	atoms := []string{"a", "Z", "é", "1", "0x", "e", "-", "_", " ", "  ", "'", "\"", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "?", "%", "@", "`", "~", ".", "true", "no", "null", "nan", "2023", "-01", "T", "…", "’", "«", "\u00a0", "\u2028", "\t", "#", ":", "\\", "=", "<<", "+", "0o", "1e", "_1", "0b", "b", "o", "x", "0", "9", "0", "1", "-", "_", "e", "E", "+", "."}
	keys := []string{"a", "title", "b1", "x-y", "x_y", "A", "e", "inf", "nan", "Yes", "no", "On", "off", "y", "n", "null", "true", "k-", "k_"}
	hdrs := []string{">-", ">", "|-", "|", ">+", "|2", ">-  "}
	ok := 0
	for trial := 0; trial < 100000; trial++ {
		var b strings.Builder
		nk := 1 + rng.Intn(3)
		for k := 0; k < nk; k++ {
			if rng.Intn(6) == 0 { // a comment, or what looks like one
				b.WriteString([]string{"#", "# ", " #", "#\t"}[rng.Intn(4)] + atoms[rng.Intn(len(atoms))] + atoms[rng.Intn(len(atoms))] + "\n")
			}
			b.WriteString(keys[rng.Intn(len(keys))])
			if rng.Intn(3) == 0 {
				b.WriteString(strings.Repeat("k", rng.Intn(3)))
			}
			b.WriteString(":" + strings.Repeat(" ", rng.Intn(3)))
			switch rng.Intn(4) {
			case 0:
				b.WriteString(hdrs[rng.Intn(len(hdrs))] + "\n")
				ind := strings.Repeat(" ", 1+rng.Intn(3))
				for l := 0; l < rng.Intn(4); l++ {
					switch rng.Intn(4) {
					case 0:
						b.WriteString("\n")
					case 1:
						b.WriteString(ind + " x\n")
					default:
						b.WriteString(ind)
						for a := 0; a < 1+rng.Intn(4); a++ {
							b.WriteString(atoms[rng.Intn(len(atoms))])
						}
						b.WriteString("\n")
					}
				}
			default:
				b.WriteString([]string{"a", "Z", "1", "0", "9", "'", "\"", "t", "n", "y"}[rng.Intn(10)])
				for a := 0; a < rng.Intn(5); a++ {
					b.WriteString(atoms[rng.Intn(len(atoms))])
				}
				b.WriteString("\n")
				// Lines that go on the value, or not: indented or not,
				// some ending with a closing quote, spaces after it.
				for l := rng.Intn(4) - 1; l > 0; l-- {
					b.WriteString(strings.Repeat(" ", rng.Intn(3)))
					for a := 0; a < 1+rng.Intn(4); a++ {
						b.WriteString(atoms[rng.Intn(len(atoms))])
					}
					b.WriteString([]string{"", "", "\"", "\" ", " ", "'"}[rng.Intn(6)] + "\n")
				}
				if rng.Intn(5) == 0 {
					b.WriteString("\n")
				}
			}
		}
		text := b.String()
		if checkSimpleYAML(t, text) {
			ok++
		}
	}
	if ok < 1000 {
		t.Fatalf("simpleYAML read only %d of the front matters: the cases miss the point", ok)
	}
}
