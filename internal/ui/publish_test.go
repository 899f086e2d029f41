package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The footer shows git's latest progress line while a pull runs; git
// rewrites the line with carriage returns and may write escapes.
func TestPullProgressInTheFooter(t *testing.T) {
	c := common.New(i18n.For(i18n.EN), false, true)
	f := newFooterBar(c, "")
	p := &progressLine{}
	f.Update(taskMsg{status: "Fetching origin…", progress: p})
	if got := strings.Join(f.Lines(80), "\n"); !strings.Contains(got, "Fetching origin…") || strings.Contains(got, "Receiving") {
		t.Fatalf("before any progress: %q", got)
	}
	p.Write([]byte("remote: Counting objects: 5\rReceiving objects:  10% (1/10)\r"))
	p.Write([]byte("Receiving objects: 100% (10/10), done.\x1b[2J\n"))
	got := strings.Join(f.Lines(80), "\n")
	if !strings.Contains(got, "Fetching origin… Receiving objects: 100% (10/10), done.") || strings.Contains(got, "\x1b[2J") {
		t.Errorf("the footer while pulling: %q", got)
	}
	f.Update(statusMsg("main is up to date with origin/main."))
	if got := strings.Join(f.Lines(80), "\n"); strings.Contains(got, "Receiving") {
		t.Errorf("the progress outlived its task: %q", got)
	}
}

// A question longer than the footer keeps its own last line (the keys to
// answer) and gives up the middle of what comes before.
func TestLongQuestionKeepsItsLastLine(t *testing.T) {
	c := common.New(i18n.For(i18n.EN), false, true)
	c.Width, c.Height = 60, 20
	f := newFooterBar(c, "")
	reason := strings.Repeat("remote: error: Protected branch update failed for refs/heads/main.\n", 12)
	f.Update(askMsg{question: reason + "Propose your commits as a pull request instead? (y/n)"})
	lines := f.Lines(60)
	if len(lines) > 10 || !strings.Contains(lines[len(lines)-1], "(y/n)") || !strings.Contains(lines[0], "Protected") {
		t.Errorf("the question: %q", lines)
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 60 {
			t.Errorf("a line wider than the screen (%d): %q", w, l)
		}
	}
}

// A refusal the app has a key for is asked as the question that does it,
// where the caller offers that action (p offers to push and propose, P
// to propose and pull, a proposal to push); any other error is shown as
// it is.
func TestGitRefusalsBecomeQuestions(t *testing.T) {
	tr := i18n.For(i18n.EN)
	p := &tr.Publish
	action := func(name string) func() tea.Cmd {
		return func() tea.Cmd { return func() tea.Msg { return name } }
	}
	onPull := offers{push: action("push"), propose: action("propose")}
	onPush := offers{pull: action("pull"), propose: action("propose")}
	onProposal := offers{push: action("push")}
	noUpstream := &gitops.Error{Kind: gitops.KindNoUpstream, Detail: "jobs"}
	diverged := &gitops.Error{Kind: gitops.KindDiverged, Detail: "main / origin/main"}
	refused := &gitops.Error{Kind: gitops.KindPushRefused, Detail: "origin main", Output: "remote: protected branch"}
	refusedQuietly := &gitops.Error{Kind: gitops.KindPushRefused, Detail: "origin main"}
	rejected := &gitops.Error{Kind: gitops.KindPushRejected, Detail: "origin"}
	onFork := &gitops.Error{Kind: gitops.KindPushRejected, Detail: "fork", Plan: &gitops.PushPlan{Remote: "fork", UpstreamRemote: "origin"}}
	onUpstream := &gitops.Error{Kind: gitops.KindPushRejected, Detail: "origin", Plan: &gitops.PushPlan{Remote: "origin", UpstreamRemote: "origin"}}
	cases := []struct {
		name     string
		err      error
		remote   string
		o        offers
		question string // "": no question
		yes      string
	}{
		{"pull, no upstream", noUpstream, "origin", onPull, i18n.F(p.AskPushFirst, "branch", "jobs", "remote", "origin"), "push"},
		{"pull, no upstream, no remote", noUpstream, "", onPull, "", ""},
		{"pull, diverged", diverged, "origin", onPull, i18n.F(p.DivergedAsk, "branches", "main / origin/main") + "\n" + p.ProposeInstead, "propose"},
		{"pull, another error", &gitops.Error{Kind: gitops.KindPushAuth}, "origin", onPull, "", ""},
		{"pull, not git's", errors.New("disk full"), "origin", onPull, "", ""},
		{"pull, wrapped", errors.Join(errors.New("pull"), noUpstream), "origin", onPull, i18n.F(p.AskPushFirst, "branch", "jobs", "remote", "origin"), "push"},
		{"proposal, no upstream", noUpstream, "origin", onProposal, i18n.F(p.AskPushFirst, "branch", "jobs", "remote", "origin"), "push"},
		{"proposal, diverged", diverged, "origin", onProposal, "", ""},
		{"proposal, refused", refused, "origin", onProposal, "", ""},
		{"push, refused", refused, "", onPush, i18n.F(p.PushRefusedAsk, "where", "origin main") + "\nremote: protected branch\n" + p.ProposeInstead, "propose"},
		{"push, refused without a reason", refusedQuietly, "", onPush, i18n.F(p.PushRefusedAsk, "where", "origin main") + "\n" + p.ProposeInstead, "propose"},
		{"push, rejected", rejected, "", onPush, i18n.F(p.AskPullFirst, "remote", "origin"), "pull"},
		{"push, rejected on the upstream's remote", onUpstream, "", onPush, i18n.F(p.AskPullFirst, "remote", "origin"), "pull"},
		{"push, rejected on a fork (pulls come from origin)", onFork, "", onPush, "", ""},
		{"push, no upstream", noUpstream, "", onPush, "", ""},
		{"push, nothing", nil, "", onPush, "", ""},
	}
	for _, c := range cases {
		ask := gitQuestion(tr, c.err, c.remote, c.o)
		if c.question == "" {
			if ask != nil {
				t.Errorf("%s: asked %q", c.name, ask.question)
			}
			continue
		}
		if ask == nil {
			t.Errorf("%s: no question", c.name)
			continue
		}
		if ask.question != c.question {
			t.Errorf("%s: asked %q, want %q", c.name, ask.question, c.question)
		}
		if got := ask.onYes()(); got != c.yes {
			t.Errorf("%s: yes does %v, want %s", c.name, got, c.yes)
		}
	}
}

