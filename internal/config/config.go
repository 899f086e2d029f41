// Package config reads jobtui's two settings files: the team's, committed
// with the site (.jobtui.yaml at the repository root: how changes are
// published), and the user's own (os.UserConfigDir()/jobtui/config.yaml:
// interface language, default site, background fetch).
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Publish modes.
const (
	PublishDirect      = "direct"       // commit on the current branch, push it
	PublishPullRequest = "pull-request" // commit on a new branch from the base, push it, propose it
)

// Forge kinds, for the pull-request link.
var Forges = []string{"github", "gitlab", "gitea", "forgejo", "bitbucket", "azure"}

// TeamFile is the team's settings file name, at the repository root.
const TeamFile = ".jobtui.yaml"

// Team is how the team publishes changes to postings.
type Team struct {
	Publish string // PublishDirect (default) or PublishPullRequest
	Base    string // the branch proposals target (default: the remote's default branch, else main)
	Remote  string // default: the current branch's upstream remote, else origin
	Forge   string // github, gitlab, gitea, forgejo, bitbucket, azure; default: from the remote's host
	WebURL  string // the forge's web address, for a self-hosted forge
	File    string // where it was read, "" when there is none
}

// Problem says what is wrong with a setting; i18n says it in words.
type Problem int

const (
	NotAllowed Problem = iota // Value is not one of Allowed
	UnknownKey                // Key is not a setting; Allowed lists the settings
	NotAddress                // Value is not an http(s):// address
	NotSingle                 // a list or mapping where one value goes
	NotMapping                // the file is not a mapping of settings
	BadYAML                   // the file is not YAML; Detail is the parser's message
)

// Error is a bad value in a settings file: the file, the line, the key,
// what was found and what is allowed; or in a command-line option (Flag),
// which has no file or line.
type Error struct {
	File    string
	Line    int
	Flag    string // the option the value was given to ("--publish"), instead of File and Line
	Key     string
	Value   string
	Allowed []string
	Problem Problem
	Detail  string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Key)
	if e.Flag != "" {
		s = e.Flag
	}
	if e.Value != "" {
		s += fmt.Sprintf(" %q", e.Value)
	}
	if len(e.Allowed) > 0 {
		s += ": allowed: " + strings.Join(e.Allowed, ", ")
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// LoadTeam reads root/.jobtui.yaml; a missing file is the defaults.
func LoadTeam(root string) (*Team, error) {
	t := &Team{Publish: PublishDirect}
	path := filepath.Join(root, TeamFile)
	doc, err := readMapping(path)
	if errors.Is(err, fs.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return nil, err
	}
	t.File = path
	return t, doc.each(map[string]func(n *yaml.Node) error{
		"publish": func(n *yaml.Node) error {
			return doc.oneOf(n, "publish", &t.Publish, PublishDirect, PublishPullRequest)
		},
		"base":   func(n *yaml.Node) error { return doc.word(n, "base", &t.Base) },
		"remote": func(n *yaml.Node) error { return doc.word(n, "remote", &t.Remote) },
		"forge":  func(n *yaml.Node) error { return doc.oneOf(n, "forge", &t.Forge, Forges...) },
		"web_url": func(n *yaml.Node) error {
			if err := doc.word(n, "web_url", &t.WebURL); err != nil {
				return err
			}
			if !strings.HasPrefix(t.WebURL, "https://") && !strings.HasPrefix(t.WebURL, "http://") {
				return &Error{File: path, Line: n.Line, Key: "web_url", Value: t.WebURL, Problem: NotAddress}
			}
			t.WebURL = strings.TrimRight(t.WebURL, "/")
			return nil
		},
	})
}

// User is one person's settings.
type User struct {
	Lang  string // en or fr; "" follows the environment
	Site  string // the site opened when no --repo is given
	Fetch bool   // fetch in the background when the app starts (default true)
	File  string
}

// UserFile is where the user's settings live.
func UserFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "jobtui", "config.yaml"), nil
}

// LoadUser reads the user's settings file; a missing one is the defaults.
func LoadUser() (*User, error) {
	u := &User{Fetch: true}
	path, err := UserFile()
	if err != nil {
		return u, nil
	}
	doc, err := readMapping(path)
	if errors.Is(err, fs.ErrNotExist) {
		return u, nil
	}
	if err != nil {
		return nil, err
	}
	u.File = path
	return u, doc.each(map[string]func(n *yaml.Node) error{
		"lang": func(n *yaml.Node) error { return doc.oneOf(n, "lang", &u.Lang, "en", "fr") },
		"site": func(n *yaml.Node) error { return doc.word(n, "site", &u.Site) },
		"fetch": func(n *yaml.Node) error {
			var s string
			if err := doc.oneOf(n, "fetch", &s, "true", "false"); err != nil {
				return err
			}
			u.Fetch = s == "true"
			return nil
		},
	})
}

// mapping is a settings file's top-level mapping.
type mapping struct {
	path string
	node *yaml.Node
}

func readMapping(path string) (*mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: line "), "%d", &line)
		}
		return nil, &Error{File: path, Line: line, Problem: BadYAML, Detail: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return &mapping{path: path, node: &yaml.Node{Kind: yaml.MappingNode}}, nil
	}
	n := root.Content[0]
	if n.Kind != yaml.MappingNode {
		return nil, &Error{File: path, Line: n.Line, Problem: NotMapping}
	}
	return &mapping{path: path, node: n}, nil
}

// each calls the setter of every key; an unknown key is an error naming
// the keys allowed.
func (m *mapping) each(setters map[string]func(*yaml.Node) error) error {
	var keys []string
	for k := range setters {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for i := 0; i+1 < len(m.node.Content); i += 2 {
		k, v := m.node.Content[i], m.node.Content[i+1]
		set, ok := setters[k.Value]
		if !ok {
			return &Error{File: m.path, Line: k.Line, Key: k.Value, Problem: UnknownKey, Allowed: keys}
		}
		if err := set(v); err != nil {
			return err
		}
	}
	return nil
}

func (m *mapping) word(n *yaml.Node, key string, dst *string) error {
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		return &Error{File: m.path, Line: n.Line, Key: key, Problem: NotSingle}
	}
	*dst = strings.TrimSpace(n.Value)
	return nil
}

func (m *mapping) oneOf(n *yaml.Node, key string, dst *string, allowed ...string) error {
	if n.Kind == yaml.ScalarNode {
		for _, a := range allowed {
			if n.Value == a {
				*dst = a
				return nil
			}
		}
	}
	return &Error{File: m.path, Line: n.Line, Key: key, Value: n.Value, Allowed: allowed, Problem: NotAllowed}
}

func sortStrings(s []string) { sort.Strings(s) }

// CheckPublish refuses a --publish value that is neither way of
// publishing ("" keeps the team's).
func CheckPublish(mode string) error {
	if mode != "" && mode != PublishDirect && mode != PublishPullRequest {
		return &Error{Flag: "--publish", Key: "publish", Value: mode, Allowed: []string{PublishDirect, PublishPullRequest}}
	}
	return nil
}
