package i18n

// FormStrings are the labels and messages of the forms.
type FormStrings struct {
	Title          string
	Description    string
	TranslationKey string
	Archived       string
	LeverID        string
	Layout         string
	Type           string
	Yes            string
	No             string
	ErrEmpty       string
	ErrSlug        string
	ErrKeyInUse    string
	ErrUUID        string
	ErrOneLine     string
	// A value no way of writing keeps within the front matter's bounds.
	ErrUnwritable string
	Cancel        string

	// A save that found fields changed on disk while the form was open.
	ConflictTitle  string
	ConflictField  string
	ConflictValues string
	KeepMine       string
	TakeTheirs     string
	Empty          string
	Quoted         string // a value quoted, in the language's quotation marks

	// huh's own key help, in the form's footer.
	KeyNext         string
	KeyBack         string
	KeySubmit       string
	KeyNewLine      string
	KeyEditor       string
	KeyToggle       string
	KeySelect       string
	KeyConfirm      string
	KeyComplete     string
	KeyUp           string
	KeyDown         string
	KeyFilter       string
	KeySetFilter    string
	KeyClearFilter  string
	KeyHalfPageUp   string
	KeyHalfPageDown string
	KeyStart        string
	KeyEnd          string
	KeySelectAll    string
	KeySelectNone   string
}

var formsEN = FormStrings{
	Title:           "Title",
	Description:     "Description",
	TranslationKey:  "translationKey (links the two languages)",
	Archived:        "Archived?",
	LeverID:         "leverId (empty or a UUID)",
	Layout:          "Layout",
	Type:            "Type",
	Yes:             "Yes",
	No:              "No",
	ErrEmpty:        "cannot be empty",
	ErrSlug:         "letters, digits, '.', '_' and '-' only, starting with a letter or digit",
	ErrKeyInUse:     "another posting already uses this key",
	ErrUUID:         "must be empty or a UUID like 9f8e6fae-63c8-4b9d-86f9-a366b32d4fbe",
	ErrOneLine:      "must fit on one line",
	ErrUnwritable:   "the new value of {field} cannot be written into the front matter: it would be too long or too deeply nested (at most {kb} KB, {lines} lines and {depth} brackets open at once); nothing was written",
	Cancel:          "cancel",
	ConflictTitle:   "Changed on disk while the form was open: which value do you keep?",
	ConflictField:   "{field} ({lang}) in {path}",
	ConflictValues:  "on disk now: {disk}\nyours: {mine}",
	KeepMine:        "Keep mine (replace the file's)",
	TakeTheirs:      "Take the file's (drop mine)",
	Empty:           "(none)",
	Quoted:          "“{value}”",
	KeyNext:         "next",
	KeyBack:         "back",
	KeySubmit:       "submit",
	KeyNewLine:      "new line",
	KeyEditor:       "open editor",
	KeyToggle:       "toggle",
	KeySelect:       "select",
	KeyConfirm:      "confirm",
	KeyComplete:     "complete",
	KeyUp:           "up",
	KeyDown:         "down",
	KeyFilter:       "filter",
	KeySetFilter:    "set filter",
	KeyClearFilter:  "clear filter",
	KeyHalfPageUp:   "½ page up",
	KeyHalfPageDown: "½ page down",
	KeyStart:        "go to start",
	KeyEnd:          "go to end",
	KeySelectAll:    "select all",
	KeySelectNone:   "select none",
}

var formsFR = FormStrings{
	Title:           "Titre",
	Description:     "Description",
	TranslationKey:  "translationKey (relie les deux langues)",
	Archived:        "Archivée ?",
	LeverID:         "leverId (vide ou un UUID)",
	Layout:          "Gabarit (layout)",
	Type:            "Type de page",
	Yes:             "Oui",
	No:              "Non",
	ErrEmpty:        "ne peut pas être vide",
	ErrSlug:         "lettres, chiffres, « . », « _ » et « - » seulement, en commençant par une lettre ou un chiffre",
	ErrKeyInUse:     "une autre offre utilise déjà cette clé",
	ErrUUID:         "doit être vide ou un UUID comme 9f8e6fae-63c8-4b9d-86f9-a366b32d4fbe",
	ErrOneLine:      "doit tenir sur une ligne",
	ErrUnwritable:   "impossible d’écrire la nouvelle valeur de {field} dans l’en-tête : elle serait trop longue ou trop imbriquée (au plus {kb} Ko, {lines} lignes et {depth} crochets ouverts à la fois) ; rien n’a été écrit",
	Cancel:          "annuler",
	ConflictTitle:   "Modifié sur le disque pendant que le formulaire était ouvert : quelle valeur garder ?",
	ConflictField:   "{field} ({lang}) dans {path}",
	ConflictValues:  "sur le disque : {disk}\nla vôtre : {mine}",
	KeepMine:        "Garder la mienne (remplacer celle du fichier)",
	TakeTheirs:      "Prendre celle du fichier (abandonner la mienne)",
	Empty:           "(aucune)",
	Quoted:          "« {value} »",
	KeyNext:         "suivant",
	KeyBack:         "retour",
	KeySubmit:       "valider",
	KeyNewLine:      "nouvelle ligne",
	KeyEditor:       "ouvrir l’éditeur",
	KeyToggle:       "basculer",
	KeySelect:       "choisir",
	KeyConfirm:      "confirmer",
	KeyComplete:     "compléter",
	KeyUp:           "haut",
	KeyDown:         "bas",
	KeyFilter:       "filtrer",
	KeySetFilter:    "garder le filtre",
	KeyClearFilter:  "effacer le filtre",
	KeyHalfPageUp:   "½ page préc.",
	KeyHalfPageDown: "½ page suiv.",
	KeyStart:        "au début",
	KeyEnd:          "à la fin",
	KeySelectAll:    "tout cocher",
	KeySelectNone:   "tout décocher",
}
