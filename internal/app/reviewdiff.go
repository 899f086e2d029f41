package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Review is what a person needs to bring a stale translation up to date:
// the source's changes since the translation was last updated, word by
// word, front matter field by field and body section by section, each
// beside the translation's same field or section.
type Review struct {
	Pair     *gitops.StalePair
	Fields   []FieldReview   // every field of the source, changed or not, in the source's order
	Sections []SectionReview // the source's body sections (the text before the first heading, then one per heading)
	// Extra holds the translation's sections beyond the source's count
	// (its body has more headings).
	Extra []string
}

// ChangeOp says whether a piece of text stayed, was added or removed.
type ChangeOp int

const (
	Same ChangeOp = iota
	Added
	Removed
)

// WordChange is a run of words that stayed, was added or was removed.
type WordChange struct {
	Op   ChangeOp
	Text string
}

// FieldReview is one front matter field of the source: its value at Since
// and now, as word changes, and the translation's value.
type FieldReview struct {
	Key           string
	Changes       []WordChange
	Changed       bool
	Translation   string
	InTranslation bool
}

// SectionReview is one section of the source's body (its heading line and
// the text up to the next heading), with the translation's section at the
// same place (the i-th heading of one language stands for the i-th of the
// other).
type SectionReview struct {
	Heading     string // the source's heading line now, "" for the text before the first heading
	Changes     []WordChange
	Changed     bool
	SpacingOnly bool   // only spaces or line breaks changed
	Translation string // the translation's section, heading line included
}

// OpenReview builds the review of the stale pair of the posting id (a
// translationKey or a file path), reading the site afresh: refused for an
// unknown posting and for one whose translation is not behind.
func OpenReview(ctx context.Context, r *gitops.Repo, site *model.Site, id string) (*Review, error) {
	if r == nil {
		return nil, &gitops.Error{Kind: gitops.KindNoRepository}
	}
	cat, err := Load(site)
	if err != nil {
		return nil, err
	}
	return ReviewOf(ctx, r, cat, id)
}

// ReviewOf is OpenReview on postings already read.
func ReviewOf(ctx context.Context, r *gitops.Repo, cat *model.Catalog, id string) (*Review, error) {
	groups, err := ResolveGroups(cat, []string{id})
	if err != nil {
		return nil, err
	}
	pairs, err := gitops.StalePairs(r, cat)
	if err != nil {
		return nil, err
	}
	var pair *gitops.StalePair
	for _, p := range pairs {
		if p.Group == groups[0] {
			pair = p
		}
	}
	if pair == nil {
		return nil, &gitops.Error{Kind: gitops.KindNotStale, Paths: []string{groups[0].ID()}}
	}
	// git diff runs while the source as it was is read and compared (the
	// diff fills only the pair's SourceDiff, ChangedLines and DiffLoaded,
	// which BuildReview does not read).
	diffed := make(chan error, 1)
	go func() { diffed <- gitops.LoadDiffs(ctx, r, []*gitops.StalePair{pair}) }()
	var rv *Review
	old, err := r.FileAt(pair.Since.Hash, pair.SourcePath)
	if err == nil {
		rv = BuildReview(pair, old)
	}
	if derr := <-diffed; derr != nil {
		pair.DiffLoaded = false // the view stands without git's count
	}
	if err != nil {
		return nil, err
	}
	return rv, nil
}

// BuildReview compares the source as it was (old, its bytes at Since; nil
// when it did not exist) with the source and translation read now.
func BuildReview(pair *gitops.StalePair, old []byte) *Review {
	rv := &Review{Pair: pair}
	var oldDoc *model.Document
	if old != nil {
		oldDoc, _ = model.Parse(old)
	}
	newDoc, trDoc := pair.Source.Doc, pair.Translation.Doc
	rv.Fields = reviewFields(oldDoc, newDoc, trDoc)
	var oldBody, newBody, trBody string
	switch {
	case oldDoc != nil:
		oldBody = string(oldDoc.Body())
	case old != nil:
		oldBody = string(old) // unreadable then: the whole file
	}
	if newDoc != nil {
		newBody = string(newDoc.Body())
	}
	if trDoc != nil {
		trBody = string(trDoc.Body())
	}
	rv.Sections, rv.Extra = reviewSections(oldBody, newBody, trBody)
	return rv
}

func fieldText(d *model.Document, k string) (string, bool) {
	if d == nil {
		return "", false
	}
	v, ok := d.Value(k)
	if !ok {
		return "", false
	}
	switch v := v.(type) {
	case string:
		return v, true
	case nil:
		return "", true
	}
	return fmt.Sprint(v), true
}

func reviewFields(oldDoc, newDoc, trDoc *model.Document) []FieldReview {
	var keys []string
	seen := map[string]bool{}
	for _, d := range []*model.Document{newDoc, oldDoc} {
		if d == nil {
			continue
		}
		for _, k := range d.Keys() {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	var out []FieldReview
	for _, k := range keys {
		o, _ := fieldText(oldDoc, k)
		n, _ := fieldText(newDoc, k)
		t, inTr := fieldText(trDoc, k)
		out = append(out, FieldReview{Key: k, Changes: WordDiff(o, n), Changed: o != n, Translation: t, InTranslation: inTr})
	}
	return out
}

// sectionStarts are the byte offsets where a Markdown heading line starts
// (ATX headings, outside fenced code), 0 first.
func sectionStarts(body string) []int {
	starts := []int{0}
	fence := ""
	for off := 0; off < len(body); {
		end := strings.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		} else {
			end++
		}
		line := strings.TrimLeft(body[off:off+end], " ")
		switch {
		case fence != "":
			if strings.HasPrefix(line, fence) {
				fence = ""
			}
		case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
			fence = line[:3]
		case isHeading(line) && off > 0:
			starts = append(starts, off)
		}
		off += end
	}
	return starts
}

func isHeading(line string) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r')
}

func splitSections(body string) []string {
	starts := sectionStarts(body)
	out := make([]string, len(starts))
	for i, s := range starts {
		e := len(body)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		out[i] = body[s:e]
	}
	return out
}

func headingLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimRight(s, "\r")
}

// reviewSections diffs the whole body once, word by word, then cuts the
// changes at the new body's headings: a heading added or removed in the
// source moves no change to the wrong section.
func reviewSections(oldBody, newBody, trBody string) ([]SectionReview, []string) {
	starts := sectionStarts(newBody)
	trSecs := splitSections(trBody)
	secs := make([]SectionReview, len(starts))
	for i, s := range starts {
		if isHeading(strings.TrimLeft(newBody[s:], " ")) {
			secs[i].Heading = headingLine(newBody[s:])
		}
		if i < len(trSecs) {
			secs[i].Translation = trSecs[i]
		}
	}
	var extra []string
	if len(trSecs) > len(secs) {
		extra = trSecs[len(secs):]
	}
	// Walk the changes with the position they have in the new body.
	cur, pos := 0, 0
	add := func(i int, c WordChange) {
		s := &secs[i]
		if n := len(s.Changes); n > 0 && s.Changes[n-1].Op == c.Op {
			s.Changes[n-1].Text += c.Text
		} else {
			s.Changes = append(s.Changes, c)
		}
	}
	for _, c := range WordDiff(oldBody, newBody) {
		if c.Op == Removed {
			// Removed text at a section's very start ends the one before.
			i := cur
			if i > 0 && pos == starts[i] {
				i--
			}
			add(i, c)
			continue
		}
		text := c.Text
		for text != "" {
			for cur+1 < len(starts) && pos >= starts[cur+1] {
				cur++
			}
			n := len(text)
			if cur+1 < len(starts) && pos+n > starts[cur+1] {
				n = starts[cur+1] - pos
			}
			add(cur, WordChange{Op: c.Op, Text: text[:n]})
			text, pos = text[n:], pos+n
		}
	}
	for i := range secs {
		secs[i].Changes = trimTrailingSpacing(secs[i].Changes)
		spacing := true
		for _, c := range secs[i].Changes {
			if c.Op != Same {
				secs[i].Changed = true
				spacing = spacing && strings.TrimSpace(c.Text) == ""
			}
		}
		secs[i].SpacingOnly = secs[i].Changed && spacing
	}
	return secs, extra
}

// trimTrailingSpacing drops line breaks added or removed at a section's
// end: the blank line before a heading added after it is not a change of
// this section.
func trimTrailingSpacing(cs []WordChange) []WordChange {
	end := len(cs)
	for end > 0 && strings.TrimSpace(cs[end-1].Text) == "" {
		end--
	}
	out := cs[:end:end]
	for _, c := range cs[end:] {
		switch c.Op {
		case Same, Added:
			if n := len(out); n > 0 && out[n-1].Op == Same {
				out[n-1].Text += c.Text
			} else {
				out = append(out, WordChange{Same, c.Text})
			}
		}
	}
	return out
}

// WordDiff compares two texts word by word (a word: letters and digits;
// each space run and each other character is a token of its own), cleaned
// up for people (small equal runs between changes are folded in).
func WordDiff(old, cur string) []WordChange {
	if old == cur {
		if cur == "" {
			return nil
		}
		return []WordChange{{Same, cur}}
	}
	index := map[string]rune{}
	var tokens []string
	encode := func(s string) []rune {
		var out []rune
		for _, tok := range tokenize(s) {
			r, ok := index[tok]
			if !ok {
				r = tokenRune(len(tokens))
				index[tok] = r
				tokens = append(tokens, tok)
			}
			out = append(out, r)
		}
		return out
	}
	a, b := encode(old), encode(cur)
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []WordChange
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(tokens[tokenIndex(r)])
		}
		op := Same
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Added
		case diffmatchpatch.DiffDelete:
			op = Removed
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
		} else if sb.Len() > 0 {
			out = append(out, WordChange{op, sb.String()})
		}
	}
	return out
}

// tokenize cuts text into words, space runs and single other characters.
func tokenize(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokens become runes of the private use planes (0xF0000 on), which the
// diff's clean-up takes for no letter, space or punctuation of its own.
func tokenRune(i int) rune  { return rune(0xF0000 + i) }
func tokenIndex(r rune) int { return int(r - 0xF0000) }
