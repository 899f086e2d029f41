package app

import "testing"

// The default messages of an archive, an unarchive and a removal name
// each posting by its key and its titles in every language: one in the
// subject, several a line each below a subject that counts them (the
// archive's also lists the keys), and a branch name for a proposal made
// of the subject.
func TestDefaultMessagesNamePostings(t *testing.T) {
	cat := loadSite(t, siteRepo(t))
	one, err := ResolveGroups(cat, []string{"dev"})
	if err != nil {
		t.Fatal(err)
	}
	two, err := ResolveGroups(cat, []string{"dev", "old"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{ArchiveMessage(cat, one, false), "Archive posting dev: Developer / Chef d’équipe"},
		{ArchiveMessage(cat, one, true), "Unarchive posting dev: Developer / Chef d’équipe"},
		{ArchiveMessage(cat, two, false), "Archive 2 postings: dev, old\n\n- dev: Developer / Chef d’équipe\n- old: Old / Vieux\n"},
		{DeleteMessage(cat, one), "Remove posting dev: Developer / Chef d’équipe"},
		{DeleteMessage(cat, two), "Remove 2 postings\n\n- dev: Developer / Chef d’équipe\n- old: Old / Vieux\n"},
		{slug("Archive posting dev: Developer / Chef d’équipe"), "archive-posting-dev-developer-chef-d-equipe"},
		{slug("Été 2026 — Œuvre\tß"), "ete-2026-uvre"},
		{slug("¿¡!?"), "posting"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
