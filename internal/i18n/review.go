package i18n

import (
	"unicode"
	"unicode/utf8"
)

// ReviewStrings are the words of translation review: the review command,
// the needs-review list and the review view.
type ReviewStrings struct {
	Short             string
	FlagMark          string
	FlagMessage       string
	ColAge            string
	ColPosting        string
	ColTranslation    string
	ColSince          string
	ColSource         string
	NothingToReview   string
	AgeToday          string
	Days              Plural
	Lines             Plural
	Reviewed          string
	Header            Plural
	HeaderReviewed    Plural
	WaitingToday      string
	WaitingDays       Plural
	ViewReview        string
	OpenReview        string
	NotStaleRow       string
	MarkReviewed      string
	AllSections       string
	Title             string
	Legend            string
	LegendPlain       string
	ColChanges        string
	ColNow            string
	FrontMatter       string
	FieldsUnchanged   string
	Unchanged         string
	SpacingOnly       string
	NoSection         string
	NotInTranslation  string
	Beginning         string
	MoreInTranslation string
	Marking           string
	Marked            string
	MarkUndone        string // u after m: the mark's commit is gone
	UpToDate          string
	WaitingCell       string
	Loading           string
}

var reviewEN = ReviewStrings{
	ViewReview:        "Review",
	OpenReview:        "review the translation",
	NotStaleRow:       "this posting's translation is not behind its source",
	MarkReviewed:      "mark reviewed (no change needed)",
	AllSections:       "show unchanged sections",
	Title:             "Translation review",
	Legend:            "struck out: removed · underlined: added",
	LegendPlain:       "[-removed-] {+added+}",
	ColChanges:        "{lang}: changes since {since}",
	ColNow:            "{lang}: now",
	FrontMatter:       "Front matter",
	FieldsUnchanged:   "{n} other fields unchanged",
	Unchanged:         "unchanged",
	SpacingOnly:       "spacing only",
	NoSection:         "(no section here)",
	NotInTranslation:  "(not in the translation)",
	Beginning:         "(beginning)",
	MoreInTranslation: "More sections in the translation",
	Marking:           "Recording the review…",
	Marked:            "Marked reviewed: {commit}",
	MarkUndone:        "Undone: commit {hash} is gone; the translation is to review again.",
	UpToDate:          "The translation is up to date: nothing to review.",
	WaitingCell:       "{age} ({lang})",
	Loading:           "Reading the history…",
	Short:             "List the translations behind their source (oldest first), show what changed in one, or mark it reviewed",
	FlagMark:          "record in git (a commit with a Translation-Reviewed trailer) that the translation was reviewed and needs no change",
	FlagMessage:       "the review commit's first line (the trailers are added)",
	ColAge:            "WAITING",
	ColPosting:        "POSTING",
	ColTranslation:    "TRANSLATION",
	ColSince:          "UP TO DATE ON",
	ColSource:         "SOURCE CHANGED",
	NothingToReview:   "No translation to review.",
	AgeToday:          "today",
	Days:              Plural{"{n} day", "{n} days"},
	Lines:             Plural{"{n} line", "{n} lines"},
	Reviewed:          "reviewed",
	Header:            Plural{"{other} changed {n} line since the {lang} was last updated on {since} (commit {hash}); {waiting}", "{other} changed {n} lines since the {lang} was last updated on {since} (commit {hash}); {waiting}"},
	HeaderReviewed:    Plural{"{other} changed {n} line since the {lang} was last reviewed on {since} (commit {hash}); {waiting}", "{other} changed {n} lines since the {lang} was last reviewed on {since} (commit {hash}); {waiting}"},
	WaitingToday:      "waiting since today",
	WaitingDays:       Plural{"waiting for {n} day", "waiting for {n} days"},
}

