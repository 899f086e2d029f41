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

// streamRest reads the rest of file into sum, checking that it is UTF-8
// after tail (the bytes read past the first part's last line end); buf is
// reused. It returns the bytes read.
func streamRest(file io.Reader, sum io.Writer, tail, buf []byte) (int64, bool) {
	var u utf8Stream
	if !u.write(tail) {
		return 0, false
	}
	var size int64
	for {
		m, err := file.Read(buf)
		size += int64(m)
		sum.Write(buf[:m])
		if !u.write(buf[:m]) {
			return size, false
		}
		if errors.Is(err, io.EOF) {
			return size, len(u.carry) == 0
		}
		if err != nil {
			return size, false
		}
	}
}

// utf8Stream checks that bytes given in pieces are UTF-8, a character
// possibly cut between two pieces.
type utf8Stream struct{ carry []byte } // the incomplete character that ends the last piece

func (u *utf8Stream) write(b []byte) bool {
	if len(u.carry) > 0 {
		for len(b) > 0 && !utf8.FullRune(u.carry) {
			u.carry, b = append(u.carry, b[0]), b[1:]
		}
		if !utf8.FullRune(u.carry) {
			return true // still incomplete: b was too short
		}
		if r, size := utf8.DecodeRune(u.carry); (r == utf8.RuneError && size == 1) || size != len(u.carry) {
			return false
		}
		u.carry = u.carry[:0]
	}
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(b[:cut]) {
		return false
	}
	u.carry = append(u.carry, b[cut:]...)
	return true
}
