package model

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Group is a posting and its translations: the files Hugo pairs, those with
// the same translation key (Posting.PairKey): the translationKey of their
// front matter, else the one Hugo builds from their path in the content
// tree, without language or extension.
type Group struct {
	Key     string // the translationKey; "" for files linked by file name
	Rel     string // for a keyless group: the path relative to the section, without language or extension
	PairKey string // Hugo's translation key, shared by all the files
	Files   map[string][]*Posting
}

// ID names the group for people and commands: its translationKey, or for a
// keyless group its file path relative to the section, without language
// or extension.
func (g *Group) ID() string {
	if g.Key != "" {
		return g.Key
	}
	return g.Rel
}

// Postings lists the group's files in the site's language order.
func (g *Group) Postings(langs []string) []*Posting {
	var out []*Posting
	for _, l := range langs {
		out = append(out, g.Files[l]...)
	}
	return out
}

// First is the group's first file in lang, or nil.
func (g *Group) First(lang string) *Posting {
	if fs := g.Files[lang]; len(fs) > 0 {
		return fs[0]
	}
	return nil
}

// Contains reports whether p is one of the group's files.
func (g *Group) Contains(p *Posting) bool {
	for _, q := range g.Files[p.Lang] {
		if q == p {
			return true
		}
	}
	return false
}

// Paths are the site-relative paths of the group's files, sorted.
func (g *Group) Paths() []string {
	var out []string
	for _, fs := range g.Files {
		for _, p := range fs {
			out = append(out, p.Path)
		}
	}
	sort.Strings(out)
	return out
}

// Link groups readable postings by Hugo's rules; unreadable ones belong to
// no group and are returned apart.
func Link(postings []*Posting) (groups []*Group, unreadable []*Posting) {
	byKey := map[string]*Group{}
	for _, p := range postings {
		if !p.Readable() {
			unreadable = append(unreadable, p)
			continue
		}
		g := byKey[p.PairKey]
		if g == nil {
			g = &Group{PairKey: p.PairKey, Files: map[string][]*Posting{}}
			byKey[p.PairKey] = g
			groups = append(groups, g)
		}
		if g.Key == "" && p.TranslationKey != "" {
			g.Key = p.TranslationKey
		}
		if g.Rel == "" {
			_, base, _ := langOfName(map[string]bool{p.Lang: true}, path.Base(p.Rel))
			g.Rel = path.Join(path.Dir(p.Rel), base)
		}
		g.Files[p.Lang] = append(g.Files[p.Lang], p)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].ID() < groups[j].ID() })
	return groups, unreadable
}

// Catalog is a site's postings, linked and checked.
type Catalog struct {
	Site       *Site
	Postings   []*Posting
	Groups     []*Group
	Unreadable []*Posting
	Problems   []Problem

	byGroup map[*Group][]Problem
	byPath  map[string][]Problem
}

// Load reads, links and checks the postings of site.
func Load(site *Site) (*Catalog, error) {
	postings, err := LoadPostings(site)
	if err != nil {
		return nil, err
	}
	return NewCatalog(site, postings), nil
}

// LoadLinked reads and links the postings of site without checking them:
// all a list needs to show them. Checked adds the problems.
func LoadLinked(site *Site) (*Catalog, error) {
	postings, err := LoadPostings(site)
	if err != nil {
		return nil, err
	}
	c := &Catalog{Site: site, Postings: postings}
	c.Groups, c.Unreadable = Link(postings)
	return c, nil
}

// NewCatalog links and checks postings already read.
func NewCatalog(site *Site, postings []*Posting) *Catalog {
	c := &Catalog{Site: site, Postings: postings}
	c.Groups, c.Unreadable = Link(postings)
	c.check()
	return c
}

// Checked is a copy of the catalog with the problems the checks find (the
// catalog itself stays as it is for whoever reads it meanwhile).
func (c *Catalog) Checked() *Catalog {
	cp := *c
	cp.check()
	return &cp
}

