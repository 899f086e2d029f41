// Package i18n holds every string a person reads, in English and French.
//
// English literals are the source of truth; each area of the product has its
// own struct (Check, CLI, Git, UI) in its own file so that the compiler checks
// every use (tr.UI.Archive) and a test checks that no French string is missing.
// Placeholders are named: "{key}", filled by F.
package i18n

import (
	"os"
	"strings"
)

// Lang is an interface language.
type Lang string

const (
	EN Lang = "en"
	FR Lang = "fr"
)

// Tr is the set of strings for one interface language.
type Tr struct {
	Lang    Lang
	Check   CheckStrings
	CLI     CLIStrings
	Git     GitStrings
	UI      UIStrings
	Actions ActionStrings
	Forms   FormStrings
	Publish PublishStrings
	Review  ReviewStrings
	Flow    FlowStrings
	Views   ViewStrings
	Site    SiteStrings
	Picker  PickerStrings
	Args    ArgStrings
	Editor  EditorStrings
	Reason  ReasonStrings
	Prompts PromptStrings
}

var english = Tr{Lang: EN, Check: checkEN, CLI: cliEN, Git: gitEN, UI: uiEN, Actions: actionsEN, Forms: formsEN, Publish: publishEN, Review: reviewEN, Flow: flowEN, Views: viewsEN, Site: siteEN, Picker: pickerEN, Args: argsEN, Editor: editorEN, Reason: reasonEN, Prompts: promptsEN}
var french = Tr{Lang: FR, Check: checkFR, CLI: cliFR, Git: gitFR, UI: uiFR, Actions: actionsFR, Forms: formsFR, Publish: publishFR, Review: reviewFR, Flow: flowFR, Views: viewsFR, Site: siteFR, Picker: pickerFR, Args: argsFR, Editor: editorFR, Reason: reasonFR, Prompts: promptsFR}

// For returns the strings of lang (English for anything but French).
func For(lang Lang) *Tr {
	if lang == FR {
		t := french
		return &t
	}
	t := english
	return &t
}

// Parse reads a language code such as "fr", "fr_CA.UTF-8" or "en-GB".
// ok is false when the code names neither English nor French.
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "fr"):
		return FR, true
	case strings.HasPrefix(s, "en"):
		return EN, true
	}
	return EN, false
}

// Detect picks the interface language: the flag when given, else the first
// of LC_ALL, LC_MESSAGES, LANG that is set (as the C library does), "fr*"
// giving French, anything else English.
func Detect(flag string) Lang {
	if flag != "" {
		l, _ := Parse(flag)
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			l, _ := Parse(s)
			return l
		}
	}
	return EN
}

// F fills the named placeholders of a template: F("{n} files", "n", "3").
// It gives what strings.NewReplacer of the pairs "{name}", value would
// give, in one pass and without building a replacer (whose tables cost
// more than the rest of a short text; every command's help flag is one),
// save French elision: "de", "le", "la" or "que" right before a value
// that starts with a vowel lose their vowel to an apostrophe ("de
// {remote}" with origin is "d’origin"; see Elide).
func F(template string, kv ...string) string {
	if len(kv) < 2 || !strings.Contains(template, "{") {
		return template
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if strings.ContainsAny(kv[i], "{}") {
			pairs := make([]string, 0, len(kv))
			for i := 0; i+1 < len(kv); i += 2 {
				pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
			}
			return strings.NewReplacer(pairs...).Replace(template)
		}
	}
	var b strings.Builder
	rest := template
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open+1:], '}')
		if end < 0 {
			break
		}
		v, ok := lookup(kv, rest[open+1:open+1+end])
		if !ok {
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		b.WriteString(elideBefore(rest[:open], b.Len() == 0, v))
		b.WriteString(v)
		rest = rest[open+2+end:]
	}
	b.WriteString(rest)
	return b.String()
}

// lookup is the value of the first pair named name.
func lookup(kv []string, name string) (string, bool) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == name {
			return kv[i+1], true
		}
	}
	return "", false
}

// Other returns the other language of the pair.
func (l Lang) Other() Lang {
	if l == FR {
		return EN
	}
	return FR
}
