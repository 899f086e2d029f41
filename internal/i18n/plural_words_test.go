package i18n

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// Counts agree with their nouns and participles in both languages (user
// test, item 9: "1 ligne modifiées", "Removed 2 file(s)", "waiting for
// today").
func TestCountsAgree(t *testing.T) {
	en, fr := For(EN), For(FR)
	h := StaleHeader{Source: "en", Lang: "fr", Lines: 1, Since: "2023-05-01", Hash: "1a2b3c4"}
	for _, c := range []struct {
		got, want string
	}{
		{ReviewHeader(fr, h), "Anglais : 1 ligne modifiée depuis la dernière mise à jour en français, le 2023-05-01 (commit 1a2b3c4) ; en attente depuis aujourd’hui"},
		{ReviewHeader(en, h), "English changed 1 line since the French was last updated on 2023-05-01 (commit 1a2b3c4); waiting since today"},
		{ReviewHeader(fr, StaleHeader{Source: "en", Lang: "fr", Lines: 3, Days: 1, Reviewed: true}), "3 lignes modifiées depuis la dernière révision en français"},
		{ReviewHeader(fr, StaleHeader{Source: "en", Lang: "fr", Lines: 3, Days: 1}), "; en attente depuis 1 jour"},
		{ReviewHeader(en, StaleHeader{Source: "en", Lang: "fr", Lines: 2, Days: 12}), "English changed 2 lines since"},
		{ReviewHeader(en, StaleHeader{Source: "en", Lang: "fr", Lines: 2, Days: 12}), "; waiting for 12 days"},
		{ReviewHeader(en, StaleHeader{Source: "en", Lang: "fr", Lines: -1, Days: 1}), "English changed ? lines since"},
		{RemovedText(en, 1, "abc Remove"), "Removed 1 file: abc Remove"},
		{RemovedText(en, 2, "abc Remove"), "Removed 2 files: abc Remove"},
		{RemovedText(fr, 1, "abc Remove"), "1 fichier supprimé : abc Remove"},
		{RemovedText(fr, 6, "abc Remove"), "6 fichiers supprimés : abc Remove"},
		{PullText(en, pulled(1, []string{"a"})), "main fast-forwarded to origin/main: 1 new commit, 1 file changed."},
		{PullText(en, pulled(2, []string{"a", "b"})), "2 new commits, 2 files changed."},
		{PullText(fr, pulled(1, []string{"a"})), "main avancée jusqu’à origin/main : 1 nouveau commit, 1 fichier modifié."},
		{PullText(fr, pulled(3, []string{"a", "b"})), "3 nouveaux commits, 2 fichiers modifiés."},
		{ProblemText(fr, stale("0", "true")), "anglais : 0 ligne modifiée depuis la dernière révision en français, le 2023-05-01"},
		{ProblemText(fr, stale("1", "")), "anglais : 1 ligne modifiée depuis la dernière mise à jour en français, le 2023-05-01"},
		{ProblemText(en, stale("0", "")), "English changed 0 lines since the French was last updated on 2023-05-01"},
		{ProblemText(en, stale("4", "true")), "English changed 4 lines since the French was last reviewed on 2023-05-01"},
		{ProblemText(en, stale("", "")), "English changed since the French was last updated on 2023-05-01"},
		{LineCount(fr, 1) + "|" + LineCount(en, 1) + "|" + LineCount(en, 4), "1 ligne|1 line|4 lines"},
		{Age(en, 0) + "|" + Age(en, 1) + "|" + Age(fr, 5), "today|1 day|5 jours"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%q, want %q", c.got, c.want)
		}
		if strings.Contains(c.got, "(s)") || strings.Contains(c.got, "1 ligne modifiées") {
			t.Errorf("%q does not agree with its count", c.got)
		}
	}
}

func stale(lines, reviewed string) model.Problem {
	return model.Problem{Code: model.CodeStaleTranslation, Args: map[string]string{"lang": "fr", "other": "en", "since": "2023-05-01", "lines": lines, "reviewed": reviewed}}
}

func pulled(behind int, files []string) *gitops.PullResult {
	r := &gitops.PullResult{Files: files}
	r.Branch, r.Upstream, r.Behind = "main", "origin/main", behind
	return r
}

// A list of branches agrees with its length (one merged branch is not
// "the merged branches").
func TestBranchListsAgree(t *testing.T) {
	en, fr := For(EN), For(FR)
	for _, c := range []struct{ got, want string }{
		{en.N(en.Publish.Cleaned, 1, "names", "a"), "Deleted the merged branch: a"},
		{en.N(en.Publish.Cleaned, 2, "names", "a, b"), "Deleted the merged branches: a, b"},
		{fr.N(fr.Publish.Cleaned, 1, "names", "a"), "Branche fusionnée supprimée : a"},
		{fr.N(fr.Publish.Cleaned, 2, "names", "a, b"), "Branches fusionnées supprimées : a, b"},
		{en.N(en.Publish.MergedBranches, 1, "names", "a"), "Merged proposal whose branch can go (jobtui proposals --clean): a"},
		{fr.N(fr.Publish.MergedBranches, 1, "names", "a"), "Proposition fusionnée dont la branche peut partir (jobtui proposals --clean) : a"},
		{fr.N(fr.Publish.MergedBranches, 2, "names", "a, b"), "Propositions fusionnées dont les branches peuvent partir (jobtui proposals --clean) : a, b"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
