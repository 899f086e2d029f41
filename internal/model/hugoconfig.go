package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// This file reads a site's configuration the way Hugo 0.111 does
// (hugolib/config.go, config/configLoader.go, langs/config.go,
// modules/config.go): the first of hugo.* / config.* at the root, then the
// configuration folder config/_default and config/<environment>, each file
// merged over the previous ones key by key; keys are read without regard to
// case.

// configBaseNames and configExts are Hugo's root configuration files, in the
// order Hugo looks for them: the first found is the only one read.
var (
	configBaseNames = []string{"hugo", "config"}
	configExts      = []string{"toml", "yaml", "yml", "json"}
)

// configDirName is the configuration folder at the site root.
const configDirName = "config"

// Environment is the Hugo environment whose config/<environment> folder is
// merged over config/_default: HUGO_ENVIRONMENT, else HUGO_ENV, else
// "production" (that of `hugo`, the build).
func Environment() string {
	for _, k := range []string{"HUGO_ENVIRONMENT", "HUGO_ENV"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "production"
}

// Language is one language of the site's configuration.
type Language struct {
	Code       string // lower case, as Hugo keys it
	Weight     int
	ContentDir string // its own contentDir, else the site-wide one; "" when neither is set
	Disabled   bool   // by disableLanguages or its own disabled: true
}

// Mount is a folder of the site mounted into the content tree, with the
// language of the files in it that do not name one in their file name.
type Mount struct {
	Source string // relative to the site root (slash-separated), or absolute
	Target string // where it lands in the content tree: "" for its root
	Lang   string // "" for the default content language
}

// hugoConfig is the merged configuration, every key in lower case.
type hugoConfig struct {
	m     map[string]any
	files []string // the files read, in order
}

// rootConfigFile is the configuration file Hugo reads at root, or "".
func rootConfigFile(root string) string {
	for _, base := range configBaseNames {
		for _, ext := range configExts {
			p := filepath.Join(root, base+"."+ext)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}

// configDirs are the configuration folders Hugo merges, least specific first.
func configDirs(root, env string) []string {
	var out []string
	for _, d := range []string{"_default", env} {
		p := filepath.Join(root, configDirName, d)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			out = append(out, p)
		}
	}
	return out
}

// isConfigFile reports whether Hugo reads name in a configuration folder.
func isConfigFile(name string) bool {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	for _, e := range configExts {
		if e == ext {
			return true
		}
	}
	return false
}

// loadHugoConfig reads and merges the site's configuration files.
func loadHugoConfig(root, env string) (*hugoConfig, error) {
	c := &hugoConfig{m: map[string]any{}}
	if f := rootConfigFile(root); f != "" {
		m, err := readConfigFile(f)
		if err != nil {
			return nil, &SiteError{Kind: SiteConfigUnreadable, Path: f, Reason: "the configuration does not parse", Err: err}
		}
		mergeConfig(c.m, m)
		c.files = append(c.files, f)
	}
	for _, dir := range configDirs(root, env) {
		// Hugo walks the folder (sub-folders too) in lexical order.
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !isConfigFile(d.Name()) {
				return nil
			}
			m, err := readConfigFile(p)
			if err != nil {
				return &SiteError{Kind: SiteConfigUnreadable, Path: p, Reason: "the configuration does not parse", Err: err}
			}
			name := strings.TrimSuffix(d.Name(), filepath.Ext(d.Name()))
			if name != "hugo" && name != "config" {
				// languages.yaml is the value of "languages";
				// languages.fr.yaml that of languages.fr; params.fr.toml
				// and menus.fr.toml those of languages.fr.params / .menus.
				keyPath := []string{name}
				if ext := path.Ext(name); ext != "" {
					base, lang := strings.TrimSuffix(name, ext), ext[1:]
					keyPath = []string{"languages", lang}
					switch base {
					case "menu", "menus":
						keyPath = append(keyPath, "menus")
					case "params":
						keyPath = append(keyPath, "params")
					}
				}
				for i := len(keyPath) - 1; i >= 0; i-- {
					m = map[string]any{keyPath[i]: m}
				}
			}
			mergeConfig(c.m, m)
			c.files = append(c.files, p)
			return nil
		})
		if err != nil {
			var se *SiteError
			if errors.As(err, &se) {
				return nil, se
			}
			return nil, &SiteError{Kind: SiteConfigDirUnreadable, Path: dir, Reason: "cannot read the configuration folder", Err: err}
		}
	}
	if len(c.files) == 0 {
		return nil, &SiteError{Kind: SiteNoConfig, Path: root, Env: env, Reason: "no Hugo configuration here"}
	}
	return c, nil
}

func readConfigFile(p string) (map[string]any, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return decodeConfig(p, data)
}

func decodeConfig(name string, data []byte) (map[string]any, error) {
	cfg := map[string]any{}
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".toml":
		_, err = toml.Decode(string(data), &cfg)
	case ".yaml", ".yml":
		err = yaml.Unmarshal(data, &cfg)
	case ".json":
		err = json.Unmarshal(data, &cfg)
	default:
		err = errors.New("unknown configuration format")
	}
	if cfg == nil {
		cfg = map[string]any{}
	}
	return cfg, err
}

