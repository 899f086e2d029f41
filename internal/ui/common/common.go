// Package common is what every part of jobtui's terminal app shares, as
// soft-serve's pkg/ui/common: the size, the styles, the global keys and the
// interface strings, passed by pointer, never kept in globals; and the text
// helpers that fit a line or a block to the screen.
package common

import (
	"image/color"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// Common is the shared context. The root owns it and changes it (size,
// language, background); the components read it when they draw.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Tr            *i18n.Tr
	Accessible    bool // plain layout, huh's accessible forms
	NoColor       bool
	Dark          bool
	Clock         func() time.Time // nil: the system's; tests set a fixed one
	Signals       *Signals         // the process's signals, routed one place each
}

// Now is the time of the shared clock (ages are counted from it).
func (c *Common) Now() time.Time {
	if c.Clock != nil {
		return c.Clock()
	}
	return time.Now()
}

// New is the context for a language, dark until the terminal answers.
func New(tr *i18n.Tr, accessible, noColor bool) *Common {
	c := &Common{Tr: tr, Keys: NewKeyMap(tr), Accessible: accessible, NoColor: noColor || accessible, Dark: true, Width: 80, Height: 24,
		Signals: &Signals{}}
	c.Styles = NewStyles(c.Dark, c.NoColor)
	return c
}

// SetLanguage switches the strings and the help of the global keys.
func (c *Common) SetLanguage(tr *i18n.Tr) {
	c.Tr = tr
	c.Keys = NewKeyMap(tr)
}

// SetDark rebuilds the styles for the terminal's background.
func (c *Common) SetDark(dark bool) {
	c.Dark = dark
	c.Styles = NewStyles(dark, c.NoColor)
}

// KeyMap holds the root's keys, which work in every view but the forms and
// the filter: the components list them in their full help.
type KeyMap struct {
	Help, Language, Reload, Quit, ForceQuit, Yes, No key.Binding
}

// Bind declares a key with its help.
func Bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// NewKeyMap builds the global keys with help texts from tr.
func NewKeyMap(tr *i18n.Tr) *KeyMap {
	t := &tr.UI
	return &KeyMap{
		Help:      Bind([]string{"?"}, "?", t.Help),
		Language:  Bind([]string{"L"}, "L", t.Language),
		Reload:    Bind([]string{"ctrl+r"}, "ctrl+r", t.Reload),
		Quit:      Bind([]string{"q"}, "q", t.Quit),
		ForceQuit: Bind([]string{"ctrl+c"}, "ctrl+c", t.Quit),
		Yes:       Bind([]string{"y", "o", "Y", "O"}, t.YesNo, ""),
		No:        Bind([]string{"n", "N", "esc"}, t.YesNo, ""),
	}
}

// PressedDisabled tells a key that belongs to a disabled binding, so that
// a view can say why the action is unavailable instead of ignoring it.
func PressedDisabled(msg interface{ String() string }, bindings ...key.Binding) bool {
	for _, b := range bindings {
		if b.Enabled() {
			continue
		}
		for _, k := range b.Keys() {
			if k == msg.String() {
				return true
			}
		}
	}
	return false
}

// Styles are built from the terminal's background answer.
type Styles struct {
	Title, Tab, TabActive, Header, Selected, Marked, Dim, Error, Warning,
	Archived, Open, Missing, Footer, Status, ErrorLine, Help, Pane, PaneTitle lipgloss.Style
}

// NewStyles builds the styles for a dark or light background; plain gives
// a colourless layout (NO_COLOR, accessible mode).
func NewStyles(isDark, plain bool) *Styles {
	s := &Styles{}
	if plain {
		bold := lipgloss.NewStyle().Bold(true)
		s.Title, s.TabActive, s.Header, s.PaneTitle = bold, bold.Underline(true), bold, bold
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.Marked = bold
		s.ErrorLine = bold
		s.Pane = lipgloss.NewStyle()
		return s
	}
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent := c("#5A3FC0", "#B9A6FF")
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Tab = lipgloss.NewStyle().Foreground(c("#6B6B6B", "#8A8A8A"))
	s.TabActive = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(c("#3A3A3A", "#D0D0D0"))
	s.Selected = lipgloss.NewStyle().Background(c("#E4DEFF", "#3B3361")).Foreground(c("#1A1A1A", "#FFFFFF"))
	s.Marked = lipgloss.NewStyle().Bold(true).Foreground(c("#B05A00", "#FFB454"))
	s.Dim = lipgloss.NewStyle().Foreground(c("#8A8A8A", "#7A7A7A"))
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(c("#C0192B", "#FF6B6B"))
	s.Warning = lipgloss.NewStyle().Foreground(c("#9A6700", "#E5C07B"))
	s.Archived = lipgloss.NewStyle().Foreground(c("#8A8A8A", "#7A7A7A"))
	s.Open = lipgloss.NewStyle().Foreground(c("#1A7F37", "#7EE787"))
	s.Missing = lipgloss.NewStyle().Italic(true).Foreground(c("#C0192B", "#FF6B6B"))
	s.Footer = lipgloss.NewStyle().Foreground(c("#6B6B6B", "#9A9A9A"))
	s.Status = lipgloss.NewStyle().Foreground(c("#1A7F37", "#7EE787"))
	s.ErrorLine = lipgloss.NewStyle().Bold(true).Foreground(c("#C0192B", "#FF6B6B"))
	s.Help = lipgloss.NewStyle().Foreground(c("#6B6B6B", "#9A9A9A"))
	s.Pane = lipgloss.NewStyle()
	s.PaneTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	return s
}

// Pad cuts or fills s to exactly w cells.
func Pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if n := lipgloss.Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// FitLine cuts a (possibly styled) line to w cells.
func FitLine(s string, w int) string { return ansi.Truncate(s, w, "…") }

// FitBlock makes a block exactly h lines of at most w cells.
func FitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = FitLine(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// SafeLine makes text from a file safe and single-line for the screen.
func SafeLine(s string) string { return model.SafeText(s, false) }
