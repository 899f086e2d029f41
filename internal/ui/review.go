package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// reviewKeys are the keys of the translation review.
type reviewKeys struct {
	scrollKeys
	Back, Mark, All key.Binding
}

func newReviewKeys(tr *i18n.Tr, git bool) reviewKeys {
	t, r, b := &tr.UI, &tr.Review, common.Bind
	k := reviewKeys{
		scrollKeys: newScrollKeys(tr, "space"),
		Back:       b([]string{"esc", "q"}, "esc", t.Back),
		Mark:       b([]string{"m"}, "m", r.MarkReviewed),
		All:        b([]string{"s"}, "s", r.AllSections),
	}
	k.Mark.SetEnabled(git)
	return k
}

// reviewPane shows what changed in a posting's source since its
// translation was last updated, word by word, beside the translation:
// front matter field by field, then the body section by section (the i-th
// heading of one language beside the i-th of the other). Side by side from
// 100 columns; below, each change is followed by the translation's part.
type reviewPane struct {
	c       *common.Common
	keys    reviewKeys
	site    *model.Site
	repo    *gitops.Repo
	catalog func() (*model.Catalog, string) // the list's postings and the fingerprint they were read at
	id      string
	review  *app.Review
	showAll bool
	width   int
	height  int
	vp      viewport.Model
}

func newReviewPane(c *common.Common, site *model.Site, repo *gitops.Repo) *reviewPane {
	return &reviewPane{c: c, keys: newReviewKeys(c.Tr, repo != nil), site: site, repo: repo, vp: viewport.New()}
}

func (v *reviewPane) SetSize(w, h int) {
	v.width, v.height = w, h
	v.fill()
}

// ID is the posting under review ("" before one is opened).
func (v *reviewPane) ID() string { return v.id }

// Open reads the review of the posting id in the background.
func (v *reviewPane) Open(id string) tea.Cmd {
	if id != v.id {
		v.review = nil
		v.vp.GotoTop()
	}
	v.id = id
	return v.load(v.c.Tr.Review.Loading)
}

// Refresh reads the open review again (after an edit or a reload).
func (v *reviewPane) Refresh() tea.Cmd {
	if v.id == "" {
		return nil
	}
	return v.load("")
}

func (v *reviewPane) load(status string) tea.Cmd {
	site, repo, id := v.site, v.repo, v.id
	var cat *model.Catalog
	var print string
	if v.catalog != nil {
		cat, print = v.catalog()
	}
	return task(status, func() tea.Msg {
		rv, err := openReview(repo, site, cat, print, id)
		return reviewMsg{id: id, review: rv, err: err, refresh: status == ""}
	})
}

// openReview builds the review on the postings the list shows while the
// files are as they were when those were read (print, their fingerprint:
// names, sizes and times), else on the files read afresh. Reading every
// posting again cost more than the whole review.
func openReview(repo *gitops.Repo, site *model.Site, cat *model.Catalog, print, id string) (*app.Review, error) {
	ctx := context.Background()
	if repo != nil && cat != nil && print != "" && fingerprint(site) == print {
		return app.ReviewOf(ctx, repo, cat, id)
	}
	return app.OpenReview(ctx, repo, site, id)
}

// TranslationSide is the list column (0 or 1) of the translation under
// review, so that E edits it; -1 when none is open.
func (v *reviewPane) TranslationSide(langs []string) int {
	if v.review == nil {
		return -1
	}
	for i, l := range langs {
		if l == v.review.Pair.TranslationLang {
			return i
		}
	}
	return -1
}

func (v *reviewPane) Update(msg tea.Msg) tea.Cmd {
	k := v.keys
	if k.scroll(&v.vp, msg) {
		return nil
	}
	switch msg := msg.(type) {
	case contextMsg:
		v.keys = newReviewKeys(v.c.Tr, v.repo != nil)
		v.fill()
	case reviewMsg:
		if msg.id != v.id {
			return nil
		}
		if msg.err != nil {
			v.id, v.review = "", nil
			if errors.Is(msg.err, gitops.ErrNotStale) {
				if msg.refresh { // after an action (a commit of the translation): what it did stays said
					return tea.Batch(send(backMsg{keepStatus: true}), send(moreStatusMsg(v.c.Tr.Review.UpToDate)))
				}
				return tea.Batch(send(statusMsg(v.c.Tr.Review.UpToDate)), send(backMsg{}))
			}
			return tea.Batch(send(errorMsg{msg.err}), send(backMsg{}))
		}
		v.review = msg.review
		v.fill()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			v.id, v.review = "", nil
			return send(backMsg{})
		case key.Matches(msg, k.All):
			v.showAll = !v.showAll
			v.fill()
		case key.Matches(msg, k.Mark):
			return v.mark()
		}
	}
	return nil
}