var reviewFR = ReviewStrings{
	ViewReview:        "À réviser",
	OpenReview:        "réviser la traduction",
	NotStaleRow:       "la traduction de cette offre n’est pas en retard sur sa source",
	MarkReviewed:      "marquer révisée (rien à changer)",
	AllSections:       "montrer les sections inchangées",
	Title:             "Révision de la traduction",
	Legend:            "barré : retiré · souligné : ajouté",
	LegendPlain:       "[-retiré-] {+ajouté+}",
	ColChanges:        "{lang} : modifications depuis le {since}",
	ColNow:            "{lang} : actuellement",
	FrontMatter:       "En-tête",
	FieldsUnchanged:   "{n} autres champs inchangés",
	Unchanged:         "inchangé",
	SpacingOnly:       "espacement seulement",
	NoSection:         "(aucune section ici)",
	NotInTranslation:  "(absent de la traduction)",
	Beginning:         "(début)",
	MoreInTranslation: "Autres sections de la traduction",
	Marking:           "Inscription de la révision…",
	Marked:            "Marquée révisée : {commit}",
	MarkUndone:        "Annulé : le commit {hash} est retiré ; la traduction est de nouveau à réviser.",
	UpToDate:          "La traduction est à jour : rien à réviser.",
	WaitingCell:       "{age} ({lang})",
	Loading:           "Lecture de l’historique…",
	Short:             "Lister les traductions en retard sur leur source (les plus anciennes d’abord), montrer ce qui a changé, ou marquer une traduction révisée",
	FlagMark:          "inscrire dans git (un commit avec la mention Translation-Reviewed) que la traduction a été révisée et n’a pas à changer",
	FlagMessage:       "la première ligne du commit de révision (les mentions sont ajoutées)",
	ColAge:            "ATTENTE",
	ColPosting:        "OFFRE",
	ColTranslation:    "TRADUCTION",
	ColSince:          "À JOUR LE",
	ColSource:         "SOURCE MODIFIÉE",
	NothingToReview:   "Aucune traduction à réviser.",
	AgeToday:          "aujourd’hui",
	Days:              Plural{"{n} jour", "{n} jours"},
	Lines:             Plural{"{n} ligne", "{n} lignes"},
	Reviewed:          "révisée",
	Header:            Plural{"{other} : {n} ligne modifiée depuis la dernière mise à jour en {lang}, le {since} (commit {hash}) ; {waiting}", "{other} : {n} lignes modifiées depuis la dernière mise à jour en {lang}, le {since} (commit {hash}) ; {waiting}"},
	HeaderReviewed:    Plural{"{other} : {n} ligne modifiée depuis la dernière révision en {lang}, le {since} (commit {hash}) ; {waiting}", "{other} : {n} lignes modifiées depuis la dernière révision en {lang}, le {since} (commit {hash}) ; {waiting}"},
	WaitingToday:      "en attente depuis aujourd’hui",
	WaitingDays:       Plural{"en attente depuis {n} jour", "en attente depuis {n} jours"},
}

// Age says how long something has waited, in whole days.
func Age(tr *Tr, days int) string {
	if days <= 0 {
		return tr.Review.AgeToday
	}
	return tr.N(tr.Review.Days, days)
}

// LineCount is "1 line" or "N lines".
func LineCount(tr *Tr, n int) string { return tr.N(tr.Review.Lines, n) }

// StaleHeader is what the review says of a stale pair: "English changed 3
// lines since the French was last updated on 2023-05-01 (commit 1a2b3c4);
// waiting for 12 days". lines < 0 is a count not known yet ("?").
type StaleHeader struct {
	Reviewed     bool // since the last review, not the last update
	Source, Lang string
	Lines        int
	Since, Hash  string
	Days         int
}

// ReviewHeader words h in tr's language.
func ReviewHeader(tr *Tr, h StaleHeader) string {
	t := &tr.Review
	p := t.Header
	if h.Reviewed {
		p = t.HeaderReviewed
	}
	waiting := t.WaitingToday
	if h.Days > 0 {
		waiting = tr.N(t.WaitingDays, h.Days)
	}
	// The header begins a line: "anglais" takes a capital there.
	kv := []string{"other", upperFirst(LangName(tr, h.Source)), "lang", LangName(tr, h.Lang), "since", h.Since, "hash", h.Hash, "waiting", waiting}
	if h.Lines < 0 {
		return F(p.Other, append(kv, "n", "?")...)
	}
	return tr.N(p, h.Lines, kv...)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
