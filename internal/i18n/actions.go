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
	// jobtui commit with no path: the unreadable files it left out.
	LeftOutUnreadable Plural
	Pushed            string
	UpToDate          string
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
	LeftOutUnreadable: Plural{"left out {n} file whose front matter cannot be read: {names}. To commit it anyway, name it: jobtui commit {paths}",
		"left out {n} files whose front matter cannot be read: {names}. To commit them anyway, name them: jobtui commit {paths}"},
	Pushed:   "pushed {branch} to {remote}",
	UpToDate: "{remote} is already up to date",
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
	LeftOutUnreadable: Plural{"{n} fichier dont l’en-tête est illisible est laissé de côté : {names}. Pour le valider quand même, nommez-le : jobtui commit {paths}",
		"{n} fichiers dont l’en-tête est illisible sont laissés de côté : {names}. Pour les valider quand même, nommez-les : jobtui commit {paths}"},
	Pushed:   "{branch} poussée vers {remote}",
	UpToDate: "{remote} est déjà à jour",
}
