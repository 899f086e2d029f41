package ui

import (
	"strings"
	"testing"

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
