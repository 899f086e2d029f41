package i18n

// FormStrings are the labels and messages of the edit and new-posting forms.
type FormStrings struct {
	Title string
}

var formsEN = FormStrings{
	Title: "Title",
}

var formsFR = FormStrings{
	Title: "Titre",
}
