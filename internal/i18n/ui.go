package i18n

import "strings"

// UIStrings are the labels, help and messages of the terminal app.
type UIStrings struct {
	AppTitle         string
	Loading          string
	LoadFailed       string
	Postings         Plural
	ViewAll          string
	ViewOpen         string
	ViewArchived     string
	ViewProblems     string
	SortTitleEN      string
	SortTitleFR      string
	SortState        string
	SortChanged      string
	SortedBy         string
	FilterPrompt     string
	NoMatch          string
	Missing          string
	Broken           string
	Archived         string
	Open             string
	Mixed            string
	Modified         string
	New              string
	Marked           Plural
	Problems         string
	FrontMatter      string
	NoBody           string
	Rendering        string
	Up               string
	Down             string
	PageUp           string
	PageDown         string
	Top              string
	Bottom           string
	Filter           string
	ApplyFilter      string
	ClearFilter      string
	NextView         string
	Sort             string
	Preview          string
	Back             string
	SwitchLang       string
	SyncScroll       string
	Mark             string
	Archive          string
	Undo             string
	Edit             string
	EditBody         string
	NewPosting       string
	Diff             string
	Commit           string
	Push             string
	Reload           string
	Language         string
	Help             string
	Quit             string
	ArchiveDone      Plural // n: the postings archived
	UnarchiveDone    Plural
	UndoHint         string
	NothingToUndo    string
	NothingToRedo    string
	Working          string
	IncludeEdits     Plural
	YesNo            string
	QuitUnsaved      Plural
	Stopped          string // the app stopped by a signal ({signal}: SIGTERM…)
	StoppedUnsaved   Plural // after Stopped: the edits left uncommitted
	NoRepo           string
	EditTitle        string
	Saved            Plural
	NoChange         string
	Reloaded         string
	FileChanged      string
	NoDiff           string
	GitStateNew      string
	GitStateMod      string
	Scroll           string
	Files            Plural
	OneLanguage      string
	OneLanguageShort string // the same without the tab hint, where the line is short
	SmallTerminal    string
	Committed        string
	CommitUndone     string // u after c: the commit is gone, the edits stay
	EditUndone       Plural // u after a form\'s save or the editor: the files as before
	HookOutput       string
	PushDone         string
	HelpTitle        string
	HelpLines        string
	HelpPages        string
	HelpEnds         string
	CloseHelp        string
	QuitChecking     string
	QuitUnknown      string
	QuitTask         string
	ErrorPrefix      string
	KeyHint          string
	CommitFiles      string
	CommitNoFile     string // every file unticked
	CommitMessage    string
	Undone           string
	UndoneByCommit   string
	UndoWhyPushed    string
	UndoWhyChanged   string
	UndoWhyMoved     string
	UndoWhyNoGit     string
	RedoHint         string
	Redone           string
}

