package model

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Known front matter fields.
const (
	KeyTitle          = "title"
	KeyDescription    = "description"
	KeyArchived       = "archived"
	KeyTranslationKey = "translationKey"
	KeyLeverID        = "leverId"
	KeyLayout         = "layout"
	KeyType           = "type"
)

// Posting is one posting file in one language, as read from disk.
type Posting struct {
	Lang        string
	Path        string // relative to the site root, slash-separated
	Rel         string // its place in the content tree relative to the section (about.fr.md)
	ContentPath string // its place in the content tree
	Abs         string
	// PathKey is the translation key Hugo gives the page when its front
	// matter sets none ("page/careers/positions/about"); PairKey the one
	// it pairs translations by (see TranslationKeyOf).
	PathKey string
	PairKey string
	Mode    fs.FileMode
	ModTime time.Time
	Size    int64
	Hash    [32]byte // sha256 of the bytes read

	Doc *Document   // nil when the front matter cannot be read
	Err *ParseError // why Doc is nil

	Title          string
	Description    string
	Archived       bool
	TranslationKey string
	LeverID        string
	Layout         string
	Type           string

	// GuessedKey is, for a file whose front matter cannot be read, the
	// translationKey its raw text seems to declare: the group it would
	// likely join, so that actions on that group can refuse to guess.
	GuessedKey string

	pending *Document // an edit prepared by ApplyGroupEdit, not yet saved

	// What the checks measure of the body: once per document read, when
	// first checked (not before the list shows), so that checking again
	// costs nothing.
	body *bodyMeasures
}

// Readable reports whether the front matter could be read.
func (p *Posting) Readable() bool { return p.Doc != nil }

// Body is the Markdown body ("" for an unreadable file).
func (p *Posting) Body() []byte {
	if p.Doc == nil {
		return nil
	}
	return p.Doc.Body()
}

// ReadPosting reads the posting file rel (relative to SectionDir(lang)), as
// written by CreatePair. Only an IO error is returned as an error: a front
// matter that cannot be read gives a posting with Err set.
func ReadPosting(site *Site, lang, rel string) (*Posting, error) {
	sitePath := path.Join(site.SectionDir(lang), rel)
	cp := rel
	if site.Section != "." {
		cp = path.Join(site.Section, rel)
	}
	f := &ContentFile{Lang: lang, Path: sitePath, Abs: site.Abs(sitePath), ContentPath: cp, Kind: KindPage}
	_, base, _ := langOfName(site.knownLangs, path.Base(cp))
	f.PathKey = path.Join(KindPage, cleanDir(path.Dir(cp)), base)
	return readContentFile(site, f)
}

func newPosting(site *Site, f *ContentFile) *Posting {
	return &Posting{Lang: f.Lang, Path: f.Path, Rel: site.SectionRel(f.ContentPath), ContentPath: f.ContentPath, Abs: f.Abs, PathKey: f.PathKey, PairKey: f.PathKey}
}

func readContentFile(site *Site, f *ContentFile) (*Posting, error) {
	data, st, err := readFileUnder(f.Abs, bigFile)
	if errors.Is(err, errBigFile) {
		if p, ok := readOversized(site, f); ok {
			return p, nil
		}
		data, st, err = readFile(f.Abs)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Path, err)
	}
	p := newPosting(site, f)
	p.fill(data, st)
	return p, nil
}

// fill sets what the file's bytes and stat tell.
func (p *Posting) fill(data []byte, st fs.FileInfo) {
	p.Mode, p.ModTime, p.Size, p.Hash = st.Mode().Perm(), st.ModTime(), st.Size(), sha256.Sum256(data)
	p.setDocument(data)
}

func readFile(abs string) ([]byte, fs.FileInfo, error) { return readFileUnder(abs, 0) }

// errBigFile: the file is not read, being over the size asked.
var errBigFile = errors.New("big file")

// errSlowPath: readFast leaves the file to the os package.
var errSlowPath = errors.New("read through package os")

// readFileUnder reads the file whole, unless it has limit bytes or more
// (limit > 0): then errBigFile, and only its stat is read. A file is
// opened once whatever its size (readOversized opens the rare big ones
// again).
func readFileUnder(abs string, limit int64) ([]byte, fs.FileInfo, error) {
	return readFileInto(abs, limit, nil)
}

// readFileInto is readFileUnder reading into buf when it has room (the
// bytes are then buf's: see readFast).
func readFileInto(abs string, limit int64, buf []byte) ([]byte, fs.FileInfo, error) {
	if data, st, err := readFast(abs, limit, buf); err != errSlowPath {
		return data, st, err
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if limit > 0 && st.Size() >= limit {
		return nil, st, errBigFile
	}
	data := make([]byte, st.Size())
	n := 0
	for n < len(data) {
		m, err := f.Read(data[n:])
		n += m
		if err != nil {
			break
		}
	}
	if n != len(data) {
		// The file changed size while read: read it again the simple way.
		data, err = os.ReadFile(abs)
		if err != nil {
			return nil, nil, err
		}
	}
	return data, st, nil
}

func (p *Posting) setDocument(data []byte) {
	doc, err := Parse(data)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			pe = &ParseError{Line: 1, Reason: err.Error()}
		}
		p.Doc, p.Err = nil, pe
		p.GuessedKey = guessKey(data)
		return
	}
	p.Doc, p.Err = doc, nil
	p.Title = strings.TrimSpace(doc.String(KeyTitle))
	p.Description = strings.TrimSpace(doc.String(KeyDescription))
	p.Archived, _ = doc.Bool(KeyArchived)
	// As Hugo reads it: typed (yes is "true"), not trimmed.
	p.TranslationKey = doc.HugoString(KeyTranslationKey)
	p.PairKey = TranslationKeyOf(KindPage, p.TranslationKey, p.PathKey)
	p.LeverID = strings.TrimSpace(doc.String(KeyLeverID))
	p.Layout = doc.String(KeyLayout)
	p.Type = doc.String(KeyType)
	p.body = &bodyMeasures{}
}

func ioReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// guessKey finds a "translationKey: x" or "translationKey = x" line in raw
// text that does not parse, among the lines a front matter may hold (a file
// of 50 MB is not split in lines).
func guessKey(data []byte) string {
	if len(data) > MaxFrontMatterBytes+8 {
		data = data[:MaxFrontMatterBytes+8]
	}
	for len(data) > 0 {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		t := strings.TrimSpace(string(line))
		if len(t) < len(KeyTranslationKey) || !strings.EqualFold(t[:len(KeyTranslationKey)], KeyTranslationKey) {
			continue
		}
		rest := strings.TrimSpace(t[len(KeyTranslationKey):])
		if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "=") {
			continue
		}
		v := strings.TrimSpace(rest[1:])
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		return strings.Trim(v, "\"'")
	}
	return ""
}

// PostingFiles are the site's pages in the section, in the two edited
// languages: every regular page Hugo renders (list pages, _index.*, are
// not postings).
func PostingFiles(site *Site) ([]*ContentFile, error) {
	all, err := site.ContentFiles()
	if err != nil {
		return nil, err
	}
	edited := map[string]bool{site.Langs[0]: true, site.Langs[1]: true}
	var out []*ContentFile
	for _, f := range all {
		if f.Kind == KindPage && !f.Clone && edited[f.Lang] && site.InSection(f.ContentPath) {
			out = append(out, f)
		}
	}
	if len(out) == 0 && !site.sectionExists() {
		return nil, site.noSectionError(all)
	}
	return out, nil
}

// sectionExists reports whether a content mount holds the section's folder.
func (s *Site) sectionExists() bool {
	if s.Section == "." {
		return true
	}
	for _, m := range s.Mounts {
		rel := s.Section
		if m.Target != "" {
			if s.Section != m.Target && !strings.HasPrefix(s.Section, m.Target+"/") {
				continue
			}
			rel = strings.TrimPrefix(strings.TrimPrefix(s.Section, m.Target), "/")
		}
		src := s.Abs(m.Source)
		if path.IsAbs(m.Source) {
			src = filepath.FromSlash(m.Source)
		}
		if st, err := os.Stat(filepath.Join(src, filepath.FromSlash(rel))); err == nil && st.IsDir() {
			return true
		}
	}
	return false
}

// noSectionError names what the site holds instead of the section: where
// its content mounts are, and the folders of the content tree that end like
// the section.
func (s *Site) noSectionError(all []*ContentFile) error {
	var mounts []string
	for _, m := range s.Mounts {
		d := m.Source
		if m.Lang != "" {
			d += " (" + m.Lang + ")"
		}
		if m.Target != "" {
			d += " -> " + m.Target
		}
		mounts = append(mounts, d)
	}
	reason := fmt.Sprintf("the section %s is not in the content tree, which Hugo reads from %s", s.Section, strings.Join(mounts, ", "))
	seen := map[string]bool{}
	var like []string
	for _, f := range all {
		dir := path.Dir(f.ContentPath)
		if strings.HasSuffix(dir, "/"+s.Section) && !seen[dir] {
			seen[dir] = true
			like = append(like, dir)
		}
	}
	if len(like) > 0 {
		sort.Strings(like)
		reason += "; it holds " + strings.Join(like, ", ") + " (try --section " + like[0] + ", or set each language's contentDir)"
	}
	return &SiteError{Kind: SiteSectionMissing, Path: s.Root, Section: s.Section, Mounts: mounts, Like: like, Reason: reason}
}

// LoadPostings reads every posting file of the site's two languages, in
// parallel, sorted by language then path.
func LoadPostings(site *Site) ([]*Posting, error) {
	jobs, err := PostingFiles(site)
	if err != nil {
		return nil, err
	}
	out := make([]*Posting, len(jobs))
	parallel(len(jobs), func(i int) {
		p, err := readContentFile(site, jobs[i])
		if err != nil {
			// A file that cannot be read is a broken posting, not a
			// reason to show nothing.
			p = newPosting(site, jobs[i])
			p.Err = &ParseError{Line: 0, Reason: ioReason(err)}
		}
		out[i] = p
	})
	sortPostings(site, out)
	return out, nil
}

func fileExists(abs string) bool {
	_, err := os.Lstat(abs)
	return err == nil
}

func ensureDir(abs string) error { return os.MkdirAll(filepath.Dir(abs), 0o755) }
