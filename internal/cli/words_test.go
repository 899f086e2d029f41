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
