package i18n

// CheckStrings are the messages of the translation-pair checks.
type CheckStrings struct {
	LangEN                 string
	LangFR                 string
	MissingTranslation     string
	DuplicateKey           string
	ArchivedMismatch       string
	MissingKey             string
	InvalidFrontMatter     string
	FrontMatterTooLarge    string
	FrontMatterTooLong     string
	FrontMatterTooDeep     string
	Unreadable             string
	UnsupportedFrontMatter string
	NoFrontMatter          string
	MissingTitle           string
	MissingDescription     string
	LeverIDMismatch        string
	InvalidLeverID         string
	StructureMismatch      string
	StructureHeadings      string
	StructureListItems     string
	WrongLanguage          string
	StaleTranslation       string
	StaleTranslationLines  Plural
	StaleReviewed          string
	StaleReviewedLines     Plural
	SeverityError          string
	SeverityWarning        string
	NoProblems             string
	Summary                string
	SummaryPostings        Plural
	SummaryGroups          Plural
	SummaryErrors          Plural
	SummaryWarnings        Plural
	Archived               string
	Open                   string
	Missing                string
	// A problem's name, where it is shown short (the list's problems
	// column, jobtui check): in English its code, in French words.
	NameMissingTranslation     string
	NameDuplicateKey           string
	NameArchivedMismatch       string
	NameMissingKey             string
	NameInvalidFrontMatter     string
	NameUnsupportedFrontMatter string
	NameMissingField           string
	NameLeverIDMismatch        string
	NameInvalidLeverID         string
	NameStructureMismatch      string
	NameWrongLanguage          string
	NameStaleTranslation       string
}

var checkEN = CheckStrings{
	LangEN:                     "English",
	LangFR:                     "French",
	MissingTranslation:         "no {lang} translation",
	DuplicateKey:               "{n} {lang} files share the translationKey {key}",
	ArchivedMismatch:           "archived in {archived} but open in {open}",
	MissingKey:                 "no translationKey: linked by file name ({rel})",
	InvalidFrontMatter:         "front matter cannot be read: line {line}: {reason}",
	FrontMatterTooLarge:        "front matter too large: over {kb} KB, not read",
	FrontMatterTooLong:         "front matter too long: over {lines} lines, not read",
	FrontMatterTooDeep:         "front matter nested too deep: over {levels} levels at line {line}, not read",
	Unreadable:                 "the file cannot be read: {reason}",
	UnsupportedFrontMatter:     "unsupported front matter ({format}): only YAML (---) and TOML (+++) are read",
	NoFrontMatter:              "no front matter: the file does not start with --- or +++",
	MissingTitle:               "no title",
	MissingDescription:         "no description",
	LeverIDMismatch:            "the files carry different leverId values: {values}",
	InvalidLeverID:             "leverId {value} is not a UUID",
	StructureMismatch:          "the two languages differ: {detail}",
	StructureHeadings:          "{a} headings in English, {b} in French",
	StructureListItems:         "{a} list items in English, {b} in French",
	WrongLanguage:              "the body reads as {other}, not {lang} ({own} {lang} and {theirs} {other} common words)",
	StaleTranslation:           "{other} changed since the {lang} was last updated on {since}",
	StaleTranslationLines:      Plural{"{other} changed {n} line since the {lang} was last updated on {since}", "{other} changed {n} lines since the {lang} was last updated on {since}"},
	StaleReviewed:              "{other} changed since the {lang} was last reviewed on {since}",
	StaleReviewedLines:         Plural{"{other} changed {n} line since the {lang} was last reviewed on {since}", "{other} changed {n} lines since the {lang} was last reviewed on {since}"},
	SeverityError:              "error",
	SeverityWarning:            "warning",
	NoProblems:                 "No problems.",
	Summary:                    "{postings}, {groups}: {errors}, {warnings}",
	SummaryPostings:            Plural{"{n} posting", "{n} postings"},
	SummaryGroups:              Plural{"{n} group", "{n} groups"},
	SummaryErrors:              Plural{"{n} error", "{n} errors"},
	SummaryWarnings:            Plural{"{n} warning", "{n} warnings"},
	Archived:                   "archived",
	Open:                       "open",
	Missing:                    "missing",
	NameMissingTranslation:     "missing-translation",
	NameDuplicateKey:           "duplicate-key",
	NameArchivedMismatch:       "archived-mismatch",
	NameMissingKey:             "missing-key",
	NameInvalidFrontMatter:     "invalid-front-matter",
	NameUnsupportedFrontMatter: "unsupported-front-matter",
	NameMissingField:           "missing-field",
	NameLeverIDMismatch:        "leverid-mismatch",
	NameInvalidLeverID:         "invalid-leverid",
	NameStructureMismatch:      "structure-mismatch",
	NameWrongLanguage:          "wrong-language",
	NameStaleTranslation:       "stale-translation",
}

