package model

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity of a problem.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem codes: stable, for scripts.
const (
	CodeMissingTranslation     = "missing-translation"
	CodeDuplicateKey           = "duplicate-key"
	CodeArchivedMismatch       = "archived-mismatch"
	CodeMissingKey             = "missing-key"
	CodeInvalidFrontMatter     = "invalid-front-matter"
	CodeUnsupportedFrontMatter = "unsupported-front-matter"
	CodeMissingField           = "missing-field"
	CodeLeverIDMismatch        = "leverid-mismatch"
	CodeInvalidLeverID         = "invalid-leverid"
	CodeStructureMismatch      = "structure-mismatch"
	CodeWrongLanguage          = "wrong-language"
	CodeStaleTranslation       = "stale-translation"
)

// Problem is one finding of the checks: a fact, not a sentence. Code says
// what is wrong and Args the particulars, by name; i18n.ProblemText makes
// the words, so a change of interface language re-renders problems without
// checking again. Args that hold content languages hold their codes ("en",
// or several joined by commas), which the words name in the interface
// language.
//
// The arguments of each code (all strings):
//
//	missing-translation       lang
//	duplicate-key             n, lang, key
//	archived-mismatch         archived, open (language codes, comma-joined)
//	missing-key               rel
//	invalid-front-matter      reason, line ("" when unknown); or, for
//	                          front matter refused before parsing,
//	                          limit "size" and kb, or limit "depth",
//	                          levels and line
//	unsupported-front-matter  format ("" for a file without front matter)
//	missing-field             field (title or description)
//	leverid-mismatch          values (comma-joined)
//	invalid-leverid           value
//	structure-mismatch        headingsA, headingsB and/or itemsA, itemsB:
//	                          only the counts that differ too much
//	wrong-language            lang, other, own, theirs
//	stale-translation         lang (the translation's), other (the
//	                          source's), since (date), sinceHash, reviewed
//	                          ("true" when since is a review), lines
//	                          (when the source's diff was read)
type Problem struct {
	Code     string            `json:"code"`
	Severity Severity          `json:"severity"`
	Key      string            `json:"key"`
	Lang     string            `json:"lang"`
	Paths    []string          `json:"paths"`
	Args     map[string]string `json:"args,omitempty"`
}

// SortProblems orders problems by key, then code, language and paths.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.Lang != b.Lang {
			return a.Lang < b.Lang
		}
		return strings.Join(a.Paths, "\x00") < strings.Join(b.Paths, "\x00")
	})
}

var uuidRe = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// ValidLeverID reports whether s is a UUID.
func ValidLeverID(s string) bool { return uuidRe.MatchString(s) }

// Check runs every check on the linked postings.
func Check(site *Site, groups []*Group, unreadable []*Posting) []Problem {
	var ps []Problem
	for _, p := range unreadable {
		pr := Problem{Severity: SeverityError, Lang: p.Lang, Paths: []string{p.Path}}
		if p.Err.Unsupported {
			pr.Code = CodeUnsupportedFrontMatter
			pr.Args = map[string]string{"format": ""}
			if p.Err.Format != FormatNone {
				pr.Args["format"] = strings.ToUpper(string(p.Err.Format))
			}
		} else {
			pr.Code = CodeInvalidFrontMatter
			switch {
			case p.Err.Limit == LimitSize:
				pr.Args = map[string]string{"limit": string(LimitSize), "kb": strconv.Itoa(p.Err.Max >> 10)}
			case p.Err.Limit == LimitLines:
				pr.Args = map[string]string{"limit": string(LimitLines), "lines": strconv.Itoa(p.Err.Max)}
			case p.Err.Limit == LimitDepth:
				pr.Args = map[string]string{"limit": string(LimitDepth), "levels": strconv.Itoa(p.Err.Max), "line": strconv.Itoa(p.Err.Line)}
			case p.Err.Line == 0:
				pr.Args = map[string]string{"reason": p.Err.Reason, "line": ""}
			default:
				pr.Args = map[string]string{"reason": p.Err.Reason, "line": strconv.Itoa(p.Err.Line)}
			}
		}
		ps = append(ps, pr)
	}
	for _, g := range groups {
		ps = append(ps, checkGroup(site, g)...)
	}
	SortProblems(ps)
	return ps
}

