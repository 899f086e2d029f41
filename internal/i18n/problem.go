package i18n

import (
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/model"
)

// LangName is a content language's name in the interface language ("fr"
// is "French" in English, "français" in French); other codes stay codes.
func LangName(tr *Tr, lang string) string {
	switch lang {
	case "en":
		return tr.Check.LangEN
	case "fr":
		return tr.Check.LangFR
	}
	return lang
}

// langNames names each of the comma-joined language codes in s.
func langNames(tr *Tr, s string) string {
	if s == "" {
		return ""
	}
	codes := strings.Split(s, ",")
	for i, c := range codes {
		codes[i] = LangName(tr, c)
	}
	return strings.Join(codes, ", ")
}

// ProblemText is a problem in words, in tr's language. It only renders:
// switching the language calls it again on the same problems.
func ProblemText(tr *Tr, p model.Problem) string {
	t := &tr.Check
	a := p.Args
	switch p.Code {
	case model.CodeMissingTranslation:
		return F(t.MissingTranslation, "lang", LangName(tr, a["lang"]))
	case model.CodeDuplicateKey:
		return F(t.DuplicateKey, "n", a["n"], "lang", LangName(tr, a["lang"]), "key", a["key"])
	case model.CodeArchivedMismatch:
		return F(t.ArchivedMismatch, "archived", langNames(tr, a["archived"]), "open", langNames(tr, a["open"]))
	case model.CodeMissingKey:
		return F(t.MissingKey, "rel", a["rel"])
	case model.CodeInvalidFrontMatter:
		switch model.Limit(a["limit"]) {
		case model.LimitSize:
			return F(t.FrontMatterTooLarge, "kb", a["kb"])
		case model.LimitLines:
			return F(t.FrontMatterTooLong, "lines", a["lines"])
		case model.LimitDepth:
			return F(t.FrontMatterTooDeep, "levels", a["levels"], "line", a["line"])
		}
		if a["line"] == "" {
			return F(t.Unreadable, "reason", plainReason(tr, a["reason"]))
		}
		return F(t.InvalidFrontMatter, "line", a["line"], "reason", plainReason(tr, a["reason"]))
	case model.CodeUnsupportedFrontMatter:
		if a["format"] == "" {
			return t.NoFrontMatter
		}
		return F(t.UnsupportedFrontMatter, "format", a["format"])
	case model.CodeMissingField:
		if a["field"] == model.KeyTitle {
			return t.MissingTitle
		}
		return t.MissingDescription
	case model.CodeLeverIDMismatch:
		return F(t.LeverIDMismatch, "values", a["values"])
	case model.CodeInvalidLeverID:
		return F(t.InvalidLeverID, "value", a["value"])
	case model.CodeStructureMismatch:
		var parts []string
		if a["headingsA"] != "" {
			parts = append(parts, F(t.StructureHeadings, "a", a["headingsA"], "b", a["headingsB"]))
		}
		if a["itemsA"] != "" {
			parts = append(parts, F(t.StructureListItems, "a", a["itemsA"], "b", a["itemsB"]))
		}
		return F(t.StructureMismatch, "detail", strings.Join(parts, "; "))
	case model.CodeWrongLanguage:
		return F(t.WrongLanguage, "lang", LangName(tr, a["lang"]), "other", LangName(tr, a["other"]), "own", a["own"], "theirs", a["theirs"])
	case model.CodeStaleTranslation:
		return staleText(tr, a)
	}
	return p.Code
}

// staleText is a stale translation, with the count of lines changed when
// known ("1 line", "0 ligne").
func staleText(tr *Tr, a map[string]string) string {
	t := &tr.Check
	reviewed := a["reviewed"] == "true"
	kv := []string{"lang", LangName(tr, a["lang"]), "other", LangName(tr, a["other"]), "since", a["since"]}
	if n, err := strconv.Atoi(a["lines"]); err == nil {
		if reviewed {
			return tr.N(t.StaleReviewedLines, n, kv...)
		}
		return tr.N(t.StaleTranslationLines, n, kv...)
	}
	if reviewed {
		return F(t.StaleReviewed, kv...)
	}
	return F(t.StaleTranslation, kv...)
}

// ProblemName is a problem's short name in tr's language, where a code
// would be shown (the list's problems column, jobtui check's text): the
// code itself in English, words in French. JSON keeps the codes.
func ProblemName(tr *Tr, code string) string {
	t := &tr.Check
	switch code {
	case model.CodeMissingTranslation:
		return t.NameMissingTranslation
	case model.CodeDuplicateKey:
		return t.NameDuplicateKey
	case model.CodeArchivedMismatch:
		return t.NameArchivedMismatch
	case model.CodeMissingKey:
		return t.NameMissingKey
	case model.CodeInvalidFrontMatter:
		return t.NameInvalidFrontMatter
	case model.CodeUnsupportedFrontMatter:
		return t.NameUnsupportedFrontMatter
	case model.CodeMissingField:
		return t.NameMissingField
	case model.CodeLeverIDMismatch:
		return t.NameLeverIDMismatch
	case model.CodeInvalidLeverID:
		return t.NameInvalidLeverID
	case model.CodeStructureMismatch:
		return t.NameStructureMismatch
	case model.CodeWrongLanguage:
		return t.NameWrongLanguage
	case model.CodeStaleTranslation:
		return t.NameStaleTranslation
	}
	return code
}
