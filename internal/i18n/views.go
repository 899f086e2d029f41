package i18n

// ViewStrings are the words of the diff view, the preview's state signs
// and the footer's shortened forms.
type ViewStrings struct {
	DiffAtLine  string
	DiffNew     string
	DiffDeleted string
}

var viewsEN = ViewStrings{
	DiffAtLine:  "line {line}",
	DiffNew:     "new file",
	DiffDeleted: "deleted",
}

var viewsFR = ViewStrings{
	DiffAtLine:  "ligne {line}",
	DiffNew:     "nouveau fichier",
	DiffDeleted: "supprimé",
}
