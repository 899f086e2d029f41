package ui

import (
	"bufio"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
)

// huhPrompts is the terminal the app gives huh's accessible mode: what
// huh writes comes out as plain text (the theme's colours and styles
// dropped, for screen readers), with huh's own English words (its prompts
// for a number or a yes or no, its refusals) in the user's language; what
// the user types goes to huh a line at a time, a yes or a no in the
// user's words (o, oui) read as huh's y or n. huh writes each prompt
// whole, with one Fprint.
type huhPrompts struct {
	out   io.Writer
	in    *bufio.Reader
	t     *i18n.PromptStrings
	width int    // the terminal's: lines are wrapped between words to it (0: not)
	yesNo bool   // the last prompt asked yes or no
	line  []byte // the line read, not yet all given to huh
}

// errFormCancelled ends huh's accessible prompts early: esc or ctrl+c was
// typed, or ctrl+c interrupted the reading. huh has no way to stop them
// (its PromptString: "no way to bubble up errors or signal
// cancellation"); at the end of the input it keeps each remaining
// field's value and goes on, asking again for ever a field whose check
// fails, or taking option 0 of a select that has no value. So Read
// panics with it, and accessibleRun.Run, which called huh, recovers it.
type errFormCancelled struct{}

func (errFormCancelled) Error() string { return "form cancelled" }

func newHuhPrompts(tr *i18n.Tr, in io.Reader, out io.Writer, width int) *huhPrompts {
	return &huhPrompts{out: out, in: bufio.NewReader(in), t: &tr.Prompts, width: width}
}

// huhWords are huh's English sentences (charm.land/huh/v2, its accessible
// mode); TestAccessiblePromptsInFrench runs huh's fields to see them.
var huhWords = sync.OnceValue(func() map[string]*regexp.Regexp {
	return map[string]*regexp.Regexp{
		"number":  regexp.MustCompile(`^Enter a number between (\d+) and (\d+): $`),
		"onlyOne": regexp.MustCompile(`^There is only one option available; enter the number 1:$`),
		"mustBe":  regexp.MustCompile(`^Invalid: must be (\d+)\n$`),
		"between": regexp.MustCompile(`^Invalid: must be a number between (\d+) and (\d+)\n$`),
		"retry":   regexp.MustCompile(`^invalid input\. please try again\n$`),
		"upTo":    regexp.MustCompile(`^Select up to (\d+) options\.\n$`),
		"noMore":  regexp.MustCompile(`^You can't select more than (\d+) options\.\n$`),
	}
})

func (p *huhPrompts) Write(b []byte) (int, error) {
	s := unpadded(p.words(ansi.Strip(string(b))))
	if p.width > 0 { // the terminal would break our longer sentences in a word
		wrapped := unpadded(ansi.Wordwrap(s, p.width, ""))
		if strings.HasSuffix(s, " ") && !strings.HasSuffix(wrapped, " ") {
			wrapped += " " // the space before the cursor
		}
		s = wrapped
	}
	p.yesNo = strings.HasSuffix(strings.TrimRight(s, " "), p.t.No) || strings.HasSuffix(strings.TrimRight(s, " "), p.t.Yes)
	if _, err := io.WriteString(p.out, s); err != nil {
		return 0, err
	}
	return len(b), nil
}

// unpadded is s without the spaces the theme pads each line with to the
// form's width: a wrapped prompt's line of the terminal's width and one
// more column broke again, a blank line between its two (a QA run at 80
// columns). The last line keeps one space before the cursor.
func unpadded(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimRight(l, " ")
		if i == len(lines)-1 && t != l {
			t += " "
		}
		lines[i] = t
	}
	return strings.Join(lines, "\n")
}

