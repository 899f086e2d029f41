package i18n

// FlowStrings are the words around the actions of the app: marks and what
// an action leaves out, the choice of a file (a language, one of several
// files), what the editor changed, the question before a form's edits are
// thrown away, and the missing translation made from a posting.
type FlowStrings struct {
	MarksLine        Plural
	MarksHidden      Plural
	UnmarkAll        string
	Unmarked         Plural
	MarksLeftOut     Plural
	ChooseEditor     string
	ChooseEdit       string
	ChoosePreview    string
	Choose           string
	NextFile         string
	FileOf           string
	EditorNoChange   string
	EditorChanged    string
	EditorBody       Plural
	EditorUnreadable string
	EditorGone       string
	DiscardEdits     string
	KeepEditing      string
	SharedApplies    Plural
	OnlyThisFile     string
	Translate        string
	Translated       string
	NothingToTrans   string
	KeySuggested     string
}

var flowEN = FlowStrings{
	MarksLine:        Plural{"● {n} marked", "● {n} marked"},
	MarksHidden:      Plural{"{n} hidden by the filter", "{n} hidden by the filter"},
	UnmarkAll:        "unmark all",
	Unmarked:         Plural{"Unmarked {n} posting.", "Unmarked {n} postings."},
	MarksLeftOut:     Plural{"Left out {n} marked posting the filter hides (still marked).", "Left out {n} marked postings the filter hides (still marked)."},
	ChooseEditor:     "Open which file in the editor?",
	ChooseEdit:       "Edit which file?",
	ChoosePreview:    "Show which file?",
	Choose:           "choose",
	NextFile:         "next file",
	FileOf:           "f: file {i} of {n}",
	EditorNoChange:   "{path}: nothing changed in the editor.",
	EditorChanged:    "{path} changed in the editor: {what}.",
	EditorBody:       Plural{"body ({n} line)", "body ({n} lines)"},
	EditorUnreadable: "{path} changed in the editor, and its front matter can no longer be read.",
	EditorGone:       "{path} is no longer there after the editor closed.",
	DiscardEdits:     "Throw away the changes typed in this form? (y/n)",
	KeepEditing:      "The form is still open.",
	SharedApplies:    Plural{"Written to this posting's only file: {paths}", "Written to all {n} files of this posting: {paths}"},
	OnlyThisFile:     "Only this file is changed: {path}",
	Translate:        "create the missing translation",
	Translated:       "Created {path} from the {lang} posting, archived (not published): translate its text, publish it (e, Archived? No), then commit.",
	NothingToTrans:   "This posting has both languages: there is no translation to create.",
	KeySuggested:     "suggested from the title; change it if you like",
}

var flowFR = FlowStrings{
	MarksLine:        Plural{"● {n} marquée", "● {n} marquées"},
	MarksHidden:      Plural{"{n} masquée par le filtre", "{n} masquées par le filtre"},
	UnmarkAll:        "tout démarquer",
	Unmarked:         Plural{"{n} offre démarquée.", "{n} offres démarquées."},
	MarksLeftOut:     Plural{"{n} offre marquée que le filtre masque est laissée de côté (toujours marquée).", "{n} offres marquées que le filtre masque sont laissées de côté (toujours marquées)."},
	ChooseEditor:     "Ouvrir quel fichier dans l’éditeur ?",
	ChooseEdit:       "Modifier quel fichier ?",
	ChoosePreview:    "Afficher quel fichier ?",
	Choose:           "choisir",
	NextFile:         "fichier suivant",
	FileOf:           "f : fichier {i} sur {n}",
	EditorNoChange:   "{path} : rien n’a changé dans l’éditeur.",
	EditorChanged:    "{path} modifié dans l’éditeur : {what}.",
	EditorBody:       Plural{"corps ({n} ligne)", "corps ({n} lignes)"},
	EditorUnreadable: "{path} a changé dans l’éditeur et son en-tête ne peut plus être lu.",
	EditorGone:       "{path} n’existe plus après la fermeture de l’éditeur.",
	DiscardEdits:     "Abandonner les changements saisis dans ce formulaire ? (o/n)",
	KeepEditing:      "Le formulaire reste ouvert.",
	SharedApplies:    Plural{"Écrit dans le seul fichier de cette offre : {paths}", "Écrit dans les {n} fichiers de cette offre : {paths}"},
	OnlyThisFile:     "Seul ce fichier change : {path}",
	Translate:        "créer la traduction manquante",
	Translated:       "{path} créé à partir de l’offre en {lang}, archivé (non publié) : traduisez son texte, publiez-le (e, Archivée ? Non), puis faites un commit.",
	NothingToTrans:   "Cette offre a ses deux langues : aucune traduction à créer.",
	KeySuggested:     "proposée d’après le titre ; modifiable",
}
