package ui

import (
	"strconv"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// A language with several files in one group (the same key twice): the
// preview shows them one under the other, f chooses the one the keys act
// on (E, e), marked ▶ and named in the column's header.

// side is the files of one language of the group shown.
func (p *previewPane) side(i int) []*model.Posting {
	if p.row == nil {
		return nil
	}
	if i == 1 {
		return p.row.Right
	}
	return p.row.Left
}

// ChosenFile is the file the keys act on: the chosen one of the language
// chosen (tab), or nil when that language has none.
func (p *previewPane) ChosenFile() *model.Posting {
	side := p.side(p.single)
	if len(side) == 0 {
		return nil
	}
	return side[min(p.file[p.single], len(side)-1)]
}

// nextFile chooses the next file of the chosen language and scrolls its
// column to it.
func (p *previewPane) nextFile() {
	i := p.single
	n := len(p.side(i))
	if n < 2 {
		return
	}
	p.file[i] = (p.file[i] + 1) % n
	p.fill()
	if p.file[i] < len(p.starts[i]) {
		p.cols[i].SetYOffset(p.starts[i][p.file[i]])
	}
}

// fileNote names the chosen file in a column's header when the language
// has several: " · f: file 2 of 3" (its title is marked ▶ below).
func (p *previewPane) fileNote(i int) string {
	side := p.side(i)
	if len(side) < 2 {
		return ""
	}
	k := min(p.file[i], len(side)-1)
	return " · " + i18n.F(p.c.Tr.Flow.FileOf, "i", strconv.Itoa(k+1), "n", strconv.Itoa(len(side)))
}