var checkFR = CheckStrings{
	LangEN:                     "anglais",
	LangFR:                     "français",
	MissingTranslation:         "aucune traduction en {lang}",
	DuplicateKey:               "{n} fichiers en {lang} partagent la translationKey {key}",
	ArchivedMismatch:           "archivé en {archived} mais ouvert en {open}",
	MissingKey:                 "pas de translationKey : lié par le nom de fichier ({rel})",
	InvalidFrontMatter:         "en-tête illisible : ligne {line} : {reason}",
	FrontMatterTooLarge:        "en-tête trop volumineux : plus de {kb} Ko, non lu",
	FrontMatterTooLong:         "en-tête trop long : plus de {lines} lignes, non lu",
	FrontMatterTooDeep:         "en-tête trop imbriqué : plus de {levels} niveaux à la ligne {line}, non lu",
	Unreadable:                 "le fichier ne peut pas être lu : {reason}",
	UnsupportedFrontMatter:     "en-tête non pris en charge ({format}) : seuls YAML (---) et TOML (+++) sont lus",
	NoFrontMatter:              "aucun en-tête : le fichier ne commence pas par --- ni +++",
	MissingTitle:               "aucun titre",
	MissingDescription:         "aucune description",
	LeverIDMismatch:            "les fichiers portent des leverId différents : {values}",
	InvalidLeverID:             "le leverId {value} n’est pas un UUID",
	StructureMismatch:          "les deux langues diffèrent : {detail}",
	StructureHeadings:          "{a} titres en anglais, {b} en français",
	StructureListItems:         "{a} éléments de liste en anglais, {b} en français",
	WrongLanguage:              "le texte semble en {other}, pas en {lang} ({own} mots courants en {lang}, {theirs} en {other})",
	StaleTranslation:           "{other} modifié depuis la dernière mise à jour en {lang}, le {since}",
	StaleTranslationLines:      Plural{"{other} : {n} ligne modifiée depuis la dernière mise à jour en {lang}, le {since}", "{other} : {n} lignes modifiées depuis la dernière mise à jour en {lang}, le {since}"},
	StaleReviewed:              "{other} modifié depuis la dernière révision en {lang}, le {since}",
	StaleReviewedLines:         Plural{"{other} : {n} ligne modifiée depuis la dernière révision en {lang}, le {since}", "{other} : {n} lignes modifiées depuis la dernière révision en {lang}, le {since}"},
	SeverityError:              "erreur",
	SeverityWarning:            "avertissement",
	NoProblems:                 "Aucun problème.",
	Summary:                    "{postings}, {groups} : {errors}, {warnings}",
	SummaryPostings:            Plural{"{n} offre", "{n} offres"},
	SummaryGroups:              Plural{"{n} groupe", "{n} groupes"},
	SummaryErrors:              Plural{"{n} erreur", "{n} erreurs"},
	SummaryWarnings:            Plural{"{n} avertissement", "{n} avertissements"},
	Archived:                   "archivé",
	Open:                       "ouvert",
	Missing:                    "manquant",
	NameMissingTranslation:     "traduction-manquante",
	NameDuplicateKey:           "clé-en-double",
	NameArchivedMismatch:       "archivage-incohérent",
	NameMissingKey:             "clé-manquante",
	NameInvalidFrontMatter:     "en-tête-illisible",
	NameUnsupportedFrontMatter: "en-tête-non-reconnu",
	NameMissingField:           "champ-manquant",
	NameLeverIDMismatch:        "leverid-différents",
	NameInvalidLeverID:         "leverid-invalide",
	NameStructureMismatch:      "structures-différentes",
	NameWrongLanguage:          "mauvaise-langue",
	NameStaleTranslation:       "traduction-en-retard",
}
