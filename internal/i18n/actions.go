package i18n

// ActionStrings are the messages of archive, commit, diff and push.
type ActionStrings struct {
	AlreadyArchived string
	AlreadyOpen     string
	EditedNoCommit  Plural
	ArchiveShort    string
	CommitShort     string
	PushShort       string
	FlagUnarchive   string
	FlagNoCommit    string
	FlagMessage     string
	FlagWithChanges string
	WithChangesHint string
	NoPending       string
	Pushed          string
	UpToDate        string
}

var actionsEN = ActionStrings{
	AlreadyArchived: "already archived in every language: nothing to do",
	AlreadyOpen:     "already open in every language: nothing to do",
	EditedNoCommit:  Plural{"{n} file edited, nothing committed", "{n} files edited, nothing committed"},
	ArchiveShort:    "Archive (or unarchive) postings in both languages and commit them",
	CommitShort:     "Commit edited posting files",
	PushShort:       "Push the current branch",
	FlagUnarchive:   "set archived: false instead",
	FlagNoCommit:    "edit the files but commit nothing",
	FlagMessage:     "the commit message",
	FlagWithChanges: "include posting files that already have uncommitted edits",
	WithChangesHint: "commit them too with --with-changes",
	NoPending:       "no edited posting to commit",
	Pushed:          "pushed {branch} to {remote}",
	UpToDate:        "{remote} is already up to date",
}

var actionsFR = ActionStrings{
	AlreadyArchived: "déjà archivée dans toutes les langues : rien à faire",
	AlreadyOpen:     "déjà ouverte dans toutes les langues : rien à faire",
	EditedNoCommit:  Plural{"{n} fichier modifié, rien n’a été validé", "{n} fichiers modifiés, rien n’a été validé"},
	ArchiveShort:    "Archiver (ou désarchiver) des offres dans les deux langues et valider",
	CommitShort:     "Valider les fichiers d’offres modifiés",
	PushShort:       "Pousser la branche courante",
	FlagUnarchive:   "mettre plutôt archived: false",
	FlagNoCommit:    "modifier les fichiers sans rien valider",
	FlagMessage:     "le message du commit",
	FlagWithChanges: "inclure les fichiers d’offres qui ont déjà des modifications non validées",
	WithChangesHint: "validez-les aussi avec --with-changes",
	NoPending:       "aucune offre modifiée à valider",
	Pushed:          "{branch} poussée vers {remote}",
	UpToDate:        "{remote} est déjà à jour",
}
