package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestLoadTeam(t *testing.T) {
	dir := t.TempDir()
	if team, err := LoadTeam(dir); err != nil || team.Publish != PublishDirect || team.File != "" {
		t.Fatalf("no file: %+v %v", team, err)
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, TeamFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# how we publish\npublish: pull-request\nbase: production\nforge: gitea\nweb_url: https://git.example.org/\n")
	team, err := LoadTeam(dir)
	if err != nil || team.Publish != PublishPullRequest || team.Base != "production" || team.Forge != "gitea" || team.WebURL != "https://git.example.org" {
		t.Fatalf("%+v %v", team, err)
	}
	cases := []struct {
		text    string
		line    int
		key     string
		problem Problem
	}{
		{"base: main\npublish: pr\n", 2, "publish", NotAllowed},
		{"publish: direct\nforge: sourcehut\n", 2, "forge", NotAllowed},
		{"\n\npublsh: direct\n", 3, "publsh", UnknownKey},
		{"web_url: git.example.org\n", 1, "web_url", NotAddress},
		{"base: [a, b]\n", 1, "base", NotSingle},
		{"- publish\n", 1, "", NotMapping},
		{"publish: direct\n  base: x\n", 2, "", BadYAML},
	}
	for _, c := range cases {
		write(c.text)
		_, err := LoadTeam(dir)
		var e *Error
		if !errors.As(err, &e) || e.Line != c.line || e.Key != c.key || e.Problem != c.problem || e.File != filepath.Join(dir, TeamFile) {
			t.Errorf("%q: %#v", c.text, err)
		}
		if c.problem == NotAllowed && len(e.Allowed) == 0 {
			t.Errorf("%q: no allowed values", c.text)
		}
	}
}

func TestLoadUser(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("HOME", home)
	if u, err := LoadUser(); err != nil || !u.Fetch || u.Lang != "" {
		t.Fatalf("%+v %v", u, err)
	}
	p, _ := UserFile()
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("lang: fr\nfetch: false\nsite: ~/careers\n"), 0o644)
	if u, err := LoadUser(); err != nil || u.Fetch || u.Lang != "fr" || u.Site != "~/careers" {
		t.Fatalf("%+v %v", u, err)
	}
	os.WriteFile(p, []byte("lang: de\n"), 0o644)
	var e *Error
	if _, err := LoadUser(); !errors.As(err, &e) || e.Key != "lang" || e.Line != 1 {
		t.Fatalf("%v", err)
	}
}
