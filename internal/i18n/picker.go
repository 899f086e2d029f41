package i18n

// PickerStrings are the words of the commit picker and of the keys that
// cannot act on a posting whose front matter cannot be read.
type PickerStrings struct {
	// A row's tag after its state, for a file whose front matter cannot
	// be read, and the field's note that says why, once per such file.
	Unreadable     string
	UnreadableNote string
	// Asked before committing files whose front matter cannot be read.
	CommitUnreadable Plural
	// No to that question: the commit form is back, those files unticked.
	UnreadableUnticked Plural
	// e, a, t on such a posting: why nothing happens (the row names the
	// file; the message fits two lines at 60 columns).
	ActionUnreadable string
	// E on a file that was already unreadable: still, or fixed.
	EditorStillUnreadable string
	EditorNowReadable     string
	// Above the keys in the help: the footer's last message, whole.
	LastMessage string
	// The new-posting form and its result: a new posting is archived (not
	// published) until a unarchives it.
	NewArchived     string
	CreatedArchived string
}

var pickerEN = PickerStrings{
	Unreadable:            "unreadable",
	UnreadableNote:        "✗ {name}: {reason}. Not selected: fix it with E before committing it.",
	UnreadableUnticked:    Plural{"{names} unticked: its front matter cannot be read. The rest is as you left it.", "{names} unticked: their front matter cannot be read. The rest is as you left it."},
	CommitUnreadable:      Plural{"Commit {n} file whose front matter cannot be read ({names})? Hugo may not build the site. (y/n)", "Commit {n} files whose front matter cannot be read ({names})? Hugo may not build the site. (y/n)"},
	ActionUnreadable:      "{reason}. Fix it with E first.",
	EditorStillUnreadable: "{path} is still unreadable after the editor: {reason}.",
	EditorNowReadable:     "{path} changed in the editor: its front matter can be read again ({what}).",
	LastMessage:           "Last message:",
	NewArchived:           "Created archived (not published) until you unarchive it with a.",
	CreatedArchived:       "Created {paths} and its translation, archived (not published): a unarchives them.",
}

var pickerFR = PickerStrings{
	Unreadable:            "illisible",
	UnreadableNote:        "✗ {name} : {reason}. Non coché : corrigez-le avec E avant de le valider.",
	UnreadableUnticked:    Plural{"{names} décoché : son en-tête est illisible. Le reste est tel que vous l’avez laissé.", "{names} décochés : leur en-tête est illisible. Le reste est tel que vous l’avez laissé."},
	CommitUnreadable:      Plural{"Valider {n} fichier dont l’en-tête est illisible ({names}) ? Hugo risque de ne pas construire le site. (o/n)", "Valider {n} fichiers dont l’en-tête est illisible ({names}) ? Hugo risque de ne pas construire le site. (o/n)"},
	ActionUnreadable:      "{reason}. Corrigez-le d’abord avec E.",
	EditorStillUnreadable: "{path} est toujours illisible après l’éditeur : {reason}.",
	EditorNowReadable:     "{path} a changé dans l’éditeur : son en-tête peut de nouveau être lu ({what}).",
	LastMessage:           "Dernier message :",
	NewArchived:           "Créée archivée (non publiée) jusqu’à ce que vous la désarchiviez avec a.",
	CreatedArchived:       "{paths} et sa traduction sont créés, archivés (non publiés) : a les désarchive.",
}
