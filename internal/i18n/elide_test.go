package i18n

import (
	"strings"
	"testing"
)

// User test: "la branche postings/x de origin" where French writes
// "d’origin". A value that starts with a vowel elides the word before it;
// an h (remotes and branches are English words: an aspirated h), a y, a
// consonant, a digit or a sign do not.
func TestElide(t *testing.T) {
	for _, c := range []struct{ word, value, want string }{
		{"de", "origin", "d’origin"},
		{"de", "upstream", "d’upstream"},
		{"de", "archive", "d’archive"},
		{"de", "Équipe", "d’Équipe"},
		{"De", "origin", "D’origin"},
		{"le", "upstream", "l’upstream"},
		{"la", "origine", "l’origine"},
		{"que", "origin", "qu’origin"},
		{"de", "heroku", "de heroku"},
		{"de", "hotfix/typo", "de hotfix/typo"},
		{"de", "yarn", "de yarn"},
		{"de", "fork", "de fork"},
		{"de", "main", "de main"},
		{"de", "3", "de 3"},
		{"de", "", "de "},
		{"pour", "origin", "pour origin"},
	} {
		if got := Elide(c.word, c.value); got != c.want {
			t.Errorf("Elide(%q, %q) = %q, want %q", c.word, c.value, got, c.want)
		}
	}
}

// F elides inside a template: at its start, after a space or a guillemet,
// never a word that runs on from a value or another word ("code {x}").
func TestFElides(t *testing.T) {
	for _, c := range []struct{ template, value, want string }{
		{"branche de {x}, vers main", "origin", "branche d’origin, vers main"},
		{"branche de {x}, vers main", "fork", "branche de fork, vers main"},
		{"branche de {x}, vers main", "heroku", "branche de heroku, vers main"},
		{"de {x}", "origin", "d’origin"},
		{"De {x} à main", "upstream", "D’upstream à main"},
		{"« de {x}", "origin", "« d’origin"},
		{"avant le {x}", "2023-05-01", "avant le 2023-05-01"},
		{"code {x}", "origin", "code origin"},
		{"{y}de {x}", "origin", "ade origin"},
		{"plus de {x} lignes", "11", "plus de 11 lignes"},
	} {
		if got := F(c.template, "x", c.value, "y", "a"); got != c.want {
			t.Errorf("F(%q, x=%q) = %q, want %q", c.template, c.value, got, c.want)
		}
	}
}

// Every French template that names a remote or a command after "de"
// comes out elided for origin and archive, whole for fork.
func TestFrenchRemoteNamesElide(t *testing.T) {
	fr := For(FR)
	for name, s := range map[string]string{
		"Publish.Proposed":     F(fr.Publish.Proposed, "branch", "postings/x", "remote", "origin", "base", "main", "subject", "s"),
		"Git.PushNotUpstream":  F(fr.Git.PushNotUpstream, "branch", "main", "remote", "origin", "upstreamRemote", "upstream"),
		"Git.PushRejectedFork": F(fr.Git.PushRejectedFork, "dest", "main", "remote", "fork", "upstreamRemote", "origin"),
		"CLI.HelpFlag":         F(fr.CLI.HelpFlag, "cmd", "archive"),
	} {
		if strings.Contains(s, "de origin") || strings.Contains(s, "de archive") {
			t.Errorf("%s: %q", name, s)
		}
		if !strings.Contains(s, "d’origin") && !strings.Contains(s, "d’archive") {
			t.Errorf("%s is not elided: %q", name, s)
		}
	}
	if s := F(fr.Publish.Proposed, "branch", "b", "remote", "fork", "base", "main", "subject", "s"); !strings.Contains(s, "de fork") {
		t.Errorf("Publish.Proposed with fork: %q", s)
	}
}