// args builds a problem's arguments from name, value pairs.
func args(kv ...string) map[string]string {
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func checkGroup(site *Site, g *Group) []Problem {
	var ps []Problem
	paths := g.Paths()
	add := func(code string, sev Severity, lang string, paths []string, a map[string]string) {
		ps = append(ps, Problem{Code: code, Severity: sev, Key: g.Key, Lang: lang, Paths: paths, Args: a})
	}
	present := 0
	for _, l := range site.Langs {
		if len(g.Files[l]) == 0 {
			add(CodeMissingTranslation, SeverityError, l, paths, args("lang", l))
		} else {
			present++
		}
	}
	if g.Key != "" {
		for _, l := range site.Langs {
			if fs := g.Files[l]; len(fs) > 1 {
				var dp []string
				for _, p := range fs {
					dp = append(dp, p.Path)
				}
				sort.Strings(dp)
				add(CodeDuplicateKey, SeverityError, l, dp, args("n", strconv.Itoa(len(fs)), "lang", l, "key", g.Key))
			}
		}
	}
	if present == len(site.Langs) {
		if arch, open := archivedLangs(site, g); len(arch) > 0 && len(open) > 0 {
			add(CodeArchivedMismatch, SeverityError, "", paths, args("archived", strings.Join(arch, ","), "open", strings.Join(open, ",")))
		}
	}
	ps = append(ps, checkFiles(site, g)...)
	if len(site.Langs) == 2 && len(g.Files[site.Langs[0]]) == 1 && len(g.Files[site.Langs[1]]) == 1 {
		a, b := g.Files[site.Langs[0]][0], g.Files[site.Langs[1]][0]
		if d := structureDiff(a.structure, b.structure); d != nil {
			add(CodeStructureMismatch, SeverityWarning, "", paths, d)
		}
	}
	return ps
}

// archivedLangs are the languages with an archived file and those with an
// open one.
func archivedLangs(site *Site, g *Group) (arch, open []string) {
	for _, l := range site.Langs {
		a, o := false, false
		for _, p := range g.Files[l] {
			if p.Archived {
				a = true
			} else {
				o = true
			}
		}
		if a {
			arch = append(arch, l)
		}
		if o {
			open = append(open, l)
		}
	}
	return arch, open
}

// checkFiles runs the checks of each file of a group on its own, and the
// leverId agreement between them.
func checkFiles(site *Site, g *Group) []Problem {
	var ps []Problem
	add := func(code string, sev Severity, p *Posting, a map[string]string) {
		ps = append(ps, Problem{Code: code, Severity: sev, Key: g.Key, Lang: p.Lang, Paths: []string{p.Path}, Args: a})
	}
	levers := map[string]bool{}
	for _, p := range g.Postings(site.Langs) {
		if p.TranslationKey == "" {
			add(CodeMissingKey, SeverityWarning, p, args("rel", p.Rel))
		}
		if p.Title == "" {
			add(CodeMissingField, SeverityError, p, args("field", KeyTitle))
		}
		if p.Description == "" {
			add(CodeMissingField, SeverityWarning, p, args("field", KeyDescription))
		}
		if p.LeverID != "" {
			levers[p.LeverID] = true
			if !ValidLeverID(p.LeverID) {
				add(CodeInvalidLeverID, SeverityWarning, p, args("value", p.LeverID))
			}
		}
		if lang := p.Lang; lang == "en" || lang == "fr" {
			if own, theirs, wrong := judgeLanguage(p.enWords, p.frWords, lang); wrong {
				other := "fr"
				if lang == "fr" {
					other = "en"
				}
				add(CodeWrongLanguage, SeverityWarning, p, args("lang", lang, "other", other, "own", strconv.Itoa(own), "theirs", strconv.Itoa(theirs)))
			}
		}
	}
	if len(levers) > 1 {
		var vs []string
		for v := range levers {
			vs = append(vs, v)
		}
		sort.Strings(vs)
		ps = append(ps, Problem{Code: CodeLeverIDMismatch, Severity: SeverityWarning, Key: g.Key, Paths: g.Paths(), Args: args("values", strings.Join(vs, ", "))})
	}
	return ps
}

// Structure of a Markdown body: what a translation keeps.
type Structure struct {
	Headings  int
	ListItems int
}

// BodyStructure counts the headings and list items of a Markdown body,
// outside code blocks, Markdown and HTML alike.
func BodyStructure(body []byte) Structure {
	var s Structure
	inFence := false
	for len(body) > 0 {
		var line []byte
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			line, body = body, nil
		}
		lead := len(line) - len(bytes.TrimLeft(line, " "))
		rest := line[lead:]
		if lead <= 3 && (bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~"))) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		switch {
		case lead <= 3 && isATXHeading(rest):
			s.Headings++
		case isListItem(bytes.TrimLeft(line, " \t")) && !isThematicBreak(string(line)):
			s.ListItems++
		}
		if bytes.IndexByte(line, '<') >= 0 {
			h, li := countHTMLTags(line)
			s.Headings += h
			s.ListItems += li
		}
	}
	return s
}

func isATXHeading(b []byte) bool {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(b) || b[n] == ' ' || b[n] == '\t' || b[n] == '\r')
}

func isListItem(b []byte) bool {
	n := 0
	if len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+') {
		n = 1
	} else {
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return false
		}
		n++
	}
	if n >= len(b) || (b[n] != ' ' && b[n] != '\t') {
		return false
	}
	return len(bytes.TrimSpace(b[n:])) > 0
}

