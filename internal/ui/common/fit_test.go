package common

import "testing"

// A path too wide gives up its folders before its file name, then the
// middle of the name: files whose names differ only at the end stay apart.
func TestFitPath(t *testing.T) {
	for _, c := range []struct {
		p    string
		w    int
		want string
	}{
		{"content/en/careers/positions/a.md", 40, "content/en/careers/positions/a.md"},
		{"content/en/careers/positions/administrative-officer.md", 40, "content/en/…/administrative-officer.md"},
		{"content/en/careers/positions/administrative-officer.md", 30, "…/administrative-officer.md"},
		{"content/en/careers/positions/administrative-officer---eaa64e85.md", 30, "…/administrative…--eaa64e85.md"},
		{"a-very-long-name-with-no-folder.md", 20, "a-very-lon…folder.md"},
	} {
		if got := FitPath(c.p, c.w); got != c.want {
			t.Errorf("FitPath(%q, %d) = %q, want %q", c.p, c.w, got, c.want)
		}
	}
}

// A QA run at 80 columns: a French question broke before its "?", which
// began the next line alone ("… 4 fichiers" / "? (o/n)"). The punctuation
// a French space stands before stays with its word, as "«" with the next.
func TestWrapKeepsFrenchPunctuationWithItsWord(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{
		{"Supprimer 1 offre, 4 fichiers ? (o/n)", 30, "Supprimer 1 offre, 4\nfichiers ? (o/n)"},
		{"le titre : « Chef d’équipe »", 16, "le titre :\n« Chef\nd’équipe »"},
		{"a : b ; c ! d", 5, "a :\nb ;\nc ! d"},
	} {
		if got := WrapWords(c.s, c.w); got != c.want {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}