// mark records the review (app.MarkReviewed, as `jobtui review --mark`),
// then goes back to the list, which reloads.
func (v *reviewPane) mark() tea.Cmd {
	if v.review == nil {
		return nil
	}
	site, repo, id, tr := v.site, v.repo, v.id, v.c.Tr
	v.id, v.review = "", nil
	return tea.Batch(send(backMsg{}), writeTask(tr.Review.Marking, func() tea.Msg {
		res, err := app.MarkReviewed(context.Background(), repo, site, []string{id}, "")
		if err != nil {
			return actionMsg{err: err, reload: true}
		}
		status := i18n.WithUndoHint(tr, i18n.F(tr.Review.Marked, "commit", res.Commit.Short+" "+res.Commit.Subject))
		undo := &undoAction{drop: &dropUndo{commit: res.Commit, undone: tr.Review.MarkUndone}}
		return actionMsg{status: withHookOutput(tr, status, res.Commit), undo: undo, readWhole: hooksSaid(res.Commit), reload: true}
	}))
}

// header is the lines above the scrolled part: the posting, what changed
// since when, and how changes are shown.
func (v *reviewPane) header() []string {
	s, t := v.c.Styles, v.c.Tr
	rv := v.review
	p := rv.Pair
	title := s.PaneTitle.Render(t.Review.Title) + s.Dim.Render(" · "+common.SafeLine(p.Key))
	lines := -1 // not counted yet
	if p.DiffLoaded {
		lines = p.ChangedLines
	}
	summary := i18n.ReviewHeader(t, i18n.StaleHeader{Reviewed: p.Reviewed, Source: p.SourceLang, Lang: p.TranslationLang, Lines: lines,
		Since: p.Since.When.Format("2006-01-02"), Hash: p.Since.Hash.String()[:7], Days: int(p.Age(v.c.Now()).Hours() / 24)})
	legend := v.legend()
	out := []string{common.FitLine(title, v.width)}
	out = append(out, strings.Split(wrap(summary, v.width), "\n")...)
	return append(out, common.FitLine(legend, v.width))
}

func (v *reviewPane) legend() string {
	if v.c.NoColor {
		return v.c.Styles.Dim.Render(v.c.Tr.Review.LegendPlain)
	}
	return v.c.Styles.Dim.Render(v.c.Tr.Review.Legend)
}

func (v *reviewPane) twoColumns() bool { return v.width >= 100 && !v.c.Accessible }

// fill lays the review out for the width.
func (v *reviewPane) fill() {
	if v.review == nil {
		v.vp.SetContentLines(nil)
		return
	}
	head := len(v.header())
	v.vp.SetWidth(v.width)
	v.vp.SetHeight(max(1, v.height-head))
	v.vp.SetContentLines(strings.Split(v.body(), "\n"))
}

// body is the scrolled part.
func (v *reviewPane) body() string {
	s, t := v.c.Styles, v.c.Tr
	rv := v.review
	p := rv.Pair
	srcName, trName := i18n.LangName(t, p.SourceLang), i18n.LangName(t, p.TranslationLang)
	leftTitle := i18n.F(t.Review.ColChanges, "lang", capitalize(srcName), "since", p.Since.When.Format("2006-01-02"))
	rightTitle := i18n.F(t.Review.ColNow, "lang", capitalize(trName))
	var blocks []string
	pair := func(left, right string) {
		blocks = append(blocks, v.pairBlock(leftTitle, left, rightTitle, right))
	}
	// Front matter, field by field: the changed ones.
	unchanged := 0
	var fields []string
	for _, f := range rv.Fields {
		if !f.Changed {
			unchanged++
			continue
		}
		tr := common.SafeLine(f.Translation)
		if !f.InTranslation {
			tr = s.Dim.Render(t.Review.NotInTranslation)
		}
		fields = append(fields, s.Header.Render(f.Key+":")+" "+v.words(f.Changes), s.Header.Render(f.Key+":")+" "+tr)
	}
	if len(fields) > 0 {
		blocks = append(blocks, s.PaneTitle.Render(t.Review.FrontMatter))
		for i := 0; i < len(fields); i += 2 {
			pair(fields[i], fields[i+1])
		}
	}
	if unchanged > 0 && len(fields) > 0 {
		blocks = append(blocks, s.Dim.Render(i18n.F(t.Review.FieldsUnchanged, "n", fmt.Sprint(unchanged))))
	}
	// The body, section by section.
	for _, sec := range rv.Sections {
		heading := strings.TrimSpace(sec.Heading)
		if heading == "" {
			heading = t.Review.Beginning
		}
		trHeading := strings.TrimSpace(strings.TrimSpace(firstLineOf(sec.Translation)))
		if !sec.Changed && !v.showAll {
			line := s.Dim.Render(common.SafeLine(heading) + " — " + t.Review.Unchanged)
			if v.twoColumns() && trHeading != "" {
				line = v.side(line, s.Dim.Render(common.SafeLine(trHeading)))
			}
			blocks = append(blocks, line)
			continue
		}
		left := v.words(sec.Changes)
		if sec.SpacingOnly {
			left = s.Dim.Render("("+t.Review.SpacingOnly+")") + "\n" + left
		}
		right := model.SafeText(strings.Trim(sec.Translation, "\n"), true)
		if strings.TrimSpace(right) == "" {
			right = s.Dim.Render(t.Review.NoSection)
		}
		pair(strings.Trim(left, "\n"), right)
	}
	if len(rv.Extra) > 0 {
		blocks = append(blocks, s.PaneTitle.Render(t.Review.MoreInTranslation))
		for _, e := range rv.Extra {
			blocks = append(blocks, wrap(model.SafeText(strings.Trim(e, "\n"), true), v.width))
		}
	}
	return strings.Join(blocks, "\n\n")
}

