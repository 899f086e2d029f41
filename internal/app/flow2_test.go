package app

import (
	"strings"
	"testing"
)

// User test (flow 2, item 6): the inverse commit of an undo (its commit
// could not be dropped) was only "Unarchive posting …", with no word of
// the commit it takes back. Its body names it, as git revert's does.
func TestInverseCommitSaysWhatItUndoes(t *testing.T) {
	dir := siteRepo(t)
	r := openRepo(t, dir)
	for _, ids := range [][]string{{"dev"}, {"dev", "old"}} {
		opt := ArchiveOptions{Unarchive: len(ids) > 1}
		res, err := Archive(r, openSite(t, dir), ids, opt)
		if err != nil || res.Commit == nil {
			t.Fatalf("archive %v: %v", ids, err)
		}
		writeFile(t, dir, "README.md", "other "+strings.Join(ids, " ")+"\n")
		runGit(t, dir, "commit", "-q", "-am", "other")
		u, err := UndoArchive(r, openSite(t, dir), ids, opt, res, false)
		if err != nil || u.Inverse == nil || u.Inverse.Commit == nil {
			t.Fatalf("undo %v: %+v %v", ids, u, err)
		}
		msg := runGit(t, dir, "log", "-1", "--format=%B")
		full := res.Commit.Hash.String()
		want := "\n\nThis undoes " + full[:7] + " (" + res.Commit.Subject + ").\n\nThis reverts commit " + full + ".\n"
		if !strings.HasSuffix(strings.TrimRight(msg, "\n")+"\n", want) {
			t.Errorf("undo %v: message\n%s\nwant it to end with%s", ids, msg, want)
		}
		if n := strings.Count(msg, "This undoes"); n != 1 {
			t.Errorf("undo %v: %d mentions of the undo", ids, n)
		}
	}
}
