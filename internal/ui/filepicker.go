package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// filePicker asks which of a posting's files an action takes: the editor
// (E), the form (e) in a group with several files in a language. Each file
// has a key: the first letter of its language code (e, f) when every
// language has one file, else its number; ↑/↓ and enter choose too. The
// root holds it as it holds a form (formChild): it has every key until
// chosen or cancelled.
type filePicker struct {
	c        *common.Common
	question string
	files    []*model.Posting
	keys     []string // the key of each file
	cursor   int
	done     bool
	aborted  bool
	width    int

	up, down, choose, cancel key.Binding
}

func newFilePicker(c *common.Common, question string, files []*model.Posting, start int) *filePicker {
	t := c.Tr
	f := &filePicker{c: c, question: question, files: files, cursor: max(0, min(start, len(files)-1)),
		up: common.Bind([]string{"up", "k"}, "↑", t.UI.Up), down: common.Bind([]string{"down", "j"}, "↓", t.UI.Down),
		choose: common.Bind([]string{"enter"}, "enter", t.Flow.Choose), cancel: common.Bind([]string{"esc"}, "esc", t.Forms.Cancel)}
	f.keys = pickerKeys(files)
	return f
}

// pickerKeys are e and f for English and French when each language has
// one file (and their letters differ), else 1, 2, 3...
func pickerKeys(files []*model.Posting) []string {
	keys := make([]string, len(files))
	seen := map[string]bool{}
	letters := true
	for i, p := range files {
		k := strings.ToLower(string([]rune(p.Lang + "?")[0]))
		letters = letters && !seen[k] && k != "j" && k != "k"
		seen[k] = true
		keys[i] = k
	}
	if !letters {
		for i := range keys {
			keys[i] = string(rune('1' + i%9))
		}
	}
	return keys
}

// Chosen is the file picked.
func (f *filePicker) Chosen() *model.Posting { return f.files[f.cursor] }

func (f *filePicker) Init() tea.Cmd             { return nil }
func (f *filePicker) SetSize(w, _ int)          { f.width = w }
func (f *filePicker) Done() bool                { return f.done }
func (f *filePicker) Aborted() bool             { return f.aborted }
func (f *filePicker) Dirty() bool               { return false }
func (f *filePicker) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func (f *filePicker) ShortHelp() []key.Binding {
	return []key.Binding{f.up, f.down, f.choose, f.cancel}
}

func (f *filePicker) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, f.cancel):
		f.aborted = true
	case key.Matches(km, f.up):
		f.cursor = max(0, f.cursor-1)
	case key.Matches(km, f.down):
		f.cursor = min(len(f.files)-1, f.cursor+1)
	case key.Matches(km, f.choose):
		f.done = true
	default:
		for i, k := range f.keys {
			if km.String() == k {
				f.cursor, f.done = i, true
			}
		}
	}
	return nil
}

// View lists the files: key, language, path and title, the cursor on one.
func (f *filePicker) View() string {
	s, w := f.c.Styles, max(20, f.width)
	lines := []string{s.Title.Render(common.FitLine(f.question, w)), ""}
	for i, p := range f.files {
		cursor := "  "
		if i == f.cursor {
			cursor = "› "
		}
		name := common.Pad(capitalize(i18n.LangName(f.c.Tr, p.Lang)), 9)
		line := cursor + s.Marked.Render(f.keys[i]) + "  " + name + " " + common.SafeLine(p.Rel)
		if p.Readable() {
			line += s.Dim.Render(" · " + common.SafeLine(p.Title))
		}
		line = common.FitLine(line, w)
		if i == f.cursor {
			line = s.Selected.Render(common.Pad(line, w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