// countHTMLTags counts <h1>..<h6> and <li> opening tags in a line.
func countHTMLTags(line []byte) (h, li int) {
	for i := 0; i+3 < len(line); i++ {
		if line[i] != '<' {
			continue
		}
		c1, c2, c3 := line[i+1]|0x20, line[i+2], line[i+3]
		switch {
		case c1 == 'h' && c2 >= '1' && c2 <= '6' && (c3 == '>' || c3 == ' ' || c3 == '\t'):
			h++
		case c1 == 'l' && c2|0x20 == 'i' && (c3 == '>' || c3 == ' ' || c3 == '\t'):
			li++
		}
	}
	return h, li
}

func isThematicBreak(line string) bool {
	t := strings.ReplaceAll(strings.TrimSpace(line), " ", "")
	if len(t) < 3 {
		return false
	}
	return strings.Trim(t, "-") == "" || strings.Trim(t, "*") == ""
}

// structureTolerance is how far apart two translations' counts may be: a
// translation often splits or merges an item or two, and a few more in
// long lists.
func structureTolerance(a, b int) int {
	return max(2, max(a, b)/4)
}

// structureDiff is the arguments of a structure-mismatch problem: the
// counts that differ beyond the tolerance, or nil.
func structureDiff(sa, sb Structure) map[string]string {
	var m map[string]string
	if d := abs(sa.Headings - sb.Headings); d > structureTolerance(sa.Headings, sb.Headings) {
		m = args("headingsA", strconv.Itoa(sa.Headings), "headingsB", strconv.Itoa(sb.Headings))
	}
	if d := abs(sa.ListItems - sb.ListItems); d > structureTolerance(sa.ListItems, sb.ListItems) {
		if m == nil {
			m = map[string]string{}
		}
		m["itemsA"], m["itemsB"] = strconv.Itoa(sa.ListItems), strconv.Itoa(sb.ListItems)
	}
	return m
}

// Common words that are frequent in one language and absent from the other.
var stopWords = map[string]map[string]bool{
	"en": setOf("the", "and", "of", "to", "you", "we", "for", "with", "our", "are", "that", "will", "be", "this", "your", "have", "an", "is", "who", "from", "it", "at", "by", "or", "can", "about", "work", "team", "what", "how"),
	"fr": setOf("le", "la", "les", "de", "des", "du", "et", "vous", "nous", "pour", "avec", "dans", "sur", "aux", "une", "un", "est", "qui", "que", "notre", "nos", "votre", "vos", "sont", "être", "cette", "ce", "ou", "au", "d’une", "l’équipe", "travail"),
}

// stopWordLang is stopWords folded into one lookup: bit 1 English, bit 2
// French.
var stopWordLang, maxStopWordLen = func() (map[string]uint8, int) {
	m := map[string]uint8{}
	n := 0
	for w := range stopWords["en"] {
		m[w] |= 1
		n = max(n, len(w))
	}
	for w := range stopWords["fr"] {
		m[w] |= 2
		n = max(n, len(w))
	}
	return m, n
}()

// stopWordBits is stopWordLang as a switch, which Go compiles to a search
// by length and bytes: three times faster than the map on 10,000 bodies.
// TestStopWordBits keeps the two the same.
func stopWordBits(w []byte) uint8 {
	switch string(w) {
	case "the", "and", "of", "to", "you", "we", "for", "with", "our", "are", "that", "will", "be", "this", "your", "have", "an", "is", "who", "from", "it", "at", "by", "or", "can", "about", "work", "team", "what", "how":
		return 1
	case "le", "la", "les", "de", "des", "du", "et", "vous", "nous", "pour", "avec", "dans", "sur", "aux", "une", "un", "est", "qui", "que", "notre", "nos", "votre", "vos", "sont", "être", "cette", "ce", "ou", "au", "d’une", "l’équipe", "travail":
		return 2
	}
	return 0
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// LanguageScores counts the English and French common words of a text.
func LanguageScores(body []byte) (en, fr int) {
	word := make([]byte, 0, 32)
	flush := func() {
		if len(word) > 0 && len(word) <= maxStopWordLen {
			switch stopWordBits(word) {
			case 1:
				en++
			case 2:
				fr++
			case 3:
				en++
				fr++
			}
		}
		word = word[:0]
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z', c == '\'':
				word = append(word, c)
			case c >= 'A' && c <= 'Z':
				word = append(word, c+'a'-'A')
			default:
				flush()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if unicode.IsLetter(r) || r == '’' {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		} else {
			flush()
		}
		i += size
	}
	flush()
	return en, fr
}

// wrongLanguage reports a body that reads as the other language: enough
// common words to judge, and at least twice as many of the other language's.
func wrongLanguage(body []byte, lang string) (own, theirs int, wrong bool) {
	en, fr := LanguageScores(body)
	return judgeLanguage(en, fr, lang)
}

func judgeLanguage(en, fr int, lang string) (own, theirs int, wrong bool) {
	own, theirs = en, fr
	if lang == "fr" {
		own, theirs = fr, en
	}
	return own, theirs, own+theirs >= 20 && theirs > 2*own
}

// Summary counts errors and warnings.
func Summary(ps []Problem) (errors, warnings int) {
	for _, p := range ps {
		if p.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return
}
