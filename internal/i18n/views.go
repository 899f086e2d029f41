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
}

var viewsEN = ViewStrings{
	DiffAtLine:      "line {line}",
	DiffNew:         "new file",
	DiffDeleted:     "deleted",
	PreviewChosen:   "▶ {lang} (tab)",
	ScrollTogether:  "scrolled together (y)",
	ScrollAlone:     "scrolls alone (y)",
	AccessibleIntro: "Answer each question, then press enter; enter alone keeps the value in brackets.",
}

var viewsFR = ViewStrings{
	DiffAtLine:      "ligne {line}",
	DiffNew:         "nouveau fichier",
	DiffDeleted:     "supprimé",
	PreviewChosen:   "▶ {lang} (tab)",
	ScrollTogether:  "défilement lié (y)",
	ScrollAlone:     "défile seule (y)",
	AccessibleIntro: "Répondez à chaque question, puis appuyez sur entrée ; entrée seule garde la valeur entre crochets.",
}