// lowerMap copies a decoded map with its keys in lower case, recursively, as
// Hugo prepares its configuration.
func lowerMap(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, vv := range x {
			out[strings.ToLower(k)] = lowerMap(vv)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, vv := range x {
			out[strings.ToLower(fmt.Sprint(k))] = lowerMap(vv)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, vv := range x {
			out[i] = lowerMap(vv)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, vv := range x {
			out[i] = lowerMap(vv)
		}
		return out
	}
	return v
}

// mergeConfig sets src over dst as Hugo's Params.Set does: a map merges into
// a map key by key, any other value replaces.
func mergeConfig(dst, src map[string]any) {
	for k, v := range src {
		k = strings.ToLower(k)
		v = lowerMap(v)
		if dm, ok := dst[k].(map[string]any); ok {
			if sm, ok := v.(map[string]any); ok {
				mergeConfig(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

func (c *hugoConfig) get(keys ...string) any {
	var v any = c.m
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[strings.ToLower(k)]
	}
	return v
}

// siteLanguages reads the languages as langs.LoadLanguageSettings does:
// defaultContentLanguage (default "en"), the languages table, disabled ones
// marked, sorted by weight (a weight of 0 last), then code.
func siteLanguages(c *hugoConfig) (def string, langs []Language, err error) {
	def = strings.ToLower(castString(c.get("defaultContentLanguage")))
	if def == "" {
		def = "en"
	}
	siteContentDir := castString(c.get("contentDir"))
	disable := castStrings(c.get("disableLanguages"))
	table, _ := c.get("languages").(map[string]any)
	if len(table) == 0 {
		return def, []Language{{Code: def, ContentDir: siteContentDir}}, nil
	}
	for _, d := range disable {
		if d == def {
			return "", nil, fmt.Errorf("cannot disable the default language %q (disableLanguages)", def)
		}
	}
	for code, v := range table {
		m, ok := v.(map[string]any)
		if !ok {
			return "", nil, fmt.Errorf("the settings of language %q are not a table", code)
		}
		l := Language{Code: code, ContentDir: siteContentDir}
		if v, ok := m["weight"]; ok {
			l.Weight = castInt(v)
		}
		if v, ok := m["contentdir"]; ok {
			l.ContentDir = path.Clean(filepath.ToSlash(castString(v)))
		}
		if v, ok := m["disabled"]; ok {
			l.Disabled = castBool(v)
		}
		for _, d := range disable {
			if strings.EqualFold(d, code) {
				l.Disabled = true
			}
		}
		langs = append(langs, l)
	}
	// Hugo's order (langs.Languages.Less): by weight, then code, a weight
	// of 0 (none) after the others. Hugo's own comparison is not
	// consistent when weights of 0 mix with others, so that its order then
	// depends on map iteration; this is the order it means.
	sort.Slice(langs, func(i, j int) bool {
		wi, wj := langs[i].Weight, langs[j].Weight
		switch {
		case wi == wj:
			return langs[i].Code < langs[j].Code
		case wi == 0:
			return false
		case wj == 0:
			return true
		}
		return wi < wj
	})
	found := false
	for _, l := range langs {
		found = found || l.Code == def
	}
	if !found {
		return "", nil, fmt.Errorf("defaultContentLanguage %q is none of the languages", def)
	}
	return def, langs, nil
}

// contentMounts are the folders of the content tree, in Hugo's order of
// precedence (when two hold the same file, the first wins): the content
// mounts of module.mounts when there are any; else, when a language has a
// contentDir (its own or the site-wide one), one mount per distinct folder
// with the language of the first language (default language first, then by
// weight) that names it, "content" for a language that names none; else
// "content" itself.
func contentMounts(c *hugoConfig, def string, langs []Language) ([]Mount, error) {
	var mounts []Mount
	if list, ok := c.get("module", "mounts").([]any); ok {
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			target := path.Clean(filepath.ToSlash(castString(m["target"])))
			if target != "content" && !strings.HasPrefix(target, "content/") {
				continue
			}
			for _, k := range []string{"includefiles", "excludefiles"} {
				if m[k] != nil {
					return nil, fmt.Errorf("module.mounts: the content mount of %q filters its files (%s), which jobtui does not read", castString(m["source"]), k)
				}
			}
			src := castString(m["source"])
			if src == "" {
				continue
			}
			mounts = append(mounts, Mount{Source: cleanSource(src), Target: strings.TrimPrefix(strings.TrimPrefix(target, "content"), "/"), Lang: strings.ToLower(castString(m["lang"]))})
		}
		if len(mounts) > 0 {
			return mounts, nil
		}
	}
	has := false
	for _, l := range langs {
		has = has || l.ContentDir != ""
	}
	if !has {
		return []Mount{{Source: "content"}}, nil
	}
	ordered := append([]Language{}, langs...)
	sort.SliceStable(ordered, func(i, j int) bool { return ordered[i].Code == def && ordered[j].Code != def })
	seen := map[string]bool{}
	for _, l := range ordered {
		dir := l.ContentDir
		if dir == "" {
			dir = "content"
		}
		if seen[dir] {
			continue
		}
		seen[dir] = true
		mounts = append(mounts, Mount{Source: cleanSource(dir), Lang: l.Code})
	}
	return mounts, nil
}

func cleanSource(p string) string {
	p = filepath.ToSlash(p)
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return cleanRel(p)
}

// ignoreFiles are the site's ignoreFiles patterns, matched against a file's
// full path as Hugo does.
func ignoreFiles(c *hugoConfig) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, s := range castStrings(c.get("ignoreFiles")) {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("ignoreFiles %q: %w", s, err)
		}
		out = append(out, re)
	}
	return out, nil
}
