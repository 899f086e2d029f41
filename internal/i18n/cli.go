package i18n

// CLIStrings are the texts of the headless commands.
type CLIStrings struct {
	Short           string
	Long            string
	CheckShort      string
	ListShort       string
	DemoShort       string
	VersionShort    string
	FlagRepo        string
	FlagLang        string
	FlagLangs       string
	FlagSection     string
	FlagJSON        string
	FlagDemo        string
	DemoWritten     string
	DemoOpened      string
	AppMissing      string
	ManMissing      string
	ManBadEpoch     string
	StaleNotChecked string
	DirNotEmpty     string
	BadLang         string
	ColKey          string
	ColProblems     string
	NoKey           string
	Groups          Plural
	UnreadableRows  Plural // the rows of list that are a posting no group holds
	Unreadable      string
	FlagAccessible  string
	HelpUsage       string
	HelpCommands    string
	HelpFlags       string
	HelpGlobal      string
	HelpMore        string
	HelpFlag        string
	HelpShort       string
	CompShort       string
	CompLong        string
	ManShort        string
	ManLong         string
	ManTitle        string
	// ManSections names the sections of a manual page cobra heads in
	// English (NAME, SEE ALSO...), each of them in both languages; a
	// heading not named stays as it is.
	ManSections map[string]string
	ManMonths   [12]string // the month of a manual page's date
	ManWritten  string
}

var cliEN = CLIStrings{
	Short:           "Edit bilingual job postings of a Hugo site",
	Long:            "jobtui lists, checks, edits and archives the English and French job postings of a Hugo site kept in git.",
	CheckShort:      "Check the translation pairs and print the problems",
	ListShort:       "List the postings, English and French side by side",
	DemoShort:       "Write the demo site into DIR and commit it",
	VersionShort:    "Print the version",
	FlagRepo:        "the Hugo site (default: the current folder or the nearest site above it)",
	FlagLang:        "interface language: en or fr (default from LC_ALL, LC_MESSAGES, LANG)",
	FlagLangs:       "the two content languages edited side by side (default: the site's default content language and the next by weight)",
	FlagSection:     "the postings section, a folder of the content tree (. for all of it)",
	FlagJSON:        "print JSON",
	FlagDemo:        "open the app on a fresh copy of the demo site",
	DemoWritten:     "Demo site written and committed in {dir}",
	DemoOpened:      "Demo site in {dir}",
	StaleNotChecked: "stale translations not checked: the history could not be read ({reason})",
	ManBadEpoch:     "SOURCE_DATE_EPOCH is {value}, which is not a number of seconds since 1970: set it to one (date +%s gives the current one) or unset it, and the pages are dated today; no page was written",
	ManMissing:      "the manual pages are written by the program jobtui-app, found neither beside jobtui nor on the PATH: install both with go install github.com/jobtui/jobtui/cmd/...@latest (or go build -o DIR ./cmd/... in the source)",
	AppMissing:      "the app is the program jobtui-app, found neither beside jobtui nor on the PATH: install both with go install github.com/jobtui/jobtui/cmd/...@latest (or go build -o DIR ./cmd/... in the source)",
	DirNotEmpty:     "{dir} is not empty: the demo site needs an empty or new folder",
	BadLang:         "unknown interface language {lang}: use en or fr",
	ColKey:          "KEY",
	ColProblems:     "PROBLEMS",
	NoKey:           "(no key)",
	Groups:          Plural{"{n} group", "{n} groups"},
	UnreadableRows:  Plural{"{n} unreadable posting", "{n} unreadable postings"},
	Unreadable:      "unreadable",
	FlagAccessible:  "accessible mode: plain layout and forms for screen readers (also ACCESSIBLE=1)",
	HelpUsage:       "Usage:",
	HelpCommands:    "Commands:",
	HelpFlags:       "Flags:",
	HelpGlobal:      "Flags of every command:",
	HelpMore:        "Use \"{cmd} [command] --help\" for more about a command.",
	HelpFlag:        "help for {cmd}",
	HelpShort:       "Help about any command",
	CompShort:       "Print the shell completion script for bash, zsh or fish",
	CompLong:        "Print the completion script of SHELL (bash, zsh or fish). It completes commands, flags and, for archive and commit, the postings of the site.\n\nTo load it in every new shell:\n  bash:  jobtui completion bash > ~/.local/share/bash-completion/completions/jobtui\n  zsh:   jobtui completion zsh > \"${fpath[1]}/_jobtui\"\n  fish:  jobtui completion fish > ~/.config/fish/completions/jobtui.fish",
	ManShort:        "Write the manual pages into DIR",
	ManLong:         "Write a manual page for jobtui and one for each of its commands into DIR (created if needed), in the interface language. Read one with: man -l DIR/jobtui.1",
	ManTitle:        "jobtui manual",
	ManSections: map[string]string{"NAME": "NAME", "SYNOPSIS": "SYNOPSIS", "DESCRIPTION": "DESCRIPTION", "OPTIONS": "OPTIONS",
		"OPTIONS INHERITED FROM PARENT COMMANDS": "OPTIONS INHERITED FROM PARENT COMMANDS", "EXAMPLE": "EXAMPLE", "SEE ALSO": "SEE ALSO"},
	ManMonths:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	ManWritten: "{n} manual pages written in {dir}",
}

