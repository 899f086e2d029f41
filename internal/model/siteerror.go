package model

import (
	"errors"
	"fmt"
)

// SiteErrorKind says why a site cannot be opened, for i18n to say it in the
// user's language; Reason is the English text of logs and tests.
type SiteErrorKind int

const (
	SiteOther               SiteErrorKind = iota
	SiteCannotOpen                        // Path cannot be opened (Err says why)
	SiteNotFolder                         // Path is a file
	SiteNoConfig                          // no Hugo configuration at or above Path (Env)
	SiteConfigUnreadable                  // a configuration file (Path) does not parse or cannot be read (Err)
	SiteConfigDirUnreadable               // the configuration folder Path cannot be read (Err)
	SiteOneLanguage                       // the site has one language, Lang
	SiteLangsNotTwo                       // --langs gave Langs, not two different languages of Enabled
	SiteUnknownLang                       // Lang is not a language of the configuration (Enabled)
	SiteDisabledLang                      // Lang is disabled in the configuration (Enabled)
	SiteSectionOutside                    // Section is not inside the content tree
	SiteSectionMissing                    // Section is not in the content tree read from Mounts; Like end like it
	SiteNoContent                         // none of the content folders Mounts exists
)

// SiteError is a site that cannot be opened: no config found, or a config
// that does not parse, or a language it does not name.
type SiteError struct {
	Kind    SiteErrorKind
	Path    string // the folder or file concerned
	Reason  string
	Err     error
	Env     string   // SiteNoConfig: the environment whose config folder was looked for
	Lang    string   // the language concerned
	Langs   []string // SiteLangsNotTwo: the languages given
	Enabled []string // the languages of the site
	Section string   // the section concerned
	Mounts  []string // the content folders
	Like    []string // SiteSectionMissing: folders of the content tree ending like Section
}

func (e *SiteError) Error() string {
	if e.Err != nil && !errors.Is(e.Err, ErrNoContent) {
		return fmt.Sprintf("%s: %s: %v", e.Path, e.Reason, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

func (e *SiteError) Unwrap() error { return e.Err }
