package i18n

// PromptStrings are the words of huh's accessible mode (one plain prompt
// a field, for screen readers), which huh writes in English: the app puts
// them into the user's language as huh writes them (ui/prompts.go).
type PromptStrings struct {
	No, Yes  string // after a yes-or-no question, the default in capitals
	YesWords string // the answers read as yes, comma-separated
	NoWords  string
	Retry    string // an answer that is not yes or no
	Number   string // choose one of several
	OnlyOne  string
	MustBe   string
	Between  string
	Tick     string // tick or untick options, 0 when done
	TickOne  string // the same with one option
	Done     string // option 0 of a multi-select, which ends it (huh: "Confirm selection")
	UpTo     string
	UpToOne  string // the same with one choice
	NoMoreOf string
}

var promptsEN = PromptStrings{
	No:       "[y/N]",
	Yes:      "[Y/n]",
	YesWords: "y,yes",
	NoWords:  "n,no",
	Retry:    "Please answer y or n.",
	Number:   "Enter a number between {low} and {high}: ",
	OnlyOne:  "There is only one choice; enter 1: ",
	MustBe:   "Please enter {n}.",
	Between:  "Please enter a number between {low} and {high}.",
	Tick:     "Enter a number between 1 and {high} to tick or untick a choice, or 0 when done: ",
	TickOne:  "Enter 1 to tick or untick the choice, or 0 when done: ",
	Done:     "Done",
	UpTo:     "Tick up to {n} choices.",
	UpToOne:  "Tick up to 1 choice.",
	NoMoreOf: "You cannot tick more than {n} choices.",
}

var promptsFR = PromptStrings{
	No:       "[o/N]",
	Yes:      "[O/n]",
	YesWords: "o,oui,y,yes",
	NoWords:  "n,non,no",
	Retry:    "Répondez o ou n.",
	Number:   "Entrez un nombre entre {low} et {high} : ",
	OnlyOne:  "Il n’y a qu’un choix ; entrez 1 : ",
	MustBe:   "Entrez {n}.",
	Between:  "Entrez un nombre entre {low} et {high}.",
	Tick:     "Entrez un nombre entre 1 et {high} pour cocher ou décocher un choix, ou 0 pour terminer : ",
	TickOne:  "Entrez 1 pour cocher ou décocher le choix, ou 0 pour terminer : ",
	Done:     "Terminé",
	UpTo:     "Cochez jusqu’à {n} choix.",
	UpToOne:  "Cochez jusqu’à 1 choix.",
	NoMoreOf: "Vous ne pouvez pas cocher plus de {n} choix.",
}
