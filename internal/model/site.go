package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// DefaultSection is where the postings live in each language's content folder.
const DefaultSection = "careers/positions"

// DefaultLangs are the two languages edited side by side.
var DefaultLangs = []string{"en", "fr"}

// Site is a Hugo site: its root, configuration and the content folder of each
// language.
type Site struct {
	Root        string            // absolute
	ConfigPath  string            // absolute; "" when the site has no config file
	DefaultLang string            // defaultContentLanguage, "en" when unset
	ContentDir  map[string]string // language -> content folder, relative to Root, slash-separated
	Langs       []string          // the two languages edited side by side
	Section     string            // slash-separated, relative to each content folder
}

// SiteError is a site that cannot be opened: no config found, or a config
// that does not parse, or a language it does not name.
type SiteError struct {
	Path   string // the folder or file concerned
	Reason string
	Err    error
}

func (e *SiteError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Path, e.Reason, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

func (e *SiteError) Unwrap() error { return e.Err }

// configNames are Hugo's configuration files, in the order Hugo looks.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// FindConfig returns the configuration file of the site rooted at dir, or "".
func FindConfig(dir string) string {
	for _, sub := range []string{".", filepath.Join("config", "_default")} {
		for _, n := range configNames {
			p := filepath.Join(dir, sub, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}

// FindRoot walks up from dir to the nearest folder holding a Hugo config.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", &SiteError{Path: dir, Reason: "cannot resolve the folder", Err: err}
	}
	if st, err := os.Stat(abs); err != nil {
		return "", &SiteError{Path: abs, Reason: "cannot open the folder", Err: err}
	} else if !st.IsDir() {
		return "", &SiteError{Path: abs, Reason: "not a folder"}
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
	return "", &SiteError{Path: abs, Reason: "no Hugo site here or in any folder above (looked for hugo.{toml,yaml,yml,json} or config.{toml,yaml,yml,json}, also under config/_default)"}
}

// SiteOptions choose the languages and the section.
type SiteOptions struct {
	Langs   []string // default DefaultLangs
	Section string   // default DefaultSection
}

// OpenSite finds the site at or above dir and reads its configuration.
func OpenSite(dir string, opt SiteOptions) (*Site, error) {
	root, err := FindRoot(dir)
	if err != nil {
		return nil, err
	}
	cfgPath := FindConfig(root)
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		return nil, &SiteError{Path: cfgPath, Reason: "cannot read the configuration", Err: err}
	}
	cfg, err := decodeConfig(cfgPath, data)
	if err != nil {
		return nil, &SiteError{Path: cfgPath, Reason: "the configuration does not parse", Err: err}
	}
	s := &Site{Root: root, ConfigPath: cfgPath, ContentDir: map[string]string{}}
	s.DefaultLang = strings.ToLower(stringOf(lookupFold(cfg, "defaultContentLanguage")))
	if s.DefaultLang == "" {
		s.DefaultLang = "en"
	}
	baseContent := stringOf(lookupFold(cfg, "contentDir"))
	if baseContent == "" {
		baseContent = "content"
	}
	if langs, ok := lookupFold(cfg, "languages").(map[string]any); ok && len(langs) > 0 {
		for code, v := range langs {
			code = strings.ToLower(code)
			dir := ""
			if m, ok := v.(map[string]any); ok {
				dir = stringOf(lookupFold(m, "contentDir"))
			}
			if dir == "" {
				dir = path.Join(baseContent, code)
			}
			s.ContentDir[code] = cleanRel(dir)
		}
	} else {
		s.ContentDir[s.DefaultLang] = cleanRel(baseContent)
	}
	s.Langs = opt.Langs
	if len(s.Langs) == 0 {
		s.Langs = DefaultLangs
	}
	for _, l := range s.Langs {
		if _, ok := s.ContentDir[l]; !ok {
			known := make([]string, 0, len(s.ContentDir))
			for k := range s.ContentDir {
				known = append(known, k)
			}
			sort.Strings(known)
			return nil, &SiteError{Path: cfgPath, Reason: fmt.Sprintf("the configuration names no language %q (it names: %s)", l, strings.Join(known, ", "))}
		}
	}
	s.Section = opt.Section
	if s.Section == "" {
		s.Section = DefaultSection
	}
	s.Section = cleanRel(s.Section)
	if s.Section == "." || strings.HasPrefix(s.Section, "../") {
		return nil, &SiteError{Path: opt.Section, Reason: "the section must be a folder inside the content folder"}
	}
	return s, nil
}

func cleanRel(p string) string {
	return strings.TrimPrefix(path.Clean(filepath.ToSlash(p)), "/")
}

func decodeConfig(name string, data []byte) (map[string]any, error) {
	cfg := map[string]any{}
	var err error
	switch filepath.Ext(name) {
	case ".toml":
		_, err = toml.Decode(string(data), &cfg)
	case ".yaml", ".yml":
		err = yaml.Unmarshal(data, &cfg)
	case ".json":
		err = json.Unmarshal(data, &cfg)
	default:
		err = errors.New("unknown configuration format")
	}
	return cfg, err
}

// lookupFold reads a key as Hugo does: case-insensitively.
func lookupFold(m map[string]any, key string) any {
	if v, ok := m[key]; ok {
		return v
	}
	for k, v := range m {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func stringOf(v any) string {
	s, _ := v.(string)
	return s
}

// SectionDir is the folder of the postings of lang, relative to Root.
func (s *Site) SectionDir(lang string) string {
	return path.Join(s.ContentDir[lang], s.Section)
}

// Abs turns a site-relative slash path into an absolute path.
func (s *Site) Abs(rel string) string {
	return filepath.Join(s.Root, filepath.FromSlash(rel))
}
