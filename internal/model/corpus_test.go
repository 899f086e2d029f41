package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the real corpus beside the checkout; tests that need it skip
// where it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "cds-careers-2023-05"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		t.Skipf("real corpus not found at %s (it lives in ../shared beside the checkout): %v", dir, err)
	}
	return dir
}

func corpusFiles(t testing.TB) []string {
	dir := corpusDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "content", "*", "careers", "positions", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 248 {
		t.Fatalf("corpus has %d posting files, want 248", len(files))
	}
	return files
}

func TestCorpusRoundTrip(t *testing.T) {
	for _, f := range corpusFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if !bytes.Equal(d.Bytes(), data) {
			t.Errorf("%s: written back differently", filepath.Base(f))
		}
	}
}

// fieldLines returns the lines of the front matter that belong to key: the
// key's line and the continuation lines after it (indented or blank) up to
// the next key.
func fieldLines(fm []string, key string) map[int]bool {
	out := map[int]bool{}
	in := false
	for i, l := range fm {
		isKey := l != "" && l[0] != ' ' && l[0] != '\t' && l[0] != '#' && strings.Contains(l, ":")
		if isKey {
			in = strings.HasPrefix(l, key+":")
		}
		if in {
			out[i] = true
		}
	}
	return out
}

func frontMatterLines(data []byte) []string {
	lines := strings.Split(string(data), "\n")
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r") == "---" {
			return lines[1:i]
		}
	}
	return nil
}

// Setting each known field on every corpus file changes only that field's
// lines (the rest of the file is identical), and the file reads back with
// the new value.
func TestCorpusEditEveryField(t *testing.T) {
	strValues := map[string]string{
		KeyTitle:          "Nouveau titre : d’essai #2",
		KeyDescription:    "A new description\nwith two lines, \"quotes\" and 'apostrophes'.",
		KeyTranslationKey: "new-key-2026",
		KeyLeverID:        "0f8e6fae-63c8-4b9d-86f9-a366b32d4fbe",
		KeyLayout:         "job-posting-v2",
		KeyType:           "page",
	}
	for _, f := range corpusFiles(t) {
		data, _ := os.ReadFile(f)
		base := filepath.Base(f)
		check := func(key string, d *Document, want any) {
			out := d.Bytes()
			d2, err := Parse(out)
			if err != nil {
				t.Errorf("%s set %s: result does not parse: %v", base, key, err)
				return
			}
			if got, _ := d2.Value(key); got != want {
				t.Errorf("%s set %s: reads back %#v, want %#v", base, key, got, want)
			}
			if !bytes.Equal(d2.Body(), mustParse(t, data).Body()) {
				t.Errorf("%s set %s: body changed", base, key)
			}
			// Outside the field's lines, nothing changed.
			before, after := frontMatterLines(data), frontMatterLines(out)
			bf, af := fieldLines(before, key), fieldLines(after, key)
			var restBefore, restAfter []string
			for i, l := range before {
				if !bf[i] {
					restBefore = append(restBefore, l)
				}
			}
			for i, l := range after {
				if !af[i] {
					restAfter = append(restAfter, l)
				}
			}
			if strings.Join(restBefore, "\n") != strings.Join(restAfter, "\n") {
				removed, added := diffLines(strings.Join(restBefore, "\n"), strings.Join(restAfter, "\n"))
				t.Errorf("%s set %s: other lines changed: -%q +%q", base, key, removed, added)
			}
		}
		for key, v := range strValues {
			d := mustParse(t, data)
			if err := d.SetString(key, v); err != nil {
				t.Errorf("%s: set %s: %v", base, key, err)
				continue
			}
			check(key, d, v)
		}
		for _, v := range []bool{true, false} {
			d := mustParse(t, data)
			if err := d.SetBool(KeyArchived, v); err != nil {
				t.Errorf("%s: set archived: %v", base, err)
				continue
			}
			check(KeyArchived, d, v)
			removed, added := diffLines(string(data), string(d.Bytes()))
			if len(removed) > 1 || len(added) > 1 {
				t.Errorf("%s: archived=%v changed %d lines", base, v, len(added))
			}
		}
	}
}

