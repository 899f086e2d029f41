package gitops

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/model"
)

// The result of a walk is kept under the git folder, keyed by HEAD and the
// paths asked for: the next run with the same HEAD reads it instead.

func historyCacheKey(head plumbing.Hash, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	h := sha256.New()
	h.Write([]byte(head.String()))
	for _, p := range sorted {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The file: a first line naming the format, then fields separated by NUL
// (which neither paths nor commit subjects and authors hold): the key, then
// for each path its path, hash, commit time in seconds, time zone offset in
// seconds, subject and author. Reading it back is a split, where JSON took
// most of a warm call (a hash in JSON is an array of 20 numbers).
// Format 3: answers kept by format 2, made by walks that could read an
// unreadable tree as an absent folder, are asked again.
const historyCacheFormat = "jobtui history cache 3\n"

const cacheFields = 6

func (r *Repo) historyCachePath() string {
	return filepath.Join(r.GitDir, "jobtui", "history-cache")
}

func (r *Repo) readHistoryCache(key string) (map[string]*Change, bool) {
	data, err := os.ReadFile(r.historyCachePath())
	if err != nil {
		return nil, false
	}
	text, ok := strings.CutPrefix(string(data), historyCacheFormat)
	if !ok {
		return nil, false
	}
	fields := strings.Split(text, "\x00")
	if len(fields)%cacheFields != 1 || fields[0] != key {
		return nil, false
	}
	out := make(map[string]*Change, len(fields)/cacheFields)
	for f := fields[1:]; len(f) > 0; f = f[cacheFields:] {
		sec, err1 := strconv.ParseInt(f[2], 10, 64)
		zone, err2 := strconv.Atoi(f[3])
		if !plumbing.IsHash(f[1]) || err1 != nil || err2 != nil {
			return nil, false
		}
		when := time.Unix(sec, 0).In(time.FixedZone("", zone))
		out[f[0]] = &Change{Hash: plumbing.NewHash(f[1]), When: when, Subject: f[4], Author: f[5]}
	}
	return out, true
}

// writeHistoryCache stores the result; a cache that cannot be written only
// costs speed next time.
func (r *Repo) writeHistoryCache(key string, changes map[string]*Change) {
	paths := make([]string, 0, len(changes))
	for p := range changes {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString(historyCacheFormat)
	b.WriteString(key)
	for _, p := range paths {
		ch := changes[p]
		_, zone := ch.When.Zone()
		for _, f := range []string{p, ch.Hash.String(), strconv.FormatInt(ch.When.Unix(), 10), strconv.Itoa(zone), ch.Subject, ch.Author} {
			if strings.IndexByte(f, 0) >= 0 {
				return // cannot be stored this way
			}
			b.WriteByte(0)
			b.WriteString(f)
		}
	}
	p := r.historyCachePath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	model.WriteFileAtomic(p, []byte(b.String()), [32]byte{})
}
