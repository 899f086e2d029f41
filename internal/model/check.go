package model

import (
	"sort"
	"strconv"
	"strings"
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
//	                          (when the source's diff was read),
//	                          sourceChanged (RFC 3339: the source's change)
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

// ValidLeverID reports whether s is a UUID: 8-4-4-4-12 hexadecimal digits,
// either case (what `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...{12}$` matches).
func ValidLeverID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// Check runs every check on the linked postings.
func Check(site *Site, groups []*Group, unreadable []*Posting) []Problem {
	var ps []Problem
	for _, p := range unreadable {
		ps = append(ps, UnreadableProblem(p))
	}
	for _, g := range groups {
		ps = append(ps, checkGroup(site, g)...)
	}
	SortProblems(ps)
	return ps
}

// UnreadableProblem is why p's front matter cannot be read, as a problem
// (p.Err must be set): the check lists it, the app says it where a key
// cannot act on the file.
func UnreadableProblem(p *Posting) Problem {
	pr := ParseProblem(p.Err)
	pr.Lang, pr.Paths = p.Lang, []string{p.Path}
	return pr
}

// ParseProblem is a parse error as a problem, without a file.
func ParseProblem(e *ParseError) Problem {
	pr := Problem{Severity: SeverityError}
	if e.Unsupported {
		pr.Code = CodeUnsupportedFrontMatter
		pr.Args = map[string]string{"format": ""}
		if e.Format != FormatNone {
			pr.Args["format"] = strings.ToUpper(string(e.Format))
		}
	} else {
		pr.Code = CodeInvalidFrontMatter
		switch {
		case e.Limit == LimitSize:
			pr.Args = map[string]string{"limit": string(LimitSize), "kb": strconv.Itoa(e.Max >> 10)}
		case e.Limit == LimitLines:
			pr.Args = map[string]string{"limit": string(LimitLines), "lines": strconv.Itoa(e.Max)}
		case e.Limit == LimitDepth:
			pr.Args = map[string]string{"limit": string(LimitDepth), "levels": strconv.Itoa(e.Max), "line": strconv.Itoa(e.Line)}
		case e.Line == 0:
			pr.Args = map[string]string{"reason": e.Reason, "line": ""}
		default:
			pr.Args = map[string]string{"reason": e.Reason, "line": strconv.Itoa(e.Line)}
		}
	}
	return pr
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
		if d := structureDiff(a.measures().structure, b.measures().structure); d != nil {
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
			m := p.measures()
			if own, theirs, wrong := judgeLanguage(m.enWords, m.frWords, lang); wrong {
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
