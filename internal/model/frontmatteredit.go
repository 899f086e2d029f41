package model

import (
	"errors"
	"fmt"
	"strings"
)

// Editing a front matter: each edit rewrites only the lines of its field,
// and is kept only when the result reads back with that field changed and
// every other one as it was.

// SetString sets a top-level string field, changing only its lines (or adding
// it at the end of the front matter). The field keeps its quoting style where
// the new value allows it.
func (d *Document) SetString(key, value string) error {
	key = d.name(key)
	if cur, ok := d.values[key].(string); ok && cur == value {
		return nil
	}
	return d.set(key, value)
}

// SetBool sets a top-level boolean field, rewriting one line.
func (d *Document) SetBool(key string, value bool) error {
	key = d.name(key)
	if cur, ok := d.values[key].(bool); ok && cur == value {
		return nil
	}
	return d.set(key, value)
}

func (d *Document) set(key string, value any) error {
	var candidates [][]string
	i := d.fieldIndex(key)
	var f field
	if i >= 0 {
		f = d.fields[i]
	} else {
		at := d.insertAt()
		f = field{name: key, start: at, end: at, style: stylePlain, tokStart: -1}
	}
	switch d.format {
	case FormatYAML:
		candidates = yamlCandidates(d.lines, f, i >= 0, value, d.eol)
	case FormatTOML:
		candidates = tomlCandidates(d.lines, f, i >= 0, value, d.eol)
	default:
		return fmt.Errorf("set %s: front matter cannot be edited", key)
	}
	// Each candidate is checked by parsing the result: the first one that
	// reads back as the value wins, so a style that cannot carry the value
	// falls back to a safer one instead of writing something wrong.
	for _, repl := range candidates {
		lines := make([]string, 0, len(d.lines)-(f.end-f.start)+len(repl))
		lines = append(lines, d.lines[:f.start]...)
		lines = append(lines, repl...)
		lines = append(lines, d.lines[f.end:]...)
		nd := &Document{format: d.format, eol: d.eol, head: d.head, lines: lines, tail: d.tail, body: d.body}
		if err := nd.index(); err != nil || !nd.withinLimits() {
			continue
		}
		if !sameValue(nd.values[key], value) || !sameOthers(d.values, nd.values, key) {
			continue
		}
		*d = *nd
		return nil
	}
	return &UnwritableError{Field: key}
}

// UnwritableError: no way to write a field's new value was found that
// Parse reads back as that value, within its bounds (MaxFrontMatterBytes,
// MaxFrontMatterLines, MaxFrontMatterDepth); the document is unchanged.
type UnwritableError struct {
	Path  string // the posting's site path, where known (the error's wrapping names it too)
	Field string
}

func (e *UnwritableError) Error() string {
	return fmt.Sprintf("set %s: no way to write this value was found (at most %d bytes, %d lines and %d brackets open at once in the front matter)",
		e.Field, MaxFrontMatterBytes, MaxFrontMatterLines, MaxFrontMatterDepth)
}

// inFile names path in the UnwritableErrors among errs (joined or not).
func inFile(path string, errs ...error) error {
	err := errors.Join(errs...)
	var u *UnwritableError
	if errors.As(err, &u) && u.Path == "" {
		u.Path = path
	}
	return err
}

// insertAt is where a new field goes: the end of the front matter, or for
// TOML the end of its top-level keys, before the first [table].
func (d *Document) insertAt() int {
	if d.format != FormatTOML {
		return len(d.lines)
	}
	from := 0
	if n := len(d.fields); n > 0 {
		from = d.fields[n-1].end
	}
	for _, l := range d.lines[from:] {
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			return from
		}
	}
	return len(d.lines)
}

// Delete removes a top-level field and its lines.
func (d *Document) Delete(key string) error {
	i := d.fieldIndex(d.name(key))
	if i < 0 {
		return nil
	}
	f := d.fields[i]
	lines := append(append([]string{}, d.lines[:f.start]...), d.lines[f.end:]...)
	nd := &Document{format: d.format, eol: d.eol, head: d.head, lines: lines, tail: d.tail, body: d.body}
	if err := nd.index(); err != nil {
		return fmt.Errorf("delete %s: %w", key, err)
	}
	*d = *nd
	return nil
}

func sameValue(a, b any) bool {
	switch x := b.(type) {
	case string:
		y, ok := a.(string)
		return ok && x == y
	case bool:
		y, ok := a.(bool)
		return ok && x == y
	}
	return false
}

// sameOthers makes sure an edit of key left every other key's value alone.
func sameOthers(before, after map[string]any, key string) bool {
	for k, v := range before {
		if k == key {
			continue
		}
		w, ok := after[k]
		if !ok || fmt.Sprintf("%#v", v) != fmt.Sprintf("%#v", w) {
			return false
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok && k != key {
			return false
		}
	}
	return true
}
