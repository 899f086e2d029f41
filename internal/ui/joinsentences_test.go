package ui

import "testing"

// QA, 3 December: after a commit from the review, "Validé 89fbe7c :
// Update posting ux-designer: body (fr) La traduction est à jour : rien à
// réviser." read as one sentence.
func TestJoinSentences(t *testing.T) {
	for _, c := range []struct{ status, more, want string }{
		{"Validé 89fbe7c : Update posting ux-designer: body (fr)", "La traduction est à jour : rien à réviser.",
			"Validé 89fbe7c : Update posting ux-designer: body (fr). La traduction est à jour : rien à réviser."},
		{"Committed abc.", "Up to date.", "Committed abc. Up to date."},
		{"Done!", "More.", "Done! More."},
		{"Waiting…", "More.", "Waiting… More."},
		{"", "Up to date.", "Up to date."},
	} {
		if got := joinSentences(c.status, c.more); got != c.want {
			t.Errorf("joinSentences(%q, %q) = %q, want %q", c.status, c.more, got, c.want)
		}
	}
}
