package i18n

import (
	"strings"
	"testing"

	"github.com/jobtui/jobtui/internal/gitops"
)

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"Proposed: Archive x", "No link."}, "Proposed: Archive x. No link."},
		{[]string{"Done.", "Next"}, "Done. Next."},
		{[]string{"Really?", "", "Yes!"}, "Really? Yes!"},
		{[]string{"Working…", "o opens it:"}, "Working… o opens it:"},
		{[]string{"", "Proposé sur x ; o ouvre la demande de fusion :"}, "Proposé sur x ; o ouvre la demande de fusion :"},
	} {
		if got := Sentences(c.parts...); got != c.want {
			t.Errorf("Sentences(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}

// User test: "…Designer de services No pull-request link…": the commit's
// subject ends the proposal's first sentence, which had no full stop
// before the next one, in both languages.
func TestProposalTextEndsTheSubject(t *testing.T) {
	p := &gitops.Proposal{Branch: "postings/archive-service-designer", Remote: "origin", Base: "main",
		Subject: "Archive posting service-designer: Service Designer / Designer de services"}
	for _, tr := range []*Tr{For(EN), For(FR)} {
		lines := strings.Split(ProposalText(tr, p), "\n")
		if !strings.HasSuffix(lines[0], "Designer de services.") || lines[1] != tr.Publish.NoPRLink {
			t.Errorf("%s: %q", tr.Lang, lines)
		}
	}
}
