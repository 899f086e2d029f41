package model

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// DefaultSection is where the postings live in each language's content folder.
const DefaultSection = "careers/positions"

// Site is a Hugo site: its root, configuration, languages and content
// mounts, and the two languages edited side by side.
type Site struct {
	Root        string   // absolute
	ConfigPath  string   // absolute; the first configuration file read
	ConfigFiles []string // absolute; every configuration file read, in order
	Environment string   // whose config/<environment> folder was merged
	DefaultLang string   // defaultContentLanguage, "en" when unset
	Languages   []Language
	Mounts      []Mount           // content mounts, first wins
	ContentDir  map[string]string // language -> the content folder its new files go to, relative to Root
	Langs       []string          // the two languages edited side by side
	Section     string            // slash-separated, relative to the content tree; "." for all of it

	knownLangs map[string]bool // every configured language, also disabled: read in file names
	enabled    map[string]bool
	taxonomies map[string]bool
	ignore     []*regexp.Regexp
}

// FindConfig returns the first configuration file of the site rooted at dir
// (the root file, else the first file of its configuration folder), or "".
func FindConfig(dir string) string {
	if f := rootConfigFile(dir); f != "" {
		return f
	}
	for _, d := range configDirs(dir, Environment()) {
		first := ""
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && first == "" && !e.IsDir() && isConfigFile(e.Name()) {
				first = p
			}
			return nil
		})
		if first != "" {
			return first
		}
	}
	return ""
}

// FindRoot walks up from dir to the nearest folder holding a Hugo config.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", &SiteError{Kind: SiteCannotOpen, Path: dir, Reason: "cannot resolve the folder", Err: err}
	}
	if st, err := os.Stat(abs); err != nil {
		return "", &SiteError{Kind: SiteCannotOpen, Path: abs, Reason: "cannot open the folder", Err: err}
	} else if !st.IsDir() {
		return "", &SiteError{Kind: SiteNotFolder, Path: abs, Reason: "not a folder"}
	}
	for d := abs; ; {
		if FindConfig(d) != "" {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", &SiteError{Kind: SiteNoConfig, Path: abs, Env: Environment(), Reason: "no Hugo site here or in any folder above (looked for hugo.{toml,yaml,yml,json} or config.{toml,yaml,yml,json}, and for the folders config/_default and config/" + Environment() + ")"}
}

// SiteOptions choose the languages and the section.
type SiteOptions struct {
	Langs   []string // default: the default content language and the next by weight
	Section string   // default DefaultSection; "." for the whole content tree
}

// OpenSite finds the site at or above dir and reads its configuration.
func OpenSite(dir string, opt SiteOptions) (*Site, error) {
	root, err := FindRoot(dir)
	if err != nil {
		return nil, err
	}
	env := Environment()
	cfg, err := loadHugoConfig(root, env)
	if err != nil {
		return nil, err
	}
	s := &Site{Root: root, ConfigPath: cfg.files[0], ConfigFiles: cfg.files, Environment: env, ContentDir: map[string]string{},
		knownLangs: map[string]bool{}, enabled: map[string]bool{}, taxonomies: map[string]bool{}}
	if err := s.readConfig(cfg); err != nil {
		return nil, err
	}
	if err := s.chooseSection(opt.Section); err != nil {
		return nil, err
	}
	if err := s.chooseLangs(opt.Langs); err != nil {
		return nil, err
	}
	for _, l := range s.enabledCodes() {
		s.ContentDir[l] = s.mountFor(l).Source
	}
	return s, nil
}

// configError is a *SiteError that names the configuration files.
func (s *Site) configError(kind SiteErrorKind, reason string, err error) *SiteError {
	return &SiteError{Kind: kind, Path: strings.Join(s.ConfigFiles, ", "), Reason: reason, Err: err}
}

// readConfig reads the languages (known and enabled), the content mounts,
// the files to ignore and the taxonomies (tags and categories by default).
func (s *Site) readConfig(cfg *hugoConfig) error {
	def, langs, err := siteLanguages(cfg)
	if err != nil {
		return s.configError(SiteConfigUnreadable, "the languages cannot be read", err)
	}
	s.DefaultLang = def
	for _, l := range langs {
		s.knownLangs[l.Code] = true
		if !l.Disabled {
			s.enabled[l.Code] = true
			s.Languages = append(s.Languages, l)
		}
	}
	if s.Mounts, err = contentMounts(cfg, def, langs); err != nil {
		return s.configError(SiteConfigUnreadable, "the content mounts cannot be read", err)
	}
	if s.ignore, err = ignoreFiles(cfg); err != nil {
		return s.configError(SiteConfigUnreadable, "the configuration does not parse", err)
	}
	if tx, ok := cfg.get("taxonomies").(map[string]any); ok {
		for _, v := range tx {
			s.taxonomies[castString(v)] = true
		}
	} else if cfg.get("taxonomies") == nil {
		s.taxonomies["tags"], s.taxonomies["categories"] = true, true
	}
	return nil
}

// chooseSection sets the section (DefaultSection when none is given),
// which must be a folder inside the content tree.
func (s *Site) chooseSection(section string) error {
	s.Section = section
	if s.Section == "" {
		s.Section = DefaultSection
	}
	s.Section = cleanRel(s.Section)
	if strings.HasPrefix(s.Section, "../") || s.Section == ".." {
		return &SiteError{Kind: SiteSectionOutside, Path: section, Section: section, Reason: "the section must be a folder inside the content tree (\".\" for all of it)"}
	}
	return nil
}

// enabledCodes are the codes of the enabled languages, by weight.
func (s *Site) enabledCodes() []string {
	enabled := make([]string, 0, len(s.Languages))
	for _, l := range s.Languages {
		enabled = append(enabled, l.Code)
	}
	return enabled
}

// chooseLangs sets the two edited languages: those given (--langs), else
// the default content language and the next by weight. They must be two
// different enabled languages of the site.
func (s *Site) chooseLangs(given []string) error {
	def, enabled := s.DefaultLang, s.enabledCodes()
	s.Langs = given
	if len(s.Langs) == 0 {
		s.Langs = []string{def}
		for _, l := range enabled {
			if l != def {
				s.Langs = append(s.Langs, l)
				break
			}
		}
		if len(s.Langs) < 2 {
			e := s.configError(SiteOneLanguage, fmt.Sprintf("the site has one language (%s): jobtui edits two side by side", def), nil)
			e.Lang = def
			return e
		}
	}
	s.Langs = append([]string{}, s.Langs...)
	for i, l := range s.Langs {
		s.Langs[i] = strings.ToLower(strings.TrimSpace(l))
	}
	if len(s.Langs) != 2 || s.Langs[0] == s.Langs[1] {
		e := s.configError(SiteLangsNotTwo, fmt.Sprintf("--langs names %q: it must name two different languages of the site (%s)", strings.Join(s.Langs, ","), strings.Join(enabled, ", ")), nil)
		e.Langs, e.Enabled = s.Langs, enabled
		return e
	}
	for _, l := range s.Langs {
		if !s.enabled[l] {
			kind, why := SiteUnknownLang, "names no language"
			if s.knownLangs[l] {
				kind, why = SiteDisabledLang, "disables the language"
			}
			e := s.configError(kind, fmt.Sprintf("the configuration %s %q (it names: %s)", why, l, strings.Join(enabled, ", ")), nil)
			e.Lang, e.Enabled = l, enabled
			return e
		}
	}
	return nil
}

// mountFor is the content mount where new pages of lang go: the first with
// that language covering the section, else the first of the default
// language (whose files name their language).
func (s *Site) mountFor(lang string) Mount {
	covers := func(m Mount) bool {
		return m.Target == "" || s.Section == m.Target || strings.HasPrefix(s.Section, m.Target+"/")
	}
	mountLang := func(m Mount) string {
		if m.Lang == "" {
			return s.DefaultLang
		}
		return m.Lang
	}
	for _, want := range []string{lang, s.DefaultLang} {
		for _, m := range s.Mounts {
			if mountLang(m) == want && covers(m) {
				return m
			}
		}
	}
	if len(s.Mounts) > 0 {
		return s.Mounts[0]
	}
	return Mount{Source: "content"}
}

// NewPostingName is the file name of a new posting of lang named base: in a
// folder of another language, the language goes in the name (x.fr.md).
func (s *Site) NewPostingName(lang, base string) string {
	m := s.mountFor(lang)
	ml := m.Lang
	if ml == "" {
		ml = s.DefaultLang
	}
	if ml != lang {
		return base + "." + lang + ".md"
	}
	return base + ".md"
}

func cleanRel(p string) string {
	return strings.TrimPrefix(path.Clean(filepath.ToSlash(p)), "/")
}

// SectionDir is the folder where new postings of lang go, relative to Root.
func (s *Site) SectionDir(lang string) string {
	m := s.mountFor(lang)
	rel := s.Section
	if m.Target != "" {
		rel = strings.TrimPrefix(strings.TrimPrefix(s.Section, m.Target), "/")
	}
	return path.Join(m.Source, rel)
}

// InSection reports whether a path of the content tree lies in the section.
func (s *Site) InSection(contentPath string) bool {
	return s.Section == "." || strings.HasPrefix(contentPath, s.Section+"/")
}

// SectionRel is a path of the content tree relative to the section.
func (s *Site) SectionRel(contentPath string) string {
	if s.Section == "." {
		return contentPath
	}
	return strings.TrimPrefix(contentPath, s.Section+"/")
}

// Abs turns a site-relative slash path into an absolute path.
func (s *Site) Abs(rel string) string {
	return filepath.Join(s.Root, filepath.FromSlash(rel))
}
