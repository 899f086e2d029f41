package i18n

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/jobtui/jobtui/internal/model"
)

// SiteStrings say why a site cannot be opened (model.SiteError), and the
// common reasons the system gives for a file or folder.
type SiteStrings struct {
	NoFolder            string
	FolderDenied        string
	CannotOpen          string
	NotFolder           string
	NoConfig            string
	ConfigUnreadable    string
	ConfigDirUnreadable string
	OneLanguage         string
	LangsNotTwo         string
	UnknownLang         string
	DisabledLang        string
	SectionOutside      string
	SectionMissing      string
	SectionLike         string
	NoContent           string
	NotFound            string
	Denied              string
}

var siteEN = SiteStrings{
	NoFolder:            "{path}: there is no such folder",
	FolderDenied:        "{path}: you do not have permission to open this folder",
	CannotOpen:          "{path}: cannot open the folder",
	NotFolder:           "{path} is a file, not a folder",
	NoConfig:            "{path}: no Hugo site here or in any folder above (looked for hugo.{toml,yaml,yml,json} or config.{toml,yaml,yml,json}, and for the folders config/_default and config/{env})",
	ConfigUnreadable:    "{path}: the configuration cannot be read",
	ConfigDirUnreadable: "{path}: the configuration folder cannot be read",
	OneLanguage:         "{path}: the site has one language ({lang}): jobtui edits two side by side",
	LangsNotTwo:         "--langs names {langs}: it must name two different languages of the site ({names})",
	UnknownLang:         "{path}: the configuration names no language \"{lang}\" (it names: {names})",
	DisabledLang:        "{path}: the configuration disables the language \"{lang}\" (it names: {names})",
	SectionOutside:      "the section {section} must be a folder inside the content tree (\".\" for all of it)",
	SectionMissing:      "{path}: the section {section} is not in the content tree, which Hugo reads from {mounts}",
	SectionLike:         "; it holds {like} (try --section {first}, or set each language's contentDir)",
	NoContent:           "{path}: none of the content folders exists: {mounts}",
	NotFound:            "it does not exist",
	Denied:              "permission denied",
}

var siteFR = SiteStrings{
	NoFolder:            "{path} : ce dossier n’existe pas",
	FolderDenied:        "{path} : vous n’avez pas la permission d’ouvrir ce dossier",
	CannotOpen:          "{path} : impossible d’ouvrir le dossier",
	NotFolder:           "{path} est un fichier, pas un dossier",
	NoConfig:            "{path} : aucun site Hugo ici ni dans les dossiers au-dessus (fichiers cherchés : hugo.{toml,yaml,yml,json} ou config.{toml,yaml,yml,json}, et dossiers config/_default et config/{env})",
	ConfigUnreadable:    "{path} : la configuration ne peut pas être lue",
	ConfigDirUnreadable: "{path} : le dossier de configuration ne peut pas être lu",
	OneLanguage:         "{path} : le site n’a qu’une langue ({lang}) : jobtui en modifie deux côte à côte",
	LangsNotTwo:         "--langs nomme {langs} : il faut deux langues différentes du site ({names})",
	UnknownLang:         "{path} : la configuration ne nomme aucune langue « {lang} » (elle nomme : {names})",
	DisabledLang:        "{path} : la configuration désactive la langue « {lang} » (elle nomme : {names})",
	SectionOutside:      "la section {section} doit être un dossier de l’arborescence du contenu (« . » pour toute l’arborescence)",
	SectionMissing:      "{path} : la section {section} n’est pas dans l’arborescence du contenu, que Hugo lit dans {mounts}",
	SectionLike:         " ; elle contient {like} (essayez --section {first}, ou réglez le contentDir de chaque langue)",
	NoContent:           "{path} : aucun des dossiers de contenu n’existe : {mounts}",
	NotFound:            "il n’existe pas",
	Denied:              "permission refusée",
}

// SiteErrorText says why a site cannot be opened, in tr's language.
func SiteErrorText(tr *Tr, e *model.SiteError) string {
	t := &tr.Site
	names := strings.Join(e.Enabled, ", ")
	kv := []string{"path", e.Path, "env", e.Env, "lang", e.Lang, "names", names,
		"langs", strings.Join(e.Langs, ","), "section", e.Section, "mounts", strings.Join(e.Mounts, ", ")}
	switch e.Kind {
	case model.SiteCannotOpen:
		switch {
		case errors.Is(e.Err, fs.ErrNotExist):
			return F(t.NoFolder, kv...)
		case errors.Is(e.Err, fs.ErrPermission):
			return F(t.FolderDenied, kv...)
		}
		return withDetail(tr, F(t.CannotOpen, kv...), e.Err)
	case model.SiteNotFolder:
		return F(t.NotFolder, kv...)
	case model.SiteNoConfig:
		return F(t.NoConfig, kv...)
	case model.SiteConfigUnreadable:
		return withDetail(tr, F(t.ConfigUnreadable, kv...), e.Err)
	case model.SiteConfigDirUnreadable:
		return withDetail(tr, F(t.ConfigDirUnreadable, kv...), e.Err)
	case model.SiteOneLanguage:
		return F(t.OneLanguage, kv...)
	case model.SiteLangsNotTwo:
		return F(t.LangsNotTwo, kv...)
	case model.SiteUnknownLang:
		return F(t.UnknownLang, kv...)
	case model.SiteDisabledLang:
		return F(t.DisabledLang, kv...)
	case model.SiteSectionOutside:
		return F(t.SectionOutside, kv...)
	case model.SiteSectionMissing:
		s := F(t.SectionMissing, kv...)
		if len(e.Like) > 0 {
			s += F(t.SectionLike, "like", strings.Join(e.Like, ", "), "first", e.Like[0])
		}
		return s
	case model.SiteNoContent:
		return F(t.NoContent, kv...)
	}
	return e.Error()
}

// withDetail puts after sentence what the system said about err: in the
// user's language when it is common (not found, permission denied), else
// as the system said it.
func withDetail(tr *Tr, sentence string, err error) string {
	if err == nil {
		return sentence
	}
	return sentence + colon(tr) + OSReason(tr, err)
}

// OSReason is the reason of a file system error: "it does not exist" and
// "permission denied" in the user's language, anything rarer as the
// system said it.
func OSReason(tr *Tr, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return tr.Site.NotFound
	case errors.Is(err, fs.ErrPermission):
		return tr.Site.Denied
	}
	return err.Error()
}
