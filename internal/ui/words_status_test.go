package ui

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// The status after archiving several postings agrees with their number
// (user test: "Archivée et validée 733fab2 … : Archive 2 postings").
func TestArchiveStatusAgreesWithItsCount(t *testing.T) {
	fr, en := i18n.For(i18n.FR), i18n.For(i18n.EN)
	res := func(n int, unarchive bool) *app.ArchiveResult {
		r := &app.ArchiveResult{Unarchive: unarchive, Commit: &gitops.CommitResult{Short: "733fab2", Subject: "Archive"}}
		for range n {
			r.Groups = append(r.Groups, &model.Group{})
		}
		return r
	}
	for _, c := range []struct {
		got, want string
	}{
		{archiveStatus(fr, res(1, false)), "Archivée et validée 733fab2"},
		{archiveStatus(fr, res(2, false)), "Archivées et validées 733fab2"},
		{archiveStatus(fr, res(1, true)), "Désarchivée et validée 733fab2"},
		{archiveStatus(fr, res(3, true)), "Désarchivées et validées 733fab2"},
		{archiveStatus(en, res(1, false)), "Archived and committed 733fab2"},
		{archiveStatus(en, res(2, true)), "Unarchived and committed 733fab2"},
	} {
		if !strings.HasPrefix(c.got, c.want) {
			t.Errorf("%q, want it to start with %q", c.got, c.want)
		}
	}
}
