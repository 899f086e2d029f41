package model

import (
	"crypto/sha256"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// Issue 13, case 10: a 50 MB front matter was read whole, checked and
// parsed line by line; it is now read in part and the rest hashed as it
// streams by. What the app knows of each file must not change: the same
// error, hash, size and guessed key as when it was read whole, and the
// files that are not over the limits are read whole as before.
func TestBigFilesReadInPartGiveWhatAWholeReadGives(t *testing.T) {
	rep := strings.Repeat
	bigBody := rep("Une phrase du corps, assez longue pour peser.\n", 2*bigFile/46)
	files := map[string]string{
		// Over the size limit, short lines: read in part.
		"size.md": "+++\ntranslationKey = 'big'\n" + rep("k = 'a value'\n", 3*bigFile/14) + "+++\nBody\n",
		// Over the line limit within the first part.
		"lines.md": "---\ntranslationKey: lines\n" + rep("a: 1\n", MaxFrontMatterLines+10) + rep("b: 2\n", bigFile/5) + "---\n",
		// Valid front matter, a big body: read whole, as before.
		"body.md": "---\ntitle: Big body\ntranslationKey: body\n---\n" + bigBody,
		// Not UTF-8 far past the first part: the error names its line.
		"utf8.md": "+++\n" + rep("k = 'a value'\n", 3*bigFile/14) + "x = '\xff'\n+++\n",
		// A multi-byte character across every read.
		"runes.md": "+++\n" + rep("k = 'été'\n", 3*bigFile/12) + "+++\n",
		// One huge line: the first part shows no line end: read whole.
		"deep.md": "+++\nx = " + rep("[", bigFile) + rep("]", bigFile) + "\n+++\n",
		// Cut at a character: the file ends inside one.
		"cut.md": "+++\n" + rep("k = 'a value'\n", 3*bigFile/14) + "\xc3",
	}
	mf := map[string]string{}
	for name, data := range files {
		mf[en+name] = data
	}
	root := makeSite(t, mf)
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat := load(t, site)
	inPart := map[string]bool{"size.md": true, "lines.md": true, "runes.md": true}
	seen := 0
	for _, p := range cat.Postings {
		name := p.Path[len(en):]
		data, ok := files[name]
		if !ok {
			continue
		}
		seen++
		whole := &Posting{}
		whole.setDocument([]byte(data))
		if p.Hash != sha256.Sum256([]byte(data)) || p.Size != int64(len(data)) {
			t.Errorf("%s: hash or size differs from the file's", name)
		}
		if !reflect.DeepEqual(p.Err, whole.Err) || p.GuessedKey != whole.GuessedKey || (p.Doc == nil) != (whole.Doc == nil) {
			t.Errorf("%s: read in part gives %v %q, whole %v %q", name, p.Err, p.GuessedKey, whole.Err, whole.GuessedKey)
		}
		f := &ContentFile{Abs: p.Abs, Path: p.Path, Lang: p.Lang}
		if _, ok := readOversized(site, f); ok != inPart[name] {
			t.Errorf("%s: read in part %v, want %v", name, ok, inPart[name])
		}
	}
	if seen != len(files) {
		t.Fatalf("%d of the %d files listed", seen, len(files))
	}
}

// The UTF-8 check of a file read in pieces agrees with utf8.Valid on the
// whole, wherever the pieces are cut (inside a character too).
func TestUTF8StreamAgreesWithValidWhereverCut(t *testing.T) {
	for _, s := range []string{"été — 😀 ok", "a\xffb", "é\xc3", "\xe2\x82", "😀\x80", "\xed\xa0\x80", "\xef\xbf\xbd", "abc", ""} {
		want := utf8.ValidString(s)
		for i := 0; i <= len(s); i++ {
			for j := i; j <= len(s); j++ {
				var u utf8Stream
				ok := u.write([]byte(s[:i])) && u.write([]byte(s[i:j])) && u.write([]byte(s[j:]))
				if got := ok && len(u.carry) == 0; got != want {
					t.Errorf("%q cut at %d and %d: %v, want %v", s, i, j, got, want)
				}
			}
		}
	}
}