var uiEN = UIStrings{
	AppTitle:         "jobtui",
	Loading:          "Reading the postings…",
	LoadFailed:       "The postings could not be read (why: below). Once that is mended, ctrl+r reads them again.",
	Postings:         Plural{"{n} posting", "{n} postings"},
	ViewAll:          "All",
	ViewOpen:         "Open",
	ViewArchived:     "Archived",
	ViewProblems:     "Problems",
	SortTitleEN:      "English title",
	SortTitleFR:      "French title",
	SortState:        "state",
	SortChanged:      "last change",
	SortedBy:         "sorted by {by}",
	FilterPrompt:     "Filter: ",
	NoMatch:          "No posting matches.",
	Missing:          "— missing —",
	Broken:           "⚠ unreadable",
	Archived:         "archived",
	Open:             "open",
	Mixed:            "mixed",
	Modified:         "modified",
	New:              "new",
	Marked:           Plural{"{n} marked", "{n} marked"},
	Problems:         "Problems",
	FrontMatter:      "Front matter",
	NoBody:           "(no body)",
	Rendering:        "Rendering…",
	Up:               "up",
	Down:             "down",
	PageUp:           "page up",
	PageDown:         "page down",
	Top:              "top",
	Bottom:           "bottom",
	Filter:           "filter",
	ApplyFilter:      "keep filter",
	ClearFilter:      "clear filter",
	NextView:         "next view",
	Sort:             "sort",
	Preview:          "preview",
	Back:             "back",
	SwitchLang:       "other language",
	SyncScroll:       "scroll together",
	Mark:             "mark, move down",
	Archive:          "archive/unarchive",
	Undo:             "undo",
	Edit:             "edit",
	EditBody:         "edit in $EDITOR",
	NewPosting:       "new posting",
	Diff:             "diff",
	Commit:           "commit edits",
	Push:             "push",
	Reload:           "reload",
	Language:         "français",
	Help:             "help",
	Quit:             "quit",
	ArchiveDone:      Plural{"Archived and committed {hash} ({undo}): {subject}", "Archived and committed {hash} ({undo}): {subject}"},
	UnarchiveDone:    Plural{"Unarchived and committed {hash} ({undo}): {subject}", "Unarchived and committed {hash} ({undo}): {subject}"},
	UndoHint:         "u to undo",
	NothingToUndo:    "Nothing to undo.",
	NothingToRedo:    "Nothing to redo: the branch has moved since the undo.",
	Working:          "Working…",
	IncludeEdits:     Plural{"Include the uncommitted edits of {n} file ({paths})? (y/n)", "Include the uncommitted edits of {n} files ({paths})? (y/n)"},
	YesNo:            "y/n",
	QuitUnsaved:      Plural{"{n} posting file has uncommitted edits. Quit anyway? (y/n)", "{n} posting files have uncommitted edits. Quit anyway? (y/n)"},
	Stopped:          "stopped by a signal ({signal})",
	StoppedUnsaved:   Plural{"; {n} posting file has uncommitted edits, left as they are", "; {n} posting files have uncommitted edits, left as they are"},
	NoRepo:           "The site is not in a git repository: editing works, git actions do not.",
	EditTitle:        "Edit {id}",
	Saved:            Plural{"Saved {n} file.", "Saved {n} files."},
	NoChange:         "Nothing changed.",
	Reloaded:         "Reloaded from disk.",
	FileChanged:      "{path} changed on disk.",
	NoDiff:           "No change against HEAD.",
	GitStateNew:      "N",
	GitStateMod:      "M",
	Scroll:           "scroll",
	Files:            Plural{"{n} file", "{n} files"},
	OneLanguage:      "Showing {lang} (tab: other language)",
	OneLanguageShort: "Showing {lang}",
	SmallTerminal:    "The terminal is too small: make it at least 40×10.",
	Committed:        "Committed {hash}: {subject}",
	CommitUndone:     "Undone: commit {hash} is gone; its changes are still in the files, not committed.",
	EditUndone:       Plural{"Undone: {n} file is as it was before the edit.", "Undone: {n} files are as they were before the edit."},
	HookOutput:       "What git and its hooks said: {output}",
	PushDone:         "Pushed.",
	HelpTitle:        "Keys",
	HelpLines:        "lines {from}–{to} of {total}",
	HelpPages:        "page up/down",
	HelpEnds:         "top/bottom",
	CloseHelp:        "close",
	QuitChecking:     "Looking for uncommitted edits…",
	QuitTask:         "A task is still running (a git command is writing); quitting now can leave it half done. Quit anyway? (y/n)",
	QuitUnknown:      "Cannot tell whether posting files have uncommitted edits ({err}). Quit anyway? (y/n)",
	ErrorPrefix:      "Error: ",
	KeyHint:          "? for help",
	CommitFiles:      "Files to commit",
	CommitNoFile:     "tick at least one file",
	CommitMessage:    "Commit message",
	Undone:           "Undone: commit {hash} is gone and the files are as they were ({redo}).",
	UndoneByCommit:   "Undone by a new commit {hash}, because {why} ({redo}).",
	UndoWhyPushed:    "the first was already pushed",
	UndoWhyChanged:   "its files changed since",
	UndoWhyMoved:     "other commits came after it",
	UndoWhyNoGit:     "the git command line is not installed",
	RedoHint:         "u to redo",
	Redone:           "Redone: {status}",
}

