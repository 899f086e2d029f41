package model

import (
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// namesOf are the names a command may be given for the catalog's groups
// and files: keys, IDs, paths in every form, guessed keys, and a few that
// name nothing.
func namesOf(c *Catalog) []string {
	names := []string{"no-such-posting", "careers", "content", "true", "1", ""}
	for i, g := range c.Groups {
		names = append(names, g.Key, g.ID())
		if i%4 != 0 {
			continue // every group by key, one in four by its paths too
		}
		for _, p := range g.Postings(c.Site.Langs) {
			names = append(names, p.Path, p.Rel, strings.TrimSuffix(p.Rel, filepath.Ext(p.Rel)), p.TranslationKey)
		}
	}
	for _, u := range c.Unreadable {
		names = append(names, u.Path, u.Rel, u.GuessedKey)
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// found is what an action learns of the groups Find gives for name: each
// group's ID and files, and the unreadable files that make it ambiguous
// (same path, or a raw key naming it).
func found(c *Catalog, name string) []string {
	var out []string
	for _, g := range c.Find(name) {
		rels := map[string]bool{}
		s := "group " + g.ID() + ": " + strings.Join(g.Paths(), ", ")
		for _, p := range g.Postings(c.Site.Langs) {
			rels[p.Rel] = true
			s += " " + p.Path + "=" + p.Title
		}
		for _, u := range c.Unreadable {
			if rels[u.Rel] || (g.Key != "" && u.GuessedKey == g.Key) {
				s += " ambiguous:" + u.Path
			}
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// checkLoadGroups compares LoadGroups with Load for every name of the site.
func checkLoadGroups(t *testing.T, root string) {
	t.Helper()
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range namesOf(full) {
		part, err := LoadGroups(site, []string{name})
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if got, want := found(part, name), found(full, name); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", name, got, want)
		}
	}
}

// TestLoadGroupsFindsAsLoad: for every name of the corpus and the demo
// site, LoadGroups finds the same groups, whole, with the same unreadable
// files beside them, as a full Load.
func TestLoadGroupsFindsAsLoad(t *testing.T) {
	t.Run("demo", func(t *testing.T) { checkLoadGroups(t, filepath.Join("..", "demo", "site")) })
	t.Run("corpus", func(t *testing.T) { checkLoadGroups(t, corpusDir(t)) })
}

// TestLoadGroupsSpellings: files that give a key without holding its bytes
// (escapes, !!binary, YAML 1.1 booleans and numbers), keys shared by path,
// and unreadable files that name a key are found as Load finds them.
func TestLoadGroupsSpellings(t *testing.T) {
	pos := "content/%s/careers/positions/"
	at := func(lang, name string) string { return strings.Replace(pos, "%s", lang, 1) + name }
	root := makeSite(t, map[string]string{
		at("en", "dev.md"):        fm("title: Dev", "translationKey: dev"),
		at("fr", "dev-fr.md"):     fm(`title: "Dév"`, `translationKey: "\x64ev"`),
		at("fr", "dev-bin.md"):    fm("title: Dév binaire", "translationKey: !!binary ZGV2"),
		at("en", "toml.md"):       "+++\ntitle = 'Toml'\ntranslationKey = \"\\u0074oml\"\n+++\nBody.\n",
		at("fr", "toml.md"):       "+++\ntitle = 'Toml FR'\n+++\nBody.\n",
		at("en", "yes.md"):        fm("title: Yes", "translationKey: yes"),
		at("fr", "true.md"):       fm("title: True", `translationKey: "true"`),
		at("en", "hex.md"):        fm("title: Hex", "translationKey: 0x1F"),
		at("fr", "hex.md"):        fm("title: Hex FR", `translationKey: "31"`),
		at("en", "bypath.md"):     fm("title: By path"),
		at("fr", "bypath.md"):     fm("title: Par chemin"),
		at("en", "keyed.md"):      fm("title: Keyed", "translationKey: careers/positions/bypath"),
		at("en", "broken.md"):     "---\ntitle: [broken\ntranslationKey: dev\n---\nBody.\n",
		at("fr", "broken-at.md"):  fm("title: Other", "translationKey: other"),
		at("en", "broken-at.md"):  "---\ntitle: [also broken\n---\n",
		at("en", "body-names.md"): fm("title: Mentions dev", "translationKey: mentions") + "dev and toml and other\n",
		at("en", "body-slash.md"): fm("title: Escapes", "translationKey: escapes") + "a \\*b\\* and !!binary\n",
		at("fr", "unclosed.md"):   "---\ntitle: Jamais fermé\ntranslationKey: \"\\x64ev\"\n",
	})
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := Load(site)
	for _, name := range []string{"dev", "toml", "true", "31", "careers/positions/bypath", "bypath", "other", "mentions", "broken-at"} {
		part, err := LoadGroups(site, []string{name})
		if err != nil {
			t.Fatal(err)
		}
		got, want := found(part, name), found(full, name)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", name, got, want)
		}
		if len(want) == 0 {
			t.Errorf("%q: the fixture names no group", name)
		}
	}
	// Several names at once, and fewer files parsed than Load parses: a
	// backslash or "binary" in a body, where no key is, is not parsed.
	part, _ := LoadGroups(site, []string{"dev", "other"})
	for _, p := range part.Postings {
		if strings.HasSuffix(p.Path, "body-slash.md") {
			t.Errorf("%s was parsed: its only backslashes are in its body", p.Path)
		}
	}
	if len(part.Postings) >= len(full.Postings) {
		t.Errorf("LoadGroups parsed %d postings of %d", len(part.Postings), len(full.Postings))
	}
	if got, want := append(found(part, "dev"), found(part, "other")...), append(found(full, "dev"), found(full, "other")...); !reflect.DeepEqual(got, want) {
		t.Errorf("two names:\n got %q\nwant %q", got, want)
	}
}

// TestLoadGroupsReadsAgainForKeys: a file named by its path pairs, by its
// translationKey, with files that hold neither the name nor its path. The
// first reading keeps none of their bytes; LoadGroups reads them again for
// the key and finds the group whole, as Load does. When the key holds the
// name, a file that does not hold the name cannot hold the key.
func TestLoadGroupsReadsAgainForKeys(t *testing.T) {
	pos := "content/%s/careers/positions/"
	at := func(lang, name string) string { return strings.Replace(pos, "%s", lang, 1) + name }
	root := makeSite(t, map[string]string{
		at("en", "dev.md"):    fm("title: Dev", "translationKey: shared-key"),
		at("fr", "dev-fr.md"): fm("title: Dév", "translationKey: shared-key"),
		at("fr", "dev.md"):    "---\ntitle: [broken\n---\n",
		at("en", "other.md"):  fm("title: Other", "translationKey: other"),
		at("fr", "other.md"):  fm("title: Autre", "translationKey: other"),
	})
	site, err := OpenSite(root, SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := Load(site)
	for _, name := range []string{"content/en/careers/positions/dev.md", "dev.md", "dev", "shared-key"} {
		part, err := LoadGroups(site, []string{name})
		if err != nil {
			t.Fatal(err)
		}
		got, want := found(part, name), found(full, name)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", name, got, want)
		}
		if len(want) != 1 || !strings.Contains(want[0], "dev-fr.md") || !strings.Contains(want[0], "ambiguous:content/fr/careers/positions/dev.md") {
			t.Errorf("%q: the fixture does not name the pair and its unreadable file: %q", name, want)
		}
	}
	for _, c := range []struct {
		keys, needles []string
		want          bool
	}{{[]string{"shared-key"}, []string{"key"}, true}, {[]string{"shared-key", "other"}, []string{"key"}, false}, {nil, []string{"x"}, true}} {
		var keys, needles [][]byte
		for _, k := range c.keys {
			keys = append(keys, []byte(k))
		}
		for _, n := range c.needles {
			needles = append(needles, []byte(n))
		}
		if got := eachHoldsOne(keys, needles); got != c.want {
			t.Errorf("eachHoldsOne(%q, %q) = %v", c.keys, c.needles, got)
		}
	}
}

func TestPlainKey(t *testing.T) {
	for k, want := range map[string]bool{
		"dev": true, "2022-aug-sr-app-sec-dev": true, "1979-05-27T07:32:00": false, "+Inf": false, "careers/positions/chef-d’équipe.md": true, "Équipe": true,
		"true": false, "false": false, "NaN": false, "": false, "a b": false, "it's": false, `a\b`: false,
		"0x1F": true, ".inf": true, "31": false, "-1": false, "a\u2028b": false, "consulting:-content.md": true,
	} {
		if got := plainKey(k); got != want {
			t.Errorf("plainKey(%q) = %v, want %v", k, got, want)
		}
	}
}
