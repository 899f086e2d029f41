package i18n

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

func TestProblemText(t *testing.T) {
	en, fr := For(EN), For(FR)
	cases := []struct {
		p      model.Problem
		en, fr string
	}{
		{model.Problem{Code: model.CodeMissingTranslation, Args: map[string]string{"lang": "fr"}},
			"no French translation", "aucune traduction en français"},
		{model.Problem{Code: model.CodeDuplicateKey, Args: map[string]string{"n": "2", "lang": "en", "key": "dev"}},
			"2 English files share the translationKey dev", "2 fichiers en anglais partagent la translationKey dev"},
		{model.Problem{Code: model.CodeArchivedMismatch, Args: map[string]string{"archived": "en,fr", "open": "fr"}},
			"archived in English, French but open in French", "archivé en anglais, français mais ouvert en français"},
		{model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"line": "3", "reason": "bad"}},
			"front matter cannot be read: line 3: bad", "en-tête illisible : ligne 3 : bad"},
		{model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"line": "", "reason": "denied"}},
			"the file cannot be read: denied", "le fichier ne peut pas être lu : denied"},
		{model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"limit": "size", "kb": "256"}},
			F(en.Check.FrontMatterTooLarge, "kb", "256"), F(fr.Check.FrontMatterTooLarge, "kb", "256")},
		{model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"limit": "lines", "lines": "2000"}},
			"front matter too long: over 2000 lines, not read", "en-tête trop long : plus de 2000 lignes, non lu"},
		{model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"limit": "depth", "levels": "64", "line": "7"}},
			F(en.Check.FrontMatterTooDeep, "levels", "64", "line", "7"), F(fr.Check.FrontMatterTooDeep, "levels", "64", "line", "7")},
		{model.Problem{Code: model.CodeUnsupportedFrontMatter, Args: map[string]string{"format": ""}},
			en.Check.NoFrontMatter, fr.Check.NoFrontMatter},
		{model.Problem{Code: model.CodeUnsupportedFrontMatter, Args: map[string]string{"format": "JSON"}},
			"unsupported front matter (JSON): only YAML (---) and TOML (+++) are read", "en-tête non pris en charge (JSON) : seuls YAML (---) et TOML (+++) sont lus"},
		{model.Problem{Code: model.CodeMissingField, Args: map[string]string{"field": model.KeyTitle}}, "no title", "aucun titre"},
		{model.Problem{Code: model.CodeMissingField, Args: map[string]string{"field": model.KeyDescription}}, "no description", "aucune description"},
		{model.Problem{Code: model.CodeStructureMismatch, Args: map[string]string{"itemsA": "9", "itemsB": "2"}},
			"the two languages differ: 9 list items in English, 2 in French", "les deux langues diffèrent : 9 éléments de liste en anglais, 2 en français"},
		{model.Problem{Code: model.CodeStructureMismatch, Args: map[string]string{"headingsA": "4", "headingsB": "0", "itemsA": "9", "itemsB": "2"}},
			"the two languages differ: 4 headings in English, 0 in French; 9 list items in English, 2 in French",
			"les deux langues diffèrent : 4 titres en anglais, 0 en français; 9 éléments de liste en anglais, 2 en français"},
		{model.Problem{Code: model.CodeWrongLanguage, Args: map[string]string{"lang": "fr", "other": "en", "own": "3", "theirs": "30"}},
			"the body reads as English, not French (3 French and 30 English common words)",
			"le texte semble en anglais, pas en français (3 mots courants en français, 30 en anglais)"},
	}
	for _, c := range cases {
		if got := ProblemText(en, c.p); got != c.en {
			t.Errorf("%s EN = %q, want %q", c.p.Code, got, c.en)
		}
		if got := ProblemText(fr, c.p); got != c.fr {
			t.Errorf("%s FR = %q, want %q", c.p.Code, got, c.fr)
		}
	}
}

// Every code the checks produce has words of its own in both languages.
func TestEveryProblemCodeHasWords(t *testing.T) {
	codes := []string{model.CodeMissingTranslation, model.CodeDuplicateKey, model.CodeArchivedMismatch, model.CodeMissingKey,
		model.CodeInvalidFrontMatter, model.CodeUnsupportedFrontMatter, model.CodeMissingField, model.CodeLeverIDMismatch,
		model.CodeInvalidLeverID, model.CodeStructureMismatch, model.CodeWrongLanguage, model.CodeStaleTranslation}
	for _, code := range codes {
		p := model.Problem{Code: code, Args: map[string]string{"lang": "en", "other": "fr", "format": "X", "line": "1"}}
		e, f := ProblemText(For(EN), p), ProblemText(For(FR), p)
		if e == code || f == code || e == f || strings.Contains(e+f, "{") {
			t.Errorf("%s: %q / %q", code, e, f)
		}
		// The short name: the code in English (scripts and habits read
		// it), words in French.
		if en, fr := ProblemName(For(EN), code), ProblemName(For(FR), code); en != code || fr == code || fr == "" || strings.Contains(fr, " ") {
			t.Errorf("%s named %q / %q", code, en, fr)
		}
	}
}

