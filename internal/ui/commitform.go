package ui

import (
	"errors"
	"path"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// pickChrome is what huh puts before an option's label: the form's border
// ("┃ "), the cursor ("> ") and the check box ("[•] ").
const pickChrome = 8

// commitForm chooses the edited posting files to commit and the message.
// A file whose front matter cannot be read is marked, said why, and not
// chosen by default. Its rows fit the width (the language, the file name
// shortened in the middle, the state whole) and are laid out again when
// the terminal is resized; the message keeps its lines (a subject, a
// blank line, a line per posting). The message is built again from the
// files chosen whenever the choice changes, so that it never speaks of a
// file left out nor leaves out one put in, unless the person has written
// in it: a message that is no longer the one the form last put there is
// theirs, and kept.
type commitForm struct {
	huhChild
	files      []gitops.PendingFile
	pick       *huh.MultiSelect[string]
	text       *huh.Text
	chosen     []string
	message    string
	prefilled  string // the message the form last put in the field
	messageFor func([]gitops.PendingFile) string
	width      int
}

func newCommitForm(c *common.Common, files []gitops.PendingFile, message string, messageFor func([]gitops.PendingFile) string) *commitForm {
	f := &commitForm{files: files, width: c.Width, messageFor: messageFor}
	f.message = asTyped(message)
	f.prefilled = f.message
	f.chosen = readablePaths(files, nil)
	f.build(c, slices.Clone(f.chosen))
	return f
}

// readablePaths are the repository paths of files whose front matter can be
// read, among chosen (nil: all of them).
func readablePaths(files []gitops.PendingFile, chosen []string) []string {
	var out []string
	for _, p := range files {
		if p.Posting.Readable() && (chosen == nil || slices.Contains(chosen, p.RepoPath)) {
			out = append(out, p.RepoPath)
		}
	}
	return out
}

// again is the form as the person left it, the files whose front matter
// cannot be read unticked: what no to committing them brings back. A
// message the form wrote is written again for the files still chosen;
// one the person wrote is kept.
func (f *commitForm) again() *commitForm {
	g := &commitForm{files: f.files, width: f.width, messageFor: f.messageFor, message: f.message, prefilled: f.prefilled}
	g.chosen = readablePaths(f.files, f.chosen)
	g.build(f.c, readablePaths(f.files, nil))
	g.rebuild()
	return g
}

// build makes the form's fields for its files, choice and message; first
// is the choice esc leaves without asking.
func (f *commitForm) build(c *common.Common, first []string) {
	files := f.files
	// With no file ticked, the form stays here and says so under the
	// title (it went on to the message, then "nothing to commit").
	msg, note := new(string), unreadableNote(c.Tr, files)
	f.pick = huh.NewMultiSelect[string]().Title(c.Tr.UI.CommitFiles).Accessor(chosenAccessor{f}).
		Validate(func(chosen []string) error {
			if *msg = ""; len(chosen) == 0 {
				*msg = "✗ " + c.Tr.UI.CommitNoFile
				return errors.New(c.Tr.UI.CommitNoFile)
			}
			return nil
		}).DescriptionFunc(func() string {
		if *msg != "" {
			return *msg
		}
		return note
	}, msg)
	f.text = huh.NewText().ExternalEditor(false)
	f.showMessage(c)
	f.pick.Options(f.options(c.Tr, c.Width)...)
	f.huhChild = newHuhForm(c, huh.NewGroup(f.pick, f.text))
	f.pick.Height(f.pickHeight(c.Width))
	f.dirty = func() bool { return f.edited() || !slices.Equal(f.chosen, first) }
}

// chosenAccessor holds the files chosen for huh, and builds the message
// again when they change.
type chosenAccessor struct{ f *commitForm }

func (a chosenAccessor) Get() []string { return a.f.chosen }

func (a chosenAccessor) Set(v []string) {
	changed := !slices.Equal(v, a.f.chosen)
	a.f.chosen = v
	if changed {
		a.f.rebuild()
	}
}

// edited tells that the person wrote in the message.
func (f *commitForm) edited() bool { return f.message != f.prefilled }

// rebuild puts in the field the message for the files chosen, unless the
// person wrote their own, or none is chosen (committing nothing is refused
// anyway, and the message comes back with the first file chosen again).
func (f *commitForm) rebuild() {
	if f.messageFor == nil || f.edited() || len(f.chosen) == 0 {
		return
	}
	var chosen []gitops.PendingFile
	for _, p := range f.files {
		if f.isChosen(p.RepoPath) {
			chosen = append(chosen, p)
		}
	}
	f.message = asTyped(f.messageFor(chosen))
	f.prefilled = f.message
	f.showMessage(f.c)
}

// showMessage puts the message in its field, with room for its lines.
func (f *commitForm) showMessage(c *common.Common) {
	f.text.Title(withValue(c, c.Tr.UI.CommitMessage, f.message)).
		Lines(min(8, max(3, messageRows(f.message, min(c.Width, formWidth)-4)))).
		Value(&f.message)
}

// messageRows are the rows a message takes in the field: its lines, the
// empty one after its last line break too (the cursor starts there), and
// the rows a long line wraps onto. The field was one row short, scrolled
// to the cursor past the subject (a QA run at 120 columns).
func messageRows(message string, width int) int {
	rows := 0
	for _, l := range strings.Split(message, "\n") {
		rows += max(1, (ansi.StringWidth(l)+width-1)/max(width, 1))
	}
	return rows
}

// asTyped is s as the message field holds it (its text area cleans what
// it is given: tabs, control characters; huh's is a default one), so that a message the form put
// there is not taken for one the person wrote.
func asTyped(s string) string {
	t := textarea.New()
	t.SetValue(s)
	return t.Value()
}

// unreadableNote says, for each file whose front matter cannot be read,
// why ("✗ name.md: front matter cannot be read: line 3: …").
func unreadableNote(tr *i18n.Tr, files []gitops.PendingFile) string {
	var lines []string
	for _, p := range files {
		if p.Posting.Readable() || p.Posting.Err == nil {
			continue
		}
		reason := i18n.ProblemText(tr, model.UnreadableProblem(p.Posting))
		lines = append(lines, i18n.F(tr.Picker.UnreadableNote, "name", common.SafeLine(path.Base(p.Posting.Path)), "reason", common.SafeLine(reason)))
	}
	return strings.Join(lines, "\n")
}

// options are the rows for a terminal width: "fr  name.md  (modified)".
func (f *commitForm) options(tr *i18n.Tr, width int) []huh.Option[string] {
	room := max(10, min(width, 100)-pickChrome)
	opts := make([]huh.Option[string], len(f.files))
	for i, p := range f.files {
		state := tr.UI.Modified
		if p.State == gitops.StateUntracked {
			state = tr.UI.New
		}
		if !p.Posting.Readable() {
			state += ", " + tr.Picker.Unreadable
		}
		lang, tag := common.SafeLine(p.Posting.Lang)+"  ", "  ("+state+")"
		name := common.FitMiddle(common.SafeLine(p.Posting.Rel), max(5, room-lipgloss.Width(lang+tag)))
		opts[i] = huh.NewOption(common.FitLine(lang+name+tag, room), p.RepoPath).Selected(f.isChosen(p.RepoPath))
	}
	return opts
}

func (f *commitForm) isChosen(repoPath string) bool {
	for _, c := range f.chosen {
		if c == repoPath {
			return true
		}
	}
	return false
}

// pickHeight is the file list's: its title, its note wrapped to the width
// and up to 12 rows.
func (f *commitForm) pickHeight(width int) int {
	note := 1 // the line under the title: the note, "✗ tick at least one file", or blank
	if s := unreadableNote(f.c.Tr, f.files); s != "" {
		note = lipgloss.Height(lipgloss.NewStyle().Width(max(10, min(width, 100)-2)).Render(s))
	}
	return 1 + note + min(len(f.files), 12)
}

// SetSize lays the rows out again for a new width, the cursor staying on
// its file and the choices kept.
func (f *commitForm) SetSize(w, h int) {
	if w != f.width && w > 0 {
		f.width = w
		at := 0
		if v, ok := f.pick.Hovered(); ok {
			for i, p := range f.files {
				if p.RepoPath == v {
					at = i
				}
			}
		}
		f.pick.Options(f.options(f.c.Tr, w)...) // puts the cursor on the first chosen row
		for range f.files {
			f.pick.Update(tea.KeyPressMsg{Code: tea.KeyUp})
		}
		for range at {
			f.pick.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
		f.pick.Height(f.pickHeight(w))
	}
	f.huhChild.SetSize(w, h)
}

// unreadableChosen are the chosen files whose front matter cannot be
// read: committing them asks first.
func (f *commitForm) unreadableChosen() []string {
	var names []string
	for _, p := range f.files {
		if !p.Posting.Readable() && f.isChosen(p.RepoPath) {
			names = append(names, common.SafeLine(path.Base(p.Posting.Path)))
		}
	}
	return names
}
