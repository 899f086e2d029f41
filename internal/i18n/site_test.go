package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

// Every kind of site error is said in each language, with its facts, and
// the system's common reasons are translated.
func TestSiteErrorText(t *testing.T) {
	notFound := &fs.PathError{Op: "stat", Path: "/x", Err: fs.ErrNotExist}
	denied := &fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}
	odd := errors.New("input/output error")
	for _, c := range []struct {
		e      model.SiteError
		en, fr string
	}{
		{model.SiteError{Kind: model.SiteCannotOpen, Path: "/x", Err: notFound}, "/x: there is no such folder", "/x : ce dossier n’existe pas"},
		{model.SiteError{Kind: model.SiteCannotOpen, Path: "/x", Err: denied}, "/x: you do not have permission to open this folder", "/x : vous n’avez pas la permission d’ouvrir ce dossier"},
		{model.SiteError{Kind: model.SiteCannotOpen, Path: "/x", Err: odd}, "/x: cannot open the folder: input/output error", "/x : impossible d’ouvrir le dossier\u00a0: input/output error"},
		{model.SiteError{Kind: model.SiteNoConfig, Path: "/x", Env: "production"}, "and for the folders config/_default and config/production)", "et dossiers config/_default et config/production)"},
		{model.SiteError{Kind: model.SiteConfigUnreadable, Path: "/x/hugo.toml", Err: denied}, "/x/hugo.toml: the configuration cannot be read: permission denied", "/x/hugo.toml : la configuration ne peut pas être lue\u00a0: permission refusée"},
		{model.SiteError{Kind: model.SiteConfigDirUnreadable, Path: "/x/config", Err: notFound}, "/x/config: the configuration folder cannot be read: it does not exist", "/x/config : le dossier de configuration ne peut pas être lu\u00a0: il n’existe pas"},
		{model.SiteError{Kind: model.SiteOneLanguage, Path: "h.toml", Lang: "en"}, "h.toml: the site has one language (en): jobtui edits two side by side", "h.toml : le site n’a qu’une langue (en) : jobtui en modifie deux côte à côte"},
		{model.SiteError{Kind: model.SiteDisabledLang, Path: "h.toml", Lang: "de", Enabled: []string{"en", "fr"}}, `h.toml: the configuration disables the language "de" (it names: en, fr)`, "h.toml : la configuration désactive la langue « de » (elle nomme : en, fr)"},
		{model.SiteError{Kind: model.SiteSectionMissing, Path: "/s", Section: "jobs", Mounts: []string{"content"}, Like: []string{"en/jobs", "fr/jobs"}}, "/s: the section jobs is not in the content tree, which Hugo reads from content; it holds en/jobs, fr/jobs (try --section en/jobs, or set each language's contentDir)", "/s : la section jobs n’est pas dans l’arborescence du contenu, que Hugo lit dans content ; elle contient en/jobs, fr/jobs (essayez --section en/jobs, ou réglez le contentDir de chaque langue)"},
		{model.SiteError{Kind: model.SiteNoContent, Path: "/s", Mounts: []string{"content/en", "content/fr"}, Err: model.ErrNoContent}, "/s: none of the content folders exists: content/en, content/fr", "/s : aucun des dossiers de contenu n’existe : content/en, content/fr"},
	} {
		if got := ErrorText(For(EN), &c.e); !strings.Contains(got, c.en) {
			t.Errorf("kind %d in English: %q, want %q", c.e.Kind, got, c.en)
		}
		if got := ErrorText(For(FR), &c.e); !strings.Contains(got, c.fr) {
			t.Errorf("kind %d in French: %q, want %q", c.e.Kind, got, c.fr)
		}
	}
}

// A value no way of writing keeps within the front matter's bounds is
// said in each language, with the file, the field and the bounds.
func TestUnwritableText(t *testing.T) {
	err := fmt.Errorf("edit x: %w", &model.UnwritableError{Path: "content/fr/careers/dev.md", Field: "title"})
	for lang, want := range map[Lang]string{
		EN: "content/fr/careers/dev.md: the new value of title cannot be written into the front matter: it would be too long or too deeply nested (at most 64 KB, 2000 lines and 16 brackets open at once); nothing was written",
		FR: "content/fr/careers/dev.md\u00a0: impossible d’écrire la nouvelle valeur de title dans l’en-tête : elle serait trop longue ou trop imbriquée (au plus 64 Ko, 2000 lignes et 16 crochets ouverts à la fois) ; rien n’a été écrit",
	} {
		if got := ErrorText(For(lang), err); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
}
