package i18n

// ArgStrings are the words of the command line itself: what a command
// takes, what is missing or too much, the options it does not know, and the
// words of the usage it prints.
type ArgStrings struct {
	Key string
	// KeyOrFile says how a posting is named on the command line.
	KeyOrFile      string
	Dir            string
	Shell          string
	Branch         string
	Path           string
	Options        string
	Command        string
	Default        string
	TypeString     string
	TypeStrings    string
	UnknownCommand string
	NoArgs         string
	Extra          Plural
	NeedArchive    string
	NeedMark       string
	NeedDelete     string
	NeedDemo       string
	NeedMan        string
	NeedShell      string
	BadShell       string
	NeedWithdraw   string
	UnknownOption  string
	NeedsValue     string
	BadValue       string
	BadOption      string
	DidYouMean     string
}

var argsEN = ArgStrings{
	Key:            "KEY|FILE",
	KeyOrFile:      "Name each posting by its key (translationKey) or by one of its files: a path from the current folder (as the shell completes it), from the site's root, or absolute, or the file's name alone.",
	Dir:            "DIR",
	Shell:          "SHELL",
	Branch:         "BRANCH",
	Path:           "PATH",
	Options:        "[options]",
	Command:        "[command]",
	Default:        "(default {value})",
	TypeString:     "string",
	TypeStrings:    "strings",
	UnknownCommand: "unknown command \"{arg}\"{suggest}: jobtui --help lists the commands",
	NoArgs:         "{cmd} takes no argument, and was given \"{arg}\"",
	Extra:          Plural{"one argument too many ({args}): {usage}", "{n} arguments too many ({args}): {usage}"},
	NeedArchive:    "name the posting to archive: {usage}",
	NeedMark:       "name the posting to mark reviewed: {usage}",
	NeedDelete:     "name the posting to delete, or give --archived for every archived posting: {usage}",
	NeedDemo:       "name the folder to write the demo site into: {usage}",
	NeedMan:        "name the folder to write the manual pages into: {usage}",
	NeedShell:      "name the shell: {usage}, where {shell} is bash, zsh or fish",
	BadShell:       "unknown shell \"{arg}\": bash, zsh or fish",
	NeedWithdraw:   "name the proposal branch to withdraw (jobtui proposals lists them): {usage}",
	UnknownOption:  "unknown option {flag}: {cmd} --help lists the options",
	NeedsValue:     "the option {flag} needs a value",
	BadValue:       "\"{value}\" is not a value of the option {flag}",
	BadOption:      "{flag} is not an option: write --option or -o",
	DidYouMean:     " (did you mean {names}?)",
}

var argsFR = ArgStrings{
	Key:            "CLÉ|FICHIER",
	KeyOrFile:      "Nommez chaque offre par sa clé (translationKey) ou par l’un de ses fichiers : un chemin depuis le dossier courant (tel que le shell le complète), depuis la racine du site, ou absolu, ou le seul nom du fichier.",
	Dir:            "DOSSIER",
	Shell:          "SHELL",
	Branch:         "BRANCHE",
	Path:           "CHEMIN",
	Options:        "[options]",
	Command:        "[commande]",
	Default:        "(par défaut : {value})",
	TypeString:     "texte",
	TypeStrings:    "textes",
	UnknownCommand: "commande inconnue « {arg} »{suggest} : jobtui --help liste les commandes",
	NoArgs:         "{cmd} ne prend aucun argument, et a reçu « {arg} »",
	Extra:          Plural{"un argument de trop ({args}) : {usage}", "{n} arguments de trop ({args}) : {usage}"},
	NeedArchive:    "nommez l’offre à archiver : {usage}",
	NeedMark:       "nommez l’offre à marquer révisée : {usage}",
	NeedDelete:     "nommez l’offre à supprimer, ou donnez --archived pour toutes les offres archivées : {usage}",
	NeedDemo:       "nommez le dossier où écrire le site de démonstration : {usage}",
	NeedMan:        "nommez le dossier où écrire les pages de manuel : {usage}",
	NeedShell:      "nommez le shell : {usage}, où {shell} est bash, zsh ou fish",
	BadShell:       "shell inconnu « {arg} » : bash, zsh ou fish",
	NeedWithdraw:   "nommez la branche de proposition à retirer (jobtui proposals les liste) : {usage}",
	UnknownOption:  "option inconnue {flag} : {cmd} --help liste les options",
	NeedsValue:     "l’option {flag} demande une valeur",
	BadValue:       "« {value} » n’est pas une valeur de l’option {flag}",
	BadOption:      "{flag} n’est pas une option : écrivez --option ou -o",
	DidYouMean:     " (vouliez-vous dire {names} ?)",
}
