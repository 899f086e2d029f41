// Package ui is jobtui's terminal app (Bubble Tea v2): the postings list,
// the bilingual preview, the forms and the git actions, in English and
// French. It holds no domain logic: every action calls internal/model or
// internal/gitops.
package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/i18n"
)

// Common is what every part of the app shares: no globals.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Tr            *i18n.Tr
	Accessible    bool // plain layout, huh's accessible forms
	NoColor       bool
	Dark          bool
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