// o on a posting in review opens its own proposal's pull request; where
// the forge gives no link, it names the proposal's branch and says so
// (user test, item 13: it said to propose first, or opened the last
// proposal's pull request, another posting's).
func TestOpenOnAPostingInReviewWithoutLink(t *testing.T) {
	c := common.New(i18n.For(i18n.EN), false, true)
	cat, err := app.Load(demoSite(t, false))
	if err != nil {
		t.Fatal(err)
	}
	g := cat.Find("ux-designer")[0]
	x := &actions{c: c}
	x.remote.pub = &app.Publish{Base: "main"} // a forge jobtui has no links for
	x.remote.lastURL = "https://forge.example/another/pull/7"
	x.remote.byGroup = map[string]gitops.ProposalBranch{g.ID(): {Name: "postings/archive-ux-designer"}}
	msg := x.open(target{cat: cat, row: &row{Row: app.Row{Group: g}}})()
	status, ok := msg.(statusMsg)
	if !ok || !strings.Contains(string(status), "postings/archive-ux-designer") || !strings.Contains(string(status), c.Tr.Publish.NoPRLink) {
		t.Errorf("o on a posting in review without a link: %#v", msg)
	}
}

// A user test: after P proposed the local commits, the footer said "o
// opens the pull request: main is back at origin/main; the commits live
// on…" and the link, cut off, after it. The hint comes last and the link
// right after it, on the same line, whatever the width, just said and
// after the next key; ?'s last message reads the same.
func TestProposalLinkFollowsItsHint(t *testing.T) {
	p := &gitops.Proposal{Branch: "postings/edit-chief-of-staff", Remote: "origin", Base: "main",
		URL: "https://github.example.org/cds/careers/compare/main...postings/edit-chief-of-staff?expand=1"}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.FR} {
		tr := i18n.For(lang)
		after := i18n.F(tr.Publish.BranchBack, "branch", "main", "upstream", "origin/main")
		hint := tr.Publish.OpensPR
		for _, w := range []int{200, 120, 80, 60} {
			c := common.New(tr, false, true)
			c.Width, c.Height = w, 24
			f := newFooterBar(c, "")
			f.Update(proposed(tr, p, after))
			for _, said := range []string{"just said", "after a key"} {
				lines := f.Lines(w)
				text := ansi.Strip(strings.Join(lines, "\n"))
				if !strings.Contains(text, hint+" https://github.example.org/") {
					t.Errorf("%s at %d, %s: the link does not follow its hint:\n%s", lang, w, said, text)
				}
				if said == "just said" && !strings.Contains(text, i18n.F(tr.Publish.ProposedOn, "branch", p.Branch)) {
					t.Errorf("%s at %d: the proposal is not said first:\n%s", lang, w, text)
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Errorf("%s at %d: a line of %d: %q", lang, w, ansi.StringWidth(l), l)
					}
				}
				if len(lines) > 1 != f.TakesHelpLine(w) {
					t.Errorf("%s at %d: %d lines, TakesHelpLine %v", lang, w, len(lines), f.TakesHelpLine(w))
				}
				f.ClearError() // the next key
			}
			if last := f.Last(); !strings.HasSuffix(last, hint+" "+p.URL) || !strings.Contains(last, after) {
				t.Errorf("%s: ?'s last message: %q", lang, last)
			}
		}
	}
}
