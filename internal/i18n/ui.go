package i18n

// UIStrings are the labels, help and messages of the terminal app.
type UIStrings struct {
	Quit string
}

var uiEN = UIStrings{
	Quit: "quit",
}

var uiFR = UIStrings{
	Quit: "quitter",
}