var uiFR = UIStrings{
	AppTitle:         "jobtui",
	Loading:          "Lecture des offres…",
	LoadFailed:       "Les offres n’ont pas pu être lues (pourquoi : ci-dessous). Une fois le problème réglé, ctrl+r les relit.",
	Postings:         Plural{"{n} offre", "{n} offres"},
	ViewAll:          "Toutes",
	ViewOpen:         "Ouvertes",
	ViewArchived:     "Archivées",
	ViewProblems:     "Problèmes",
	SortTitleEN:      "titre anglais",
	SortTitleFR:      "titre français",
	SortState:        "état",
	SortChanged:      "dernière modification",
	SortedBy:         "tri : {by}",
	FilterPrompt:     "Filtre : ",
	NoMatch:          "Aucune offre ne correspond.",
	Missing:          "— manquant —",
	Broken:           "⚠ illisible",
	Archived:         "archivée",
	Open:             "ouverte",
	Mixed:            "mixte",
	Modified:         "modifié",
	New:              "nouveau",
	Marked:           Plural{"{n} marquée", "{n} marquées"},
	Problems:         "Problèmes",
	FrontMatter:      "En-tête",
	NoBody:           "(aucun texte)",
	Rendering:        "Mise en forme…",
	Up:               "haut",
	Down:             "bas",
	PageUp:           "page préc.",
	PageDown:         "page suiv.",
	Top:              "début",
	Bottom:           "fin",
	Filter:           "filtrer",
	ApplyFilter:      "garder le filtre",
	ClearFilter:      "effacer le filtre",
	NextView:         "vue suivante",
	Sort:             "trier",
	Preview:          "aperçu",
	Back:             "retour",
	SwitchLang:       "autre langue",
	SyncScroll:       "défilement lié",
	Mark:             "marquer, descendre",
	Archive:          "archiver/désarchiver",
	Undo:             "annuler",
	Edit:             "modifier",
	EditBody:         "modifier dans $EDITOR",
	NewPosting:       "nouvelle offre",
	Diff:             "différences",
	Commit:           "valider les modifications",
	Push:             "pousser",
	Reload:           "recharger",
	Language:         "English",
	Help:             "aide",
	Quit:             "quitter",
	ArchiveDone:      Plural{"Archivée et validée {hash} ({undo}) : {subject}", "Archivées et validées {hash} ({undo}) : {subject}"},
	UnarchiveDone:    Plural{"Désarchivée et validée {hash} ({undo}) : {subject}", "Désarchivées et validées {hash} ({undo}) : {subject}"},
	UndoHint:         "u pour annuler",
	NothingToUndo:    "Rien à annuler.",
	NothingToRedo:    "Rien à rétablir : la branche a changé depuis l’annulation.",
	Working:          "En cours…",
	IncludeEdits:     Plural{"Inclure les modifications en cours de {n} fichier ({paths}) ? (o/n)", "Inclure les modifications en cours de {n} fichiers ({paths}) ? (o/n)"},
	YesNo:            "o/n",
	QuitUnsaved:      Plural{"{n} fichier d’offre a des modifications non validées. Quitter quand même ? (o/n)", "{n} fichiers d’offres ont des modifications non validées. Quitter quand même ? (o/n)"},
	Stopped:          "arrêté par un signal ({signal})",
	StoppedUnsaved:   Plural{" ; {n} fichier d’offre a des modifications non validées, laissées telles quelles", " ; {n} fichiers d’offres ont des modifications non validées, laissées telles quelles"},
	NoRepo:           "Le site n’est pas dans un dépôt git : la modification fonctionne, pas les actions git.",
	EditTitle:        "Modifier {id}",
	Saved:            Plural{"{n} fichier enregistré.", "{n} fichiers enregistrés."},
	NoChange:         "Rien n’a changé.",
	Reloaded:         "Rechargé depuis le disque.",
	FileChanged:      "{path} a changé sur le disque.",
	NoDiff:           "Aucune différence avec HEAD.",
	GitStateNew:      "N",
	GitStateMod:      "M",
	Scroll:           "défiler",
	Files:            Plural{"{n} fichier", "{n} fichiers"},
	OneLanguage:      "Affichage : {lang} (tab : autre langue)",
	OneLanguageShort: "Affichage : {lang}",
	SmallTerminal:    "Le terminal est trop petit : agrandissez-le à au moins 40×10.",
	Committed:        "Validé {hash} : {subject}",
	CommitUndone:     "Annulé : le commit {hash} est retiré ; ses modifications sont toujours dans les fichiers, non validées.",
	EditUndone:       Plural{"Annulé : {n} fichier est comme avant la modification.", "Annulé : {n} fichiers sont comme avant la modification."},
	HookOutput:       "Ce que git et ses crochets ont dit : {output}",
	PushDone:         "Poussé.",
	HelpTitle:        "Touches",
	HelpLines:        "lignes {from} à {to} sur {total}",
	HelpPages:        "page préc./suiv.",
	HelpEnds:         "début/fin",
	CloseHelp:        "fermer",
	QuitChecking:     "Recherche de modifications non validées…",
	QuitTask:         "Une tâche est encore en cours (une commande git écrit) ; quitter maintenant peut la laisser à moitié faite. Quitter quand même ? (o/n)",
	QuitUnknown:      "Impossible de savoir si des fichiers d’offres ont des modifications non validées ({err}). Quitter quand même ? (o/n)",
	ErrorPrefix:      "Erreur : ",
	KeyHint:          "? pour l’aide",
	CommitFiles:      "Fichiers à valider",
	CommitNoFile:     "cochez au moins un fichier",
	CommitMessage:    "Message du commit",
	Undone:           "Annulé : le commit {hash} est retiré et les fichiers sont comme avant ({redo}).",
	UndoneByCommit:   "Annulé par un nouveau commit {hash}, car {why} ({redo}).",
	UndoWhyPushed:    "le premier était déjà poussé",
	UndoWhyChanged:   "ses fichiers ont changé depuis",
	UndoWhyMoved:     "d’autres commits l’ont suivi",
	UndoWhyNoGit:     "la commande git n’est pas installée",
	RedoHint:         "u pour rétablir",
	Redone:           "Rétabli : {status}",
}

// WithUndoHint says u takes the action back, before the status's full
// stop: "Saved 1 file (u to undo)."
func WithUndoHint(tr *Tr, status string) string {
	hint := " (" + tr.UI.UndoHint + ")"
	if s, ok := strings.CutSuffix(status, "."); ok {
		return s + hint + "."
	}
	return status + hint
}