// pairBlock puts a change beside the translation's part (wide), or the
// one above the other with their titles (narrow).
func (v *reviewPane) pairBlock(leftTitle, left, rightTitle, right string) string {
	s := v.c.Styles
	if v.twoColumns() {
		w := (v.width - 3) / 2
		return v.side(s.Dim.Render(common.FitLine(leftTitle, w)), s.Dim.Render(common.FitLine(rightTitle, w))) + "\n" +
			v.side(left, right)
	}
	return s.Dim.Render(common.FitLine(leftTitle, v.width)) + "\n" + wrap(left, v.width) + "\n" +
		s.Dim.Render(common.FitLine(rightTitle, v.width)) + "\n" + wrap(right, v.width)
}

// side joins two texts in columns with a rule between them.
func (v *reviewPane) side(left, right string) string {
	w := (v.width - 3) / 2
	l := strings.Split(wrap(left, w), "\n")
	r := strings.Split(wrap(right, w), "\n")
	n := max(len(l), len(r))
	var b strings.Builder
	for i := 0; i < n; i++ {
		var a, c string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			c = r[i]
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(common.Pad(a, w) + v.c.Styles.Dim.Render(" │ ") + c)
	}
	return b.String()
}

// words renders word changes: removed text struck out, added underlined
// (in colour), or between [- -] and {+ +} without colour; a change of
// spacing alone shows as · and ↵.
func (v *reviewPane) words(cs []app.WordChange) string {
	s := v.c.Styles
	removed := lipgloss.NewStyle().Strikethrough(true).Inherit(s.Error)
	added := lipgloss.NewStyle().Underline(true).Inherit(s.Open)
	var b strings.Builder
	for _, c := range cs {
		text := model.SafeText(c.Text, true)
		if c.Op != app.Same && strings.TrimSpace(text) == "" {
			text = strings.NewReplacer(" ", "·", "\t", "→", "\n", "↵\n").Replace(text)
		}
		switch c.Op {
		case app.Same:
			b.WriteString(text)
		case app.Removed:
			b.WriteString(styleLines(text, removed, "[-", "-]", v.c.NoColor))
		case app.Added:
			b.WriteString(styleLines(text, added, "{+", "+}", v.c.NoColor))
		}
	}
	return b.String()
}

// styleLines styles each line of text (a style must not span a line
// break, which wrapping and columns cut at), or marks it when plain.
func styleLines(text string, st lipgloss.Style, open, close string, plain bool) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l == "" {
			continue
		}
		if plain {
			lines[i] = open + l + close
		} else {
			lines[i] = st.Render(l)
		}
	}
	return strings.Join(lines, "\n")
}

// wrap folds (styled) text to w cells, words kept whole where they fit.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	return lipgloss.NewStyle().Width(w).Render(s)
}

func firstLineOf(s string) string {
	s = strings.TrimLeft(s, "\n")
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// capitalize is for a language name at the start of a column title
// ("français" -> "Français").
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (v *reviewPane) View() string {
	if v.review == nil {
		return v.c.Styles.Dim.Render(v.c.Tr.Review.Loading)
	}
	return strings.Join(v.header(), "\n") + "\n" + v.vp.View()
}

func (v *reviewPane) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Back, v.keys.Mark, v.keys.Down}
}

func (v *reviewPane) FullHelp() [][]key.Binding {
	k := v.keys
	return [][]key.Binding{{k.Back, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Mark, k.All}}
}
