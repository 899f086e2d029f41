package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/demo"
)

// writeDemo writes the demo site into a new folder.
func writeDemo(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := demo.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runIn runs the command line with LANG set to lang (LC_ALL and
// LC_MESSAGES unset), as a user's shell would.
func runIn(t *testing.T, lang string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", lang)
	return runCLI(t, args...)
}

// wordsCase is a command line, what its error says in English and in
// French, and English that must not show in French.
type wordsCase struct {
	name   string
	args   []string
	en, fr string
	notFR  []string
}

func checkWords(t *testing.T, cases []wordsCase) {
	t.Helper()
	for _, c := range cases {
		_, enErr, enCode := runIn(t, "en_CA.UTF-8", c.args...)
		if enCode == 0 || !strings.Contains(enErr, c.en) {
			t.Errorf("%s in English: exit %d, %q; want %q", c.name, enCode, enErr, c.en)
		}
		_, frErr, frCode := runIn(t, "fr_CA.UTF-8", c.args...)
		if frCode != enCode || !strings.Contains(frErr, c.fr) {
			t.Errorf("%s in French: exit %d, %q; want %q", c.name, frCode, frErr, c.fr)
		}
		for _, en := range c.notFR {
			if strings.Contains(frErr, en) {
				t.Errorf("%s in French: %q holds the English %q", c.name, frErr, en)
			}
		}
	}
}

// A site that cannot be opened is said in the user's language, the
// system's common reasons too.
func TestSiteErrorsInTheUsersLanguage(t *testing.T) {
	site := writeDemo(t)
	none := filepath.Join(t.TempDir(), "none")
	empty := t.TempDir()
	file := filepath.Join(site, "hugo.yaml")
	checkWords(t, []wordsCase{
		{"no site", []string{"check", "--repo", empty}, "no Hugo site here or in any folder above", "aucun site Hugo ici ni dans les dossiers au-dessus", []string{"no Hugo site", "looked for"}},
		{"no folder", []string{"check", "--repo", none}, none + ": there is no such folder", none + " : ce dossier n’existe pas", []string{"stat ", "no such file", "cannot open"}},
		{"a file", []string{"list", "--repo", file}, "is a file, not a folder", "est un fichier, pas un dossier", []string{"not a folder"}},
		{"unknown language", []string{"check", "--repo", site, "--langs", "en,de"}, `the configuration names no language "de" (it names: en, fr)`, "la configuration ne nomme aucune langue « de » (elle nomme : en, fr)", []string{"names no language"}},
		{"not two languages", []string{"check", "--repo", site, "--langs", "en"}, "--langs names en: it must name two different languages of the site (en, fr)", "--langs nomme en : il faut deux langues différentes du site (en, fr)", []string{"must name"}},
		{"no section", []string{"check", "--repo", site, "--section", "nope"}, "the section nope is not in the content tree, which Hugo reads from content/en (en), content/fr (fr)", "la section nope n’est pas dans l’arborescence du contenu, que Hugo lit dans content/en (en), content/fr (fr)", []string{"is not in the content tree"}},
		{"section outside", []string{"list", "--repo", site, "--section", "../x"}, "must be a folder inside the content tree", "doit être un dossier de l’arborescence du contenu", []string{"must be a folder"}},
	})
}

// A configuration file that cannot be read says so in the user's language,
// with the parser's detail after it.
func TestConfigErrorInTheUsersLanguage(t *testing.T) {
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "hugo.toml"), []byte("languages = [\n"), 0o644)
	checkWords(t, []wordsCase{
		{"bad config", []string{"check", "--repo", bad}, "hugo.toml: the configuration cannot be read: ", "hugo.toml : la configuration ne peut pas être lue\u00a0: toml: line 1", []string{"does not parse"}},
	})
}

// cobra's own messages come in the user's language, and a missing argument
// says what to name.
func TestCommandLineErrorsInTheUsersLanguage(t *testing.T) {
	site := writeDemo(t)
	checkWords(t, []wordsCase{
		{"review --mark", []string{"review", "--repo", site, "--mark"}, "name the posting to mark reviewed: jobtui review --mark KEY|FILE...", "nommez l’offre à marquer révisée : jobtui review --mark CLÉ|FICHIER...", []string{"Usage", "Flags"}},
		{"delete", []string{"delete", "--repo", site}, "name the posting to delete, or give --archived", "nommez l’offre à supprimer, ou donnez --archived", []string{"Usage", "Flags"}},
		{"archive", []string{"archive"}, "name the posting to archive: jobtui archive KEY|FILE...", "nommez l’offre à archiver : jobtui archive CLÉ|FICHIER...", []string{"requires at least"}},
		{"demo", []string{"demo"}, "name the folder to write the demo site into: jobtui demo DIR", "nommez le dossier où écrire le site de démonstration : jobtui demo DOSSIER", []string{"accepts 1"}},
		{"demo a b", []string{"demo", "a", "b"}, "one argument too many (b): jobtui demo DIR", "un argument de trop (b) : jobtui demo DOSSIER", []string{"accepts 1"}},
		{"withdraw", []string{"withdraw"}, "name the proposal branch to withdraw", "nommez la branche de proposition à retirer", []string{"accepts 1"}},
		{"completion", []string{"completion", "tcsh"}, `unknown shell "tcsh": bash, zsh or fish`, "shell inconnu « tcsh » : bash, zsh ou fish", []string{"invalid argument"}},
		{"unknown command", []string{"chek"}, `unknown command "chek" (did you mean check?)`, "commande inconnue « chek » (vouliez-vous dire check ?)", []string{"unknown command", "for \"jobtui\""}},
		{"an argument too many", []string{"check", "x"}, `check takes no argument, and was given "x"`, "check ne prend aucun argument, et a reçu « x »", []string{"unknown command"}},
		{"help on an unknown command", []string{"help", "chek"}, `unknown command "chek" (did you mean check?)`, "commande inconnue « chek » (vouliez-vous dire check ?)", []string{"Usage"}},
		{"unknown option", []string{"list", "--bogus"}, "unknown option --bogus: jobtui list --help lists the options", "option inconnue --bogus : jobtui list --help liste les options", []string{"unknown flag"}},
		{"option without value", []string{"list", "--repo"}, "the option --repo needs a value", "l’option --repo demande une valeur", []string{"flag needs"}},
		{"bad value", []string{"list", "--json=maybe"}, `"maybe" is not a value of the option --json`, "« maybe » n’est pas une valeur de l’option --json", []string{"invalid argument"}},
	})
}

// The help speaks the user's language: no [flags], [command] or (default
// "…") in French.
func TestHelpInTheUsersLanguage(t *testing.T) {
	en, _, _ := runIn(t, "en_CA.UTF-8", "--help")
	fr, _, _ := runIn(t, "fr_CA.UTF-8", "--help")
	for _, want := range []string{"jobtui [options]", "jobtui [command]", `(default "careers/positions")`, "--repo string"} {
		if !strings.Contains(en, want) {
			t.Errorf("English help lacks %q:\n%s", want, en)
		}
	}
	for _, want := range []string{"jobtui [options]", "jobtui [commande]", "(par défaut : « careers/positions »)", "--repo texte", "--langs textes"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French help lacks %q:\n%s", want, fr)
		}
	}
	for _, english := range []string{"[flags]", "[command]", "(default", " string ", " strings "} {
		if strings.Contains(fr, english) {
			t.Errorf("French help holds %q:\n%s", english, fr)
		}
	}
	sub, _, _ := runIn(t, "fr_CA.UTF-8", "archive", "--help")
	if !strings.Contains(sub, "jobtui archive CLÉ|FICHIER... [options]") {
		t.Errorf("French archive help:\n%s", sub)
	}
}