// words is s with huh's English in the user's language.
func (p *huhPrompts) words(s string) string {
	t, w := p.t, huhWords()
	if m := w["number"].FindStringSubmatch(s); m != nil {
		if m[1] == "0" { // a multi-select: 0 ends it, which huh does not say
			if m[2] == "1" {
				return t.TickOne
			}
			return i18n.F(t.Tick, "high", m[2])
		}
		return i18n.F(t.Number, "low", m[1], "high", m[2])
	}
	if w["onlyOne"].MatchString(s) {
		return t.OnlyOne
	}
	if m := w["mustBe"].FindStringSubmatch(s); m != nil {
		return i18n.F(t.MustBe, "n", m[1]) + "\n"
	}
	if m := w["between"].FindStringSubmatch(s); m != nil {
		return i18n.F(t.Between, "low", m[1], "high", m[2]) + "\n"
	}
	if w["retry"].MatchString(s) {
		return t.Retry + "\n"
	}
	if m := w["upTo"].FindStringSubmatch(s); m != nil {
		if m[1] == "1" { // "Tick up to 1 choices." (a QA run)
			return t.UpToOne + "\n"
		}
		return i18n.F(t.UpTo, "n", m[1]) + "\n"
	}
	if m := w["noMore"].FindStringSubmatch(s); m != nil {
		return i18n.F(t.NoMoreOf, "n", m[1]) + "\n"
	}
	s = strings.Replace(s, "\n0.   Confirm selection\n", "\n0.   "+t.Done+"\n", 1) // a multi-select's options
	trimmed := strings.TrimRight(s, " ")
	for huhMark, ours := range map[string]string{"[y/N]": t.No, "[Y/n]": t.Yes} {
		if strings.HasSuffix(trimmed, huhMark) {
			return strings.TrimSuffix(trimmed, huhMark) + ours + s[len(trimmed):]
		}
	}
	return s
}

// Read gives huh one line at a time (huh reads each answer with a new
// scanner, which would drop a line typed ahead); after a yes-or-no
// question, the user's yes or no is huh's y or n.
func (p *huhPrompts) Read(b []byte) (int, error) {
	if len(p.line) == 0 {
		line, err := p.in.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			panic(errFormCancelled{}) // ctrl+c (interruptible), or the terminal failed
		}
		if line == "" {
			// ctrl+d on an empty line, or the input ended: the question
			// is not answered, and no default is taken for the user (huh
			// took every remaining default and the form completed).
			panic(errFormCancelled{})
		}
		// The keys a terminal sends as sequences (arrows, Home, Delete)
		// are not text, nor the end of the form: only a lone esc is.
		line = keySequences().ReplaceAllString(line, "")
		if strings.ContainsAny(line, "\x1b\x03") { // esc, ctrl+c, as in the app's forms
			panic(errFormCancelled{})
		}
		line = typedText(line)
		if line == "" {
			return 0, err
		}
		if p.yesNo {
			line = p.answer(line)
		}
		p.line = []byte(line)
	}
	n := copy(b, p.line)
	p.line = p.line[n:]
	return n, nil
}

// keySequences are what a terminal sends for keys such as the arrows,
// Home or Delete: CSI (esc [ ... final byte) and SS3 (esc O and a letter).
// Compiled when first used: no regular expression is built at start.
var keySequences = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1bO[@-~]")
})

// typedText is a line without the control characters a terminal lets
// through (^H, ^D, ^[[A after an arrow key...): none may reach a file or a
// commit message. Tab is text; the line's end is kept for huh.
func typedText(line string) string {
	body := strings.TrimRight(line, "\r\n")
	end := line[len(body):]
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, body) + end
}

// answer is a line typed after a yes-or-no question, as huh reads it.
func (p *huhPrompts) answer(line string) string {
	word := strings.ToLower(strings.TrimSpace(line))
	end := line[len(strings.TrimRight(line, "\r\n")):]
	switch {
	case slices.Contains(strings.Split(p.t.YesWords, ","), word):
		return "y" + end
	case slices.Contains(strings.Split(p.t.NoWords, ","), word):
		return "n" + end
	}
	return line
}