// The corpus's problems read in French, and the same problems read in
// English: the language is chosen when rendering.
func TestCorpusProblemsInBothLanguages(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real corpus not found at %s (it lives in ../shared beside the checkout)", dir)
	}
	site, err := model.OpenSite(dir, model.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := model.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range cat.Problems {
		if p.Code == model.CodeMissingTranslation && p.Key == "sr-policy-advisor" {
			found = true
			if got := ProblemText(For(FR), p); got != "aucune traduction en anglais" {
				t.Errorf("French: %q", got)
			}
			if got := ProblemText(For(EN), p); got != "no English translation" {
				t.Errorf("English: %q", got)
			}
		}
		if txt := ProblemText(For(FR), p); txt == "" || txt == p.Code || strings.Contains(txt, "{") {
			t.Errorf("%s %s: %q", p.Code, p.Key, txt)
		}
	}
	if !found {
		t.Error("no missing-translation problem for sr-policy-advisor")
	}
}

func TestErrorText(t *testing.T) {
	fr := For(FR)
	err := fmt.Errorf("archive: %w", &gitops.Error{Kind: gitops.KindUnknownPosting, Paths: []string{"deev"}, Suggestions: []string{"dev"}})
	if got := ErrorText(fr, err); got != "aucune offre avec cette clé ou ce fichier\u00a0: deev\u00a0; vouliez-vous dire : dev" {
		t.Errorf("French: %q", got)
	}
	if got := ErrorText(For(EN), err); got != "no posting with this key or file: deev; did you mean: dev" {
		t.Errorf("English: %q", got)
	}
	if got := ErrorText(fr, &gitops.Error{Kind: gitops.KindRepoUnsupported}); !strings.Contains(got, "l’édition fonctionne") {
		t.Errorf("repository unsupported: %q", got)
	}
	if got := ErrorText(fr, &gitops.Error{Kind: gitops.KindOther, Err: errors.New("disk full")}); got != fr.Git.Failed+"\u00a0: disk full" {
		t.Errorf("other: %q", got)
	}
	if got := ErrorText(fr, errors.New("plain")); got != "plain" {
		t.Errorf("plain error: %q", got)
	}
	// Every kind has words of its own.
	for k := gitops.KindNoRepository; k < gitops.KindCount; k++ {
		if kindText(fr, k) == fr.Git.Failed || kindText(For(EN), k) == For(EN).Git.Failed {
			t.Errorf("kind %v has no words", k)
		}
	}
}

// TestPushNowhereSaysWhy: a push git would not make is refused naming the
// rule and the settings involved, in both languages, every placeholder
// filled, and no git command line (the app shows the same words).
func TestPushNowhereSaysWhy(t *testing.T) {
	plan := &gitops.PushPlan{Branch: "work", Remote: "fork", Dest: "work", Default: "upstream", UpstreamRemote: "origin", Upstream: []string{"main"}}
	for _, tr := range []*Tr{For(EN), For(FR)} {
		seen := map[string]bool{}
		for rule := gitops.PushNothing; rule <= gitops.PushNotMatching; rule++ {
			p := *plan
			p.Refused = rule
			got := ErrorText(tr, &gitops.Error{Kind: gitops.KindPushNowhere, Detail: "fork", Plan: &p})
			if got == tr.Git.PushNowhere || seen[got] || strings.Contains(got, "{") {
				t.Errorf("%s, rule %d: %q", tr.Lang, rule, got)
			}
			for _, command := range []string{"git push", "git branch", "git config", "git fetch", "--set-upstream"} {
				if strings.Contains(got, command) { // the app shows these words too: no command lines
					t.Errorf("%s, rule %d tells the user to run %q: %q", tr.Lang, rule, command, got)
				}
			}
			seen[got] = true
		}
		if got := ErrorText(tr, &gitops.Error{Kind: gitops.KindPushNowhere}); got != tr.Git.PushNowhere {
			t.Errorf("%s, no plan: %q", tr.Lang, got)
		}
	}
	p := *plan
	p.Refused = gitops.PushNotUpstream
	if got := ErrorText(For(EN), &gitops.Error{Kind: gitops.KindPushNowhere, Plan: &p}); !strings.Contains(got, "work is pushed to fork (its pushRemote or remote.pushDefault), not to its upstream's remote (origin)") {
		t.Errorf("not the upstream's remote: %q", got)
	}
}

// TestRejectedOnAForkSaysPullDoesNotHelp: a push rejected by a remote
// pulls do not come from (a fork) says so instead of "pull first".
func TestRejectedOnAForkSaysPullDoesNotHelp(t *testing.T) {
	fork := &gitops.PushPlan{Branch: "work", Remote: "fork", Dest: "work", UpstreamRemote: "origin"}
	for _, tr := range []*Tr{For(EN), For(FR)} {
		got := ErrorText(tr, &gitops.Error{Kind: gitops.KindPushRejected, Detail: "fork", Plan: fork, Output: "remote: no"})
		want := F(tr.Git.PushRejectedFork, "remote", "fork", "dest", "work", "upstreamRemote", "origin") + "\nremote: no"
		if got != want {
			t.Errorf("%s: %q, want %q", tr.Lang, got, want)
		}
		same := *fork
		same.Remote = "origin"
		if got := ErrorText(tr, &gitops.Error{Kind: gitops.KindPushRejected, Detail: "origin", Plan: &same}); got != tr.Git.PushRejected+" (origin)" {
			t.Errorf("%s, on the upstream's remote: %q", tr.Lang, got)
		}
	}
}