func mustParse(t testing.TB, data []byte) *Document {
	t.Helper()
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func loadCorpus(t testing.TB) *Catalog {
	site, err := OpenSite(corpusDir(t), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The counts below were worked out by hand from the files (grep and sort of
// translationKey, leverId, archived and description lines), not from this
// code: 92 distinct keys plus 4 keyless files with different names in each
// language; sr-policy-advisor exists in French only; 30 English and 29
// French keys are shared by several files; every posting is archived.
func TestCorpusCheckCounts(t *testing.T) {
	c := loadCorpus(t)
	if len(c.Postings) != 248 || len(c.Groups) != 96 || len(c.Unreadable) != 0 {
		t.Fatalf("postings %d groups %d unreadable %d", len(c.Postings), len(c.Groups), len(c.Unreadable))
	}
	counts := map[string]int{}
	for _, p := range c.Problems {
		counts[p.Code]++
	}
	want := map[string]int{
		CodeMissingTranslation: 5,
		CodeDuplicateKey:       59,
		CodeMissingKey:         4,
		CodeLeverIDMismatch:    26,
		CodeInvalidLeverID:     2,
		CodeMissingField:       2,
	}
	for code, n := range want {
		if counts[code] != n {
			t.Errorf("%s: %d, want %d", code, counts[code], n)
		}
	}
	for code, n := range counts {
		if _, ok := want[code]; !ok {
			t.Errorf("unexpected %s: %d", code, n)
		}
	}
}

func TestCorpusGroupsByHand(t *testing.T) {
	c := loadCorpus(t)
	byID := map[string]*Group{}
	for _, g := range c.Groups {
		byID[g.ID()] = g
	}
	// administrative-officer: three English files and two French ones.
	g := byID["administrative-officer"]
	if g == nil || len(g.Files["en"]) != 3 || len(g.Files["fr"]) != 2 {
		t.Fatalf("administrative-officer = %v", g)
	}
	var dups []Problem
	for _, p := range c.GroupProblems(g) {
		if p.Code == CodeDuplicateKey {
			dups = append(dups, p)
		}
	}
	if len(dups) != 2 || len(dups[0].Paths)+len(dups[1].Paths) != 5 {
		t.Errorf("administrative-officer duplicates: %+v", dups)
	}
	// sr-policy-advisor: French only.
	g = byID["sr-policy-advisor"]
	if g == nil || len(g.Files["en"]) != 0 || len(g.Files["fr"]) != 1 {
		t.Fatalf("sr-policy-advisor = %v", g)
	}
	ps := c.GroupProblems(g)
	if len(ps) == 0 || ps[0].Code != CodeMissingTranslation || ps[0].Lang != "en" {
		t.Errorf("sr-policy-advisor problems: %+v", ps)
	}
	// Keyless files are linked by file name; their names differ, so each is
	// alone and misses its translation.
	for _, id := range []string{"chief-of-staff", "head-of-talent", "chef-de-cabinet", "responsable-du-talent"} {
		g := byID[id]
		if g == nil || g.Key != "" || len(g.Postings(c.Site.Langs)) != 1 {
			t.Errorf("%s = %v", id, g)
			continue
		}
		codes := map[string]bool{}
		for _, p := range c.GroupProblems(g) {
			codes[p.Code] = true
		}
		if !codes[CodeMissingKey] || !codes[CodeMissingTranslation] {
			t.Errorf("%s problems: %v", id, codes)
		}
	}
	// A clean pair: one file each side, same leverId, no problem at all.
	g = byID["2022-aug-tech-ops-analyst"]
	if g == nil || len(c.GroupProblems(g)) != 0 {
		t.Errorf("2022-aug-tech-ops-analyst should be clean: %v %+v", g, c.GroupProblems(g))
	}
}

// Every corpus body is really in its language: wrong-language must not fire.
func TestCorpusLanguagesAreRight(t *testing.T) {
	c := loadCorpus(t)
	for _, p := range c.Postings {
		if _, _, wrong := wrongLanguage(p.Body(), p.Lang); wrong {
			t.Errorf("%s flagged as the wrong language", p.Path)
		}
	}
}
