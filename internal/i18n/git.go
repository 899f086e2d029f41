package i18n

// GitStrings are the messages of git actions (owned by internal/gitops work).
type GitStrings struct {
	NeedsRepo string
}

var gitEN = GitStrings{
	NeedsRepo: "this needs a git repository: {root} is not in one",
}

var gitFR = GitStrings{
	NeedsRepo: "cette action demande un dépôt git : {root} n’est dans aucun",
}
