package i18n

// ViewStrings are the words of the diff view, the preview's state signs
// and the footer's shortened forms.
type ViewStrings struct {
	DiffAtLine  string
	DiffNew     string
	DiffDeleted string
	// The wide preview's column headers: the column tab chose (the keys
	// act on its language), and how y scrolls.
	PreviewChosen  string
	ScrollTogether string
	ScrollAlone    string
	// Said before huh's accessible prompts.
	AccessibleIntro string
	// The list when a quick view has no posting (and no filter is typed).
	EmptyOpen     string
	EmptyArchived string
	EmptyProblems string
	EmptySection  string
}

var viewsEN = ViewStrings{
	DiffAtLine:      "line {line}",
	DiffNew:         "new file",
	DiffDeleted:     "deleted",
	PreviewChosen:   "▶ {lang} (tab)",
	ScrollTogether:  "scrolled together (y)",
	ScrollAlone:     "scrolls alone (y)",
	AccessibleIntro: "Answer each question, then press enter; enter alone keeps the value in brackets.",
	EmptyOpen:       "No open posting.",
	EmptyArchived:   "No archived posting.",
	EmptyProblems:   "No posting has a problem.",
	EmptySection:    "No posting in this section.",
}

var viewsFR = ViewStrings{
	DiffAtLine:      "ligne {line}",
	DiffNew:         "nouveau fichier",
	DiffDeleted:     "supprimé",
	PreviewChosen:   "▶ {lang} (tab)",
	ScrollTogether:  "défilement lié (y)",
	ScrollAlone:     "défile seule (y)",
	AccessibleIntro: "Répondez à chaque question, puis appuyez sur entrée ; entrée seule garde la valeur entre crochets.",
	EmptyOpen:       "Aucune offre ouverte.",
	EmptyArchived:   "Aucune offre archivée.",
	EmptyProblems:   "Aucune offre n’a de problème.",
	EmptySection:    "Aucune offre dans cette section.",
}