func (c *Catalog) check() {
	measureAll(c.Postings)
	c.SetProblems(Check(c.Site, c.Groups, c.Unreadable))
}

// SetProblems replaces the catalog's problems (with problems found
// elsewhere, such as in git history) and indexes them.
func (c *Catalog) SetProblems(ps []Problem) {
	SortProblems(ps)
	c.Problems = ps
	c.byGroup = map[*Group][]Problem{}
	c.byPath = map[string][]Problem{}
	groupOf := map[string]*Group{}
	for _, g := range c.Groups {
		for _, fs := range g.Files {
			for _, p := range fs {
				groupOf[p.Path] = g
			}
		}
	}
	for _, pr := range ps {
		seen := map[*Group]bool{}
		for _, p := range pr.Paths {
			c.byPath[p] = append(c.byPath[p], pr)
			if g := groupOf[p]; g != nil && !seen[g] {
				seen[g] = true
				c.byGroup[g] = append(c.byGroup[g], pr)
			}
		}
	}
}

// GroupProblems are the problems that concern a group's files.
func (c *Catalog) GroupProblems(g *Group) []Problem { return c.byGroup[g] }

// PathProblems are the problems that concern one file.
func (c *Catalog) PathProblems(sitePath string) []Problem { return c.byPath[sitePath] }

// Find returns the groups whose key, ID or file path (site-relative or
// relative to the section) is name.
func (c *Catalog) Find(name string) []*Group {
	if strings.TrimSpace(name) == "" {
		// Names nothing: every group without a translationKey has the
		// key "", and `jobtui delete "$KEY"` with KEY unset removed them.
		return nil
	}
	var out []*Group
	for _, g := range c.Groups {
		if g.Key == name || g.ID() == name {
			out = append(out, g)
			continue
		}
		for _, p := range g.Postings(c.Site.Langs) {
			if p.namedBy(name) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// namedBy reports whether name names the posting's file as Find takes a
// file: its path from the site's root, its place in the section, with or
// without its extension.
func (p *Posting) namedBy(name string) bool {
	return p.Path == name || p.Rel == name || strings.TrimSuffix(p.Rel, path.Ext(p.Rel)) == name
}

// Suggest lists up to n group IDs close to name, closest first: IDs a
// typing slip away, IDs that hold name or that name holds ("tech-ops" for
// 2022-aug-tech-ops-analyst), and groups whose title in a language holds
// name (a recruiter types the title she sees).
func (c *Catalog) Suggest(name string, n int) []string {
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	lname := strings.ToLower(strings.TrimSpace(name))
	if lname == "" {
		return nil
	}
	for _, g := range c.Groups {
		id := g.ID()
		lid := strings.ToLower(id)
		d := levenshtein(lname, lid)
		near := d <= max(3, len(name)/3)
		if len(lname) >= 3 && (strings.Contains(lid, lname) || strings.Contains(lname, lid)) {
			d, near = min(d, 1+abs(len(lid)-len(lname))/4), true
		}
		if t, ok := c.titleHolds(g, lname); ok && (!near || t < d) {
			d, near = t, true
		}
		if near {
			cs = append(cs, cand{id, d})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].id < cs[j].id
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// titleHolds tells whether a title of g (in any language) holds lname (in
// lower case, three characters or more), and how far: 0 for the whole
// title, more the more of the title lname leaves out.
func (c *Catalog) titleHolds(g *Group, lname string) (int, bool) {
	if len(lname) < 3 {
		return 0, false
	}
	best, found := 0, false
	for _, p := range g.Postings(c.Site.Langs) {
		lt := strings.ToLower(p.Title)
		if lt == "" || !strings.Contains(lt, lname) {
			continue
		}
		if d := (len(lt) - len(lname) + 7) / 8; !found || d < best {
			best, found = d, true
		}
	}
	return best, found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// String is for debugging.
func (g *Group) String() string {
	return fmt.Sprintf("group %s (%d files)", g.ID(), len(g.Paths()))
}
