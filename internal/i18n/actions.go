package i18n

// ActionStrings are the messages of archive, commit, diff and push.
type ActionStrings struct {
	Archived string
}

var actionsEN = ActionStrings{
	Archived: "archived",
}

var actionsFR = ActionStrings{
	Archived: "archivé",
}
