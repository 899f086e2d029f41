package i18n

import (
	"regexp"
	"strings"
	"sync"

	"github.com/jobtui/jobtui/internal/model"
)

// ReasonStrings word why a front matter cannot be read for people who do
// not write YAML: what is wrong, and how to mend it. The YAML library's
// own words (model.ParseError's Reason) are turned into these by
// plainReason; the library's test in reason_test.go makes each message
// it names, so that a new wording of the library shows there.
type ReasonStrings struct {
	UnclosedQuote    string // at the line where the quote opens
	QuoteOpenedAbove string // at a line below it (the end of the front matter)
	ColonInValue     string
	TabIndent        string
	NoColon          string
	DuplicateField   string
	ReservedStart    string
	StarStart        string
	BadIndent        string
	UnclosedList     string
	UnclosedMap      string
	ListIndent       string
	NotFields        string
	FieldTwice       string // TOML, which does not say where the first one is
	TOMLEquals       string
	TOMLBareValue    string
	TOMLAfterValue   string
	Escape           string // YAML and TOML
	TOMLTableName    string
	NeverClosed      string
	NotUTF8          string
	PermissionDenied string
	NoSuchFile       string
	IsFolder         string
}

var reasonEN = ReasonStrings{
	UnclosedQuote:    "a quote (' or \") opened here is never closed",
	QuoteOpenedAbove: "a quote (' or \") opened above is never closed",
	ColonInValue:     "a colon followed by a space inside a value (put the value in quotes), or a line indented further than the field above",
	TabIndent:        "a tab is used to indent: use spaces",
	NoColon:          "a line without a colon: each field is written name: value",
	DuplicateField:   "the field {field} appears twice (also at line {line})",
	ReservedStart:    "a value starts with a character YAML keeps for itself (@, `, %…): put the value in quotes",
	StarStart:        "a value starts with *, which YAML reads as a reference: put the value in quotes",
	BadIndent:        "a line is not indented like the fields around it, text follows a quoted value (\"A\" (B): quote it whole), or an apostrophe inside a value in single quotes is not doubled ('it''s')",
	UnclosedList:     "a list opened with [ is never closed with ]",
	UnclosedMap:      "a group opened with { is never closed with }",
	ListIndent:       "a list item is not lined up with the others (each starts with -)",
	NotFields:        "the front matter is not a set of name: value fields",
	FieldTwice:       "the field {field} appears twice",
	TOMLEquals:       "in TOML (front matter between +++), a field is written name = value, with =",
	TOMLBareValue:    "a value must be in quotes, unless it is a number, true or false",
	TOMLAfterValue:   "something follows the value on its line: one field a line, text in quotes",
	Escape:           "a backslash inside a value in double quotes: write \\\\ or put the value in single quotes",
	TOMLTableName:    "a [section] name is not closed with ]",
	NeverClosed:      "the front matter opened with {delim} is never closed",
	NotUTF8:          "the text is not valid UTF-8 (saved in another encoding?)",
	PermissionDenied: "permission denied",
	NoSuchFile:       "the file no longer exists",
	IsFolder:         "it is a folder",
}

var reasonFR = ReasonStrings{
	UnclosedQuote:    "un guillemet (' ou \") ouvert ici n’est jamais fermé",
	QuoteOpenedAbove: "un guillemet (' ou \") ouvert plus haut n’est jamais fermé",
	ColonInValue:     "deux-points suivis d’une espace dans une valeur (mettez la valeur entre guillemets), ou une ligne plus indentée que le champ du dessus",
	TabIndent:        "une tabulation sert d’indentation : utilisez des espaces",
	NoColon:          "une ligne sans deux-points : chaque champ s’écrit nom: valeur",
	DuplicateField:   "le champ {field} figure deux fois (aussi à la ligne {line})",
	ReservedStart:    "une valeur commence par un caractère que YAML se réserve (@, `, %…) : mettez la valeur entre guillemets",
	StarStart:        "une valeur commence par *, que YAML lit comme un renvoi : mettez la valeur entre guillemets",
	BadIndent:        "une ligne n’est pas indentée comme les champs voisins, du texte suit une valeur entre guillemets (\"A\" (B) : mettez le tout entre guillemets), ou une apostrophe dans une valeur entre apostrophes n’est pas doublée ('l''équipe')",
	UnclosedList:     "une liste ouverte par [ n’est jamais fermée par ]",
	UnclosedMap:      "un groupe ouvert par { n’est jamais fermé par }",
	ListIndent:       "un élément de liste n’est pas aligné sur les autres (chacun commence par -)",
	NotFields:        "l’en-tête n’est pas une suite de champs nom: valeur",
	FieldTwice:       "le champ {field} figure deux fois",
	TOMLEquals:       "en TOML (en-tête entre +++), un champ s’écrit nom = valeur, avec =",
	TOMLBareValue:    "une valeur doit être entre guillemets, sauf un nombre, true ou false",
	TOMLAfterValue:   "quelque chose suit la valeur sur sa ligne : un champ par ligne, le texte entre guillemets",
	Escape:           "une barre oblique inverse dans une valeur entre guillemets : écrivez \\\\ ou mettez la valeur entre apostrophes",
	TOMLTableName:    "un nom de [section] n’est pas fermé par ]",
	NeverClosed:      "l’en-tête ouvert par {delim} n’est jamais fermé",
	NotUTF8:          "le texte n’est pas en UTF-8 valide (enregistré dans un autre encodage ?)",
	PermissionDenied: "accès refusé",
	NoSuchFile:       "le fichier n’existe plus",
	IsFolder:         "c’est un dossier",
}

