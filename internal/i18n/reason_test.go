package i18n

import (
	"errors"
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/model"
)

// TestFrontMatterReasonsInPlainWords: each broken front matter below is
// read by the model as jobtui reads a posting, and the YAML library's
// message (in English, for people who write YAML), or the model's own
// where the lines tell more, comes out as what is wrong and how to mend
// it, in both languages, at the line the model gives. A new wording of the
// library makes its case fail here.
func TestFrontMatterReasonsInPlainWords(t *testing.T) {
	cases := []struct {
		name, front, line string
		en, fr            string
	}{
		// TOML, between +++
		{"toml unclosed quote", "+++\ntitle = 'Analyste\ndescription = \"x\"\n", "2", "a quote (' or \") opened here is never closed", "un guillemet (' ou \") ouvert ici n’est jamais fermé"},
		{"toml unclosed triple quote", "+++\ntitle = \"\"\"x\n", "2", "a quote (' or \") opened here is never closed", "un guillemet (' ou \") ouvert ici n’est jamais fermé"},
		{"toml twice", "+++\ntitle = \"x\"\ntitle = \"y\"\n", "3", "the field title appears twice", "le champ title figure deux fois"},
		{"toml colon", "+++\ntitle: \"x\"\n", "2", "in TOML (front matter between +++), a field is written name = value, with =", "en TOML (en-tête entre +++), un champ s’écrit nom = valeur, avec ="},
		{"toml bare value", "+++\narchived = yes\n", "2", "a value must be in quotes, unless it is a number, true or false", "une valeur doit être entre guillemets, sauf un nombre, true ou false"},
		{"toml after value", "+++\ntitle = \"x\" extra\n", "2", "something follows the value on its line", "quelque chose suit la valeur sur sa ligne"},
		{"toml escape", "+++\ntitle = \"a\\qb\"\n", "2", `a backslash inside a value in double quotes: write \\ or put`, `une barre oblique inverse dans une valeur entre guillemets : écrivez \\ ou mettez`},
		{"toml section", "+++\n[params\ntitle = \"x\"\n", "3", "a [section] name is not closed with ]", "un nom de [section] n’est pas fermé par ]"},
		// YAML, between ---
		{"unclosed quote", "title: 'Analyste\ndescription: x\n", "2", "a quote (' or \") opened here is never closed", "un guillemet (' ou \") ouvert ici n’est jamais fermé"},
		{"unclosed quote below a block scalar", "description: |\n  Profil: \"senior\ntitle: 'Dev\n", "4", "a quote (' or \") opened here is never closed", "un guillemet (' ou \") ouvert ici n’est jamais fermé"},
		{"unclosed quote, line not found", "tags: ['a, b]\ndescription: x\n", "4", "a quote (' or \") opened above is never closed", "un guillemet (' ou \") ouvert plus haut n’est jamais fermé"},
		{"colon in a value", "title: Analyst: security\n", "2", "a colon followed by a space inside a value", "deux-points suivis d’une espace dans une valeur"},
		{"tab", "title: x\n\tdescription: y\n", "3", "a tab is used to indent", "une tabulation sert d’indentation"},
		{"tab on the first line", "\ttitle: x\n", "2", "a tab is used to indent", "une tabulation sert d’indentation"},
		{"tab below a quoted value", "title: 'x'\n\tdescription: y\n", "3", "a tab is used to indent", "une tabulation sert d’indentation"},
		{"unknown escape", "title: \"C:\\new\\dir\"\n", "2", `a backslash inside a value in double quotes: write \\ or put`, `une barre oblique inverse dans une valeur entre guillemets : écrivez \\ ou mettez`},
		{"escape without its number", "layout: job\ntitle: \"C:\\Users\"\n", "3", `a backslash inside a value in double quotes: write \\ or put`, `une barre oblique inverse dans une valeur entre guillemets : écrivez \\ ou mettez`},
		{"no colon", "title: x\ndescription\narchived: false\n", "3", "a line without a colon", "une ligne sans deux-points"},
		{"twice", "title: x\ntitle: y\n", "3", "the field title appears twice (also at line 2)", "le champ title figure deux fois (aussi à la ligne 2)"},
		{"reserved", "title: @x\n", "2", "a value starts with a character YAML keeps for itself", "une valeur commence par un caractère que YAML se réserve"},
		{"star", "title: *x\n", "2", "a value starts with *", "une valeur commence par *"},
		{"apostrophe", "title: 'Chef d'équipe'\n", "2", "a line is not indented like the fields around it, text follows a quoted value", "une ligne n’est pas indentée comme les champs voisins, du texte suit une valeur entre guillemets"},
		{"text after quotes", "title: \"Chief of Staff\" (2026)\n", "2", "a line is not indented like the fields around it, text follows a quoted value (\"A\" (B): quote it whole)", "une ligne n’est pas indentée comme les champs voisins, du texte suit une valeur entre guillemets (\"A\" (B) : mettez le tout entre guillemets)"},
		{"list", "title: [a, b\n", "2", "a list opened with [ is never closed with ]", "une liste ouverte par [ n’est jamais fermée par ]"},
		{"map", "title: {a: b\n", "2", "a group opened with { is never closed with }", "un groupe ouvert par { n’est jamais fermé par }"},
		{"list item", "tags:\n  - a\n  b: c\n", "2", "a list item is not lined up with the others", "un élément de liste n’est pas aligné sur les autres"},
		{"not fields", "- a\n- b\n", "2", "the front matter is not a set of name: value fields", "l’en-tête n’est pas une suite de champs nom: valeur"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := "---\n" + c.front + "---\nBody\n"
			if strings.HasPrefix(c.front, "+++\n") {
				doc = c.front + "+++\nBody\n"
			}
			_, err := model.Parse([]byte(doc))
			var pe *model.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("parse: %v, want a ParseError", err)
			}
			p := model.ParseProblem(pe)
			for tr, want := range map[*Tr]string{For(EN): "line " + c.line + ": " + c.en, For(FR): "ligne " + c.line + " : " + c.fr} {
				got := ProblemText(tr, p)
				if !strings.Contains(got, want) {
					t.Errorf("%s: %q, want %q (the library said %q)", tr.Lang, got, want, pe.Reason)
				}
			}
		})
	}
	// A message it does not know is shown as the library gave it.
	p := model.Problem{Code: model.CodeInvalidFrontMatter, Args: map[string]string{"line": "3", "reason": "something new"}}
	if got := ProblemText(For(FR), p); got != "en-tête illisible : ligne 3 : something new" {
		t.Errorf("unknown reason: %q", got)
	}
}

// TestExactReasonsAreATable: the preview words a broken file's reason on
// every redraw; the table of whole messages is built once, so wording one
// allocates nothing (it built a map of eighteen entries on each call).
func TestExactReasonsAreATable(t *testing.T) {
	for _, tr := range []*Tr{For(EN), For(FR)} {
		want := tr.Reason.BadIndent
		var got string
		allocs := testing.AllocsPerRun(100, func() { got = plainPart(&tr.Reason, "did not find expected key") })
		if got != want {
			t.Errorf("plainPart = %q, want %q", got, want)
		}
		if allocs != 0 {
			t.Errorf("wording a known reason allocates %.0f times a call, want 0", allocs)
		}
	}
}

func BenchmarkPlainReason(b *testing.B) {
	tr := For(FR)
	b.ReportAllocs()
	for b.Loop() {
		plainReason(tr, "did not find expected key")
	}
}