var cliFR = CLIStrings{
	Short:           "Modifier les offres d’emploi bilingues d’un site Hugo",
	Long:            "jobtui liste, vérifie, modifie et archive les offres d’emploi en anglais et en français d’un site Hugo versionné avec git.",
	CheckShort:      "Vérifier les paires de traductions et afficher les problèmes",
	ListShort:       "Lister les offres, anglais et français côte à côte",
	DemoShort:       "Écrire le site de démonstration dans DOSSIER et le valider",
	VersionShort:    "Afficher la version",
	FlagRepo:        "le site Hugo (par défaut : le dossier courant ou le site le plus proche au-dessus)",
	FlagLang:        "langue de l’interface : en ou fr (par défaut selon LC_ALL, LC_MESSAGES, LANG)",
	FlagLangs:       "les deux langues de contenu modifiées côte à côte (par défaut : la langue de contenu par défaut du site et la suivante par poids)",
	FlagSection:     "la section des offres, un dossier de l’arborescence du contenu (. pour toute l’arborescence)",
	FlagJSON:        "afficher du JSON",
	FlagDemo:        "ouvrir l’application sur une copie neuve du site de démonstration",
	DemoWritten:     "Site de démonstration écrit et validé dans {dir}",
	DemoOpened:      "Site de démonstration dans {dir}",
	StaleNotChecked: "traductions en retard non vérifiées : l’historique n’a pas pu être lu ({reason})",
	ManBadEpoch:     "SOURCE_DATE_EPOCH vaut {value}, qui n’est pas un nombre de secondes depuis 1970 : donnez-lui-en un (date +%s donne celui d’aujourd’hui) ou retirez-le, et les pages sont datées du jour ; aucune page n’a été écrite",
	ManMissing:      "les pages de manuel sont écrites par le programme jobtui-app, qui n’est ni à côté de jobtui ni dans le PATH : installez les deux avec go install github.com/jobtui/jobtui/cmd/...@latest (ou go build -o DOSSIER ./cmd/... dans les sources)",
	AppMissing:      "l’application est le programme jobtui-app, qui n’est ni à côté de jobtui ni dans le PATH : installez les deux avec go install github.com/jobtui/jobtui/cmd/...@latest (ou go build -o DOSSIER ./cmd/... dans les sources)",
	DirNotEmpty:     "{dir} n’est pas vide : le site de démonstration demande un dossier vide ou nouveau",
	BadLang:         "langue d’interface inconnue {lang} : utilisez en ou fr",
	ColKey:          "CLÉ",
	ColProblems:     "PROBLÈMES",
	NoKey:           "(sans clé)",
	Groups:          Plural{"{n} groupe", "{n} groupes"},
	UnreadableRows:  Plural{"{n} offre illisible", "{n} offres illisibles"},
	Unreadable:      "illisible",
	FlagAccessible:  "mode accessible : mise en page et formulaires simples pour lecteurs d’écran (aussi ACCESSIBLE=1)",
	HelpUsage:       "Utilisation :",
	HelpCommands:    "Commandes :",
	HelpFlags:       "Options :",
	HelpGlobal:      "Options de toutes les commandes :",
	HelpMore:        "« {cmd} [commande] --help » en dit plus sur une commande.",
	HelpFlag:        "aide de {cmd}",
	HelpShort:       "Aide sur une commande",
	CompShort:       "Afficher le script de complétion de bash, zsh ou fish",
	CompLong:        "Affiche le script de complétion de SHELL (bash, zsh ou fish). Il complète les commandes, les options et, pour archive et commit, les offres du site.\n\nPour le charger dans chaque nouveau shell :\n  bash :  jobtui completion bash > ~/.local/share/bash-completion/completions/jobtui\n  zsh :   jobtui completion zsh > \"${fpath[1]}/_jobtui\"\n  fish :  jobtui completion fish > ~/.config/fish/completions/jobtui.fish",
	ManShort:        "Écrire les pages de manuel dans DOSSIER",
	ManLong:         "Écrit une page de manuel pour jobtui et une pour chacune de ses commandes dans DOSSIER (créé au besoin), dans la langue de l’interface. Pour en lire une : man -l DOSSIER/jobtui.1",
	ManTitle:        "manuel de jobtui",
	ManSections: map[string]string{"NAME": "NOM", "SYNOPSIS": "SYNOPSIS", "DESCRIPTION": "DESCRIPTION", "OPTIONS": "OPTIONS",
		"OPTIONS INHERITED FROM PARENT COMMANDS": "OPTIONS DE TOUTES LES COMMANDES", "EXAMPLE": "EXEMPLE", "SEE ALSO": "VOIR AUSSI"},
	ManMonths:  [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	ManWritten: "{n} pages de manuel écrites dans {dir}",
}