var (
	duplicateRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
	})
	neverClosedRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^the front matter opened with (\S+) is never closed$`)
	})
	tomlTwiceRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^Key '(.*)' has already been defined\.$`) })
)

// plainReason is reason (a front matter's, as model.ParseError words it:
// the YAML library's messages joined by "; ", the TOML library's, or
// jobtui's own) in plain words in tr's language; a message it does not
// know stays as it is.
func plainReason(tr *Tr, reason string) string {
	if plain, ok := plainTOML(&tr.Reason, reason); ok { // one message, which may hold "; "
		return plain
	}
	parts := strings.Split(reason, "; ")
	for i, part := range parts {
		parts[i] = plainPart(&tr.Reason, part)
	}
	return strings.Join(parts, "; ")
}

func plainPart(t *ReasonStrings, part string) string {
	if m := duplicateRe().FindStringSubmatch(part); m != nil {
		return F(t.DuplicateField, "field", m[1], "line", m[2])
	}
	if m := neverClosedRe().FindStringSubmatch(part); m != nil {
		return F(t.NeverClosed, "delim", m[1])
	}
	if strings.HasPrefix(part, "unknown anchor '") && strings.HasSuffix(part, "' referenced") {
		return t.StarStart
	}
	if words, ok := exactReasons[part]; ok && words(t) != "" {
		return words(t)
	}
	return part
}

// plainTOML is plainPart for the messages of the TOML library (front
// matter between +++).
func plainTOML(t *ReasonStrings, part string) (string, bool) {
	if m := tomlTwiceRe().FindStringSubmatch(part); m != nil {
		return F(t.FieldTwice, "field", m[1]), true
	}
	switch {
	case part == "strings cannot contain newlines", strings.HasPrefix(part, "unexpected EOF; expected '"):
		return t.UnclosedQuote, true
	case strings.HasPrefix(part, "expected '.' or '=', but got ':'"):
		return t.TOMLEquals, true
	case strings.HasPrefix(part, "expected value but found "):
		return t.TOMLBareValue, true
	case strings.HasPrefix(part, "expected a top-level item to end with a newline, comment, or EOF"):
		return t.TOMLAfterValue, true
	case strings.HasPrefix(part, "invalid escape in string "):
		return t.Escape, true
	case strings.HasPrefix(part, "expected '.' or ']' to end table name"):
		return t.TOMLTableName, true
	}
	return "", false
}

// exactReasons are the whole messages (the YAML library's, the model's
// own, the system's for a file it could not read) and the words of each:
// one table for the life of the program, since every redraw of a preview
// showing an unreadable file asks it (a map of the words was built anew
// on each call).
var exactReasons = map[string]func(*ReasonStrings) string{
	model.ReasonUnclosedQuote:                            func(t *ReasonStrings) string { return t.UnclosedQuote },
	"found unexpected end of stream":                     func(t *ReasonStrings) string { return t.QuoteOpenedAbove }, // at the end: the model found no line where a quote opens
	"mapping values are not allowed in this context":     func(t *ReasonStrings) string { return t.ColonInValue },
	"found a tab character that violates indentation":    func(t *ReasonStrings) string { return t.TabIndent },
	model.ReasonTabIndent:                                func(t *ReasonStrings) string { return t.TabIndent },
	"could not find expected ':'":                        func(t *ReasonStrings) string { return t.NoColon },
	"found character that cannot start any token":        func(t *ReasonStrings) string { return t.ReservedStart },
	"found unknown escape character":                     func(t *ReasonStrings) string { return t.Escape },
	"did not find expected hexdecimal number":            func(t *ReasonStrings) string { return t.Escape },
	"did not find expected key":                          func(t *ReasonStrings) string { return t.BadIndent },
	"did not find expected ',' or ']'":                   func(t *ReasonStrings) string { return t.UnclosedList },
	"did not find expected ',' or '}'":                   func(t *ReasonStrings) string { return t.UnclosedMap },
	"did not find expected '-' indicator":                func(t *ReasonStrings) string { return t.ListIndent },
	"the front matter is not a set of key: value fields": func(t *ReasonStrings) string { return t.NotFields },
	"not valid UTF-8":                                    func(t *ReasonStrings) string { return t.NotUTF8 },
	"permission denied":                                  func(t *ReasonStrings) string { return t.PermissionDenied },
	"no such file or directory":                          func(t *ReasonStrings) string { return t.NoSuchFile },
	"is a directory":                                     func(t *ReasonStrings) string { return t.IsFolder },
}
