package model

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"unicode/utf8"
)

// bigFile is the size from which a file is first read in part: a posting
// whose front matter is over the limits (MaxFrontMatterBytes,
// MaxFrontMatterLines) is unreadable whatever follows, so the rest is only
// hashed and checked for UTF-8 as it streams by, never held in memory: a
// 50 MB front matter costs a read, not 50 MB and a parse.
const bigFile = 1 << 20

// readOversized reads a big file whose front matter is over the limits,
// without keeping it; ok is false for any other file (read it whole): one
// under bigFile, one whose front matter the first part does not show to be
// over the limits, one not valid UTF-8 (its error names a line), one that
// changed while read. The posting is the one readContentFile would give.
func readOversized(site *Site, f *ContentFile) (p *Posting, ok bool) {
	file, err := os.Open(f.Abs)
	if err != nil {
		return nil, false
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil || st.Size() < bigFile {
		return nil, false
	}
	chunk := make([]byte, 2*MaxFrontMatterBytes+64<<10)
	n, err := io.ReadFull(file, chunk)
	if err != nil {
		return nil, false
	}
	// The first part up to its last line end, so that no line or character
	// is cut in two.
	end := bytes.LastIndexByte(chunk[:n], '\n')
	if end < MaxFrontMatterBytes+8 {
		return nil, false
	}
	head := chunk[:end+1]
	var pe *ParseError
	if _, err := Parse(head); !errors.As(err, &pe) || (pe.Limit != LimitSize && pe.Limit != LimitLines) {
		return nil, false
	}
	key := guessKey(head) // before the buffer is reused
	sum := sha256.New()
	sum.Write(chunk[:n])
	size, valid := streamRest(file, sum, chunk[end+1:n], chunk)
	if !valid || size+int64(n) != st.Size() {
		return nil, false
	}
	p = newPosting(site, f)
	p.Mode, p.ModTime, p.Size = st.Mode().Perm(), st.ModTime(), st.Size()
	copy(p.Hash[:], sum.Sum(nil))
	p.Doc, p.Err = nil, pe
	p.GuessedKey = key
	return p, true
}

// streamRest reads the rest of file into sum, checking that the whole,
// from the bytes after the first part's last line end (tail), is UTF-8;
// buf is reused. It returns the bytes read.
func streamRest(file io.Reader, sum io.Writer, tail, buf []byte) (int64, bool) {
	carry := append([]byte(nil), tail...)
	var size int64
	for {
		m, err := file.Read(buf)
		size += int64(m)
		sum.Write(buf[:m])
		data := append(carry, buf[:m]...)
		// Keep an incomplete last character for the next read.
		cut := len(data)
		for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					cut = i
				}
				break
			}
		}
		if !utf8.Valid(data[:cut]) {
			return size, false
		}
		carry = append(carry[:0], data[cut:]...)
		if errors.Is(err, io.EOF) {
			return size, len(carry) == 0
		}
		if err != nil {
			return size, false
		}
	}
}
