package ui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/jobtui/jobtui/internal/ui/common"
)

// formChild is a form the root holds while it has focus.
type formChild interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	Done() bool
	Aborted() bool
	ShortHelp() []key.Binding
}

// discardFormMsg: the person said yes to throwing away a form's edits.
type discardFormMsg struct{}

// huhChild is a huh form held by the root (STYLE.md: huh forms as
// children): every message is forwarded, esc cancels (after asking, when
// something was typed: dirty), and the root watches Done and Aborted. The
// app's forms embed it.
type huhChild struct {
	c      *common.Common
	cancel key.Binding
	form   *huh.Form
	dirty  func() bool // the form holds edits that esc would throw away
}

// checked gives an input its validation, and shows the error under the
// field's title, where the person looks, rather than at the foot of the
// form; note is what the field says when there is no error.
func checked(in *huh.Input, note string, validate func(string) error) *huh.Input {
	msg := new(string)
	return in.Validate(func(s string) error {
		err := validate(s)
		*msg = ""
		if err != nil {
			*msg = "✗ " + err.Error()
		}
		return err
	}).DescriptionFunc(func() string {
		if *msg != "" {
			return *msg
		}
		return note
	}, msg)
}

// formWidth is the widest a form gets: wider fields are no easier to read.
const formWidth = 100

// newHuhForm builds a form with the app's settings; errors show at their
// field (checked), not again at the foot of the form.
func newHuhForm(c *common.Common, groups ...*huh.Group) huhChild {
	for _, g := range groups {
		g.WithShowErrors(false)
	}
	return huhChild{c: c, cancel: common.Bind([]string{"esc"}, "esc", c.Tr.Forms.Cancel),
		form: huh.NewForm(groups...).WithShowHelp(false).WithAccessible(c.Accessible).
			WithTheme(formTheme(c)).WithKeyMap(huhKeyMap(c.Tr)).WithWidth(min(c.Width, formWidth))}
}

func (h *huhChild) Init() tea.Cmd { return h.form.Init() }

func (h *huhChild) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(discardFormMsg); ok {
		h.form.State = huh.StateAborted
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, h.cancel) {
		if h.dirty != nil && h.dirty() {
			return send(askMsg{question: h.c.Tr.Flow.DiscardEdits, noStatus: h.c.Tr.Flow.KeepEditing,
				onYes: func() tea.Cmd { return send(discardFormMsg{}) }})
		}
		h.form.State = huh.StateAborted
		return nil
	}
	m, cmd := h.form.Update(msg)
	if form, ok := m.(*huh.Form); ok {
		h.form = form
	}
	return cmd
}

func (h *huhChild) View() string { return h.form.View() }

// SetSize keeps room under the fields for huh's footer, where validation
// errors appear (a blank line and up to two wrapped lines).
func (h *huhChild) SetSize(w, height int) {
	h.form = h.form.WithWidth(min(w, formWidth)).WithHeight(max(height-3, 4))
}
func (h *huhChild) Done() bool               { return h.form.State == huh.StateCompleted }
func (h *huhChild) Aborted() bool            { return h.form.State == huh.StateAborted }
func (h *huhChild) ShortHelp() []key.Binding { return append(h.form.KeyBinds(), h.cancel) }

// formHost holds the open form (edit, new posting, commit): it forwards
// every message, closes the form on esc (huhChild) or ctrl+c, and runs what
// a completed form does.
type formHost struct {
	c      *common.Common
	form   formChild
	done   func() tea.Cmd
	width  int
	height int
}

// Active tells that a form is open: it has the keys.
func (h *formHost) Active() bool { return h.form != nil }

// Open shows a form.
func (h *formHost) Open(msg openFormMsg) tea.Cmd {
	if f, ok := msg.form.(huhForm); ok && h.c.Accessible {
		return openAccessible(h.c, f, msg.done)
	}
	h.form, h.done = msg.form, msg.done
	h.form.SetSize(h.width, h.height)
	return h.form.Init()
}

func (h *formHost) SetSize(w, height int) {
	h.width, h.height = w, height
	if h.form != nil {
		h.form.SetSize(w, height)
	}
}

func (h *formHost) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(accessibleDoneMsg); ok {
		if errors.Is(m.err, huh.ErrUserAborted) { // esc or ctrl+c, as below
			return send(statusMsg(h.c.Tr.UI.NoChange))
		}
		if m.err != nil {
			return send(errorMsg{m.err})
		}
		return m.done()
	}
	if h.form == nil {
		return nil
	}
	noChange := send(statusMsg(h.c.Tr.UI.NoChange))
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, h.c.Keys.ForceQuit) {
		h.form = nil
		return noChange
	}
	cmd := h.form.Update(msg)
	switch {
	case h.form.Aborted():
		h.form = nil
		return noChange
	case h.form.Done():
		done := h.done
		h.form, h.done = nil, nil
		return done()
	}
	return cmd
}

func (h *formHost) View() string {
	if h.form == nil {
		return ""
	}
	return h.form.View()
}

// ShortHelp is the form's own (huh's keys, and esc).
func (h *formHost) ShortHelp() []key.Binding {
	if h.form == nil {
		return nil
	}
	return h.form.ShortHelp()
}

func (h *formHost) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }
