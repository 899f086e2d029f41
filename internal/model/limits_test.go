package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// hostileFrontMatter are the files of issue 13, case 10, and their kin: each
// would crash a parser (stack overflow), take seconds or fill the memory.
func hostileFrontMatter() map[string]struct {
	data  string
	limit Limit
} {
	rep := strings.Repeat
	return map[string]struct {
		data  string
		limit Limit
	}{
		// 2,000,000 nested arrays: 4 MB, a stack overflow in the TOML parser.
		"toml arrays 2M deep":  {"+++\nx = " + rep("[", 2_000_000) + rep("]", 2_000_000) + "\n+++\n", LimitSize},
		"toml arrays 20k deep": {"+++\nx = " + rep("[", 20_000) + rep("]", 20_000) + "\n+++\n", LimitDepth},
		// Inline tables 5,000 deep: 9 s and 1.1 GB (quadratic).
		"toml inline tables 5000 deep": {"+++\nx = " + rep("{a = ", 5000) + "1" + rep("}", 5000) + "\n+++\n", LimitDepth},
		"toml dotted key 20k parts":    {"+++\n" + rep("a.", 20_000) + "a = 1\n+++\n", LimitDepth},
		"toml table header 20k parts":  {"+++\n[" + rep("a.", 20_000) + "a]\n+++\n", LimitDepth},
		"toml arrays over many lines":  {"+++\nx = " + rep("[\n", 1000) + rep("]\n", 1000) + "+++\n", LimitDepth},
		// After a string, quoted keys and a multi-line string closed by
		// five quotes, the dotted key is still seen.
		"toml dotted key after strings": {"+++\na = \"x\\\"[\"\n\"k.k\" = 'y'\nm = \"\"\"\nz\"\"\"\"\"\n" + rep("a.", 20_000) + "a = 1\n+++\n", LimitDepth},
		// 50 MB of front matter: 13 s and 484 MB.
		"toml 50 MB": {"+++\n" + rep("k = 'a value'\n", 50<<20/14) + "+++\n", LimitLines},
		// The YAML parser checks a mapping's keys against each other.
		"yaml 3000 keys":           {"---\n" + keyLines(3000) + "---\n", LimitLines},
		"yaml 50 MB one line":      {"---\nk: '" + rep("a", 50<<20) + "'\n---\n", LimitSize},
		"yaml flow 20k deep":       {"---\nx: " + rep("[", 20_000) + rep("]", 20_000) + "\n---\n", LimitDepth},
		"yaml flow maps 5000 deep": {"---\nx: " + rep("{a: ", 5000) + "1" + rep("}", 5000) + "\n---\n", LimitDepth},
		"yaml block sequences":     {"---\nx:\n  " + rep("- ", 20_000) + "a\n---\n", LimitDepth},
		"yaml indentation 200":     {"---\n" + indented(200) + "---\n", LimitDepth},
	}
}

func keyLines(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

func indented(levels int) string {
	var b strings.Builder
	for i := 0; i < levels; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	fmt.Fprintf(&b, "%sleaf: 1\n", strings.Repeat(" ", levels))
	return b.String()
}

func TestHostileFrontMatterIsRefusedBeforeParsing(t *testing.T) {
	for name, c := range hostileFrontMatter() {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(c.data + "Body\n"))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ParseError", err)
			}
			if pe.Limit != c.limit || pe.Unsupported || pe.Line < 1 {
				t.Errorf("got %+v, want limit %q", pe, c.limit)
			}
		})
	}
}

// Just under the limits, front matter is read as usual.
func TestFrontMatterUnderTheLimitsIsRead(t *testing.T) {
	rep := strings.Repeat
	n := MaxFrontMatterDepth - 1 // one level for the key
	for name, data := range map[string]string{
		"toml arrays":       "+++\nx = " + rep("[", n) + rep("]", n) + "\ntitle = 'T'\n+++\n",
		"yaml flow":         "---\nx: " + rep("[", n) + rep("]", n) + "\ntitle: T\n---\n",
		"yaml indentation":  "---\n" + indented(MaxFrontMatterDepth-1) + "title: T\n---\n",
		"yaml big":          "---\ntitle: T\ndescription: '" + rep("a", MaxFrontMatterBytes-100) + "'\n---\n",
		"yaml many keys":    "---\n" + keyLines(MaxFrontMatterLines-1) + "title: T\n---\n",
		"brackets in a url": "---\ntitle: '[[a]] {b} x.y.z'\n---\n",
		// Sentences, brackets and comments are not nesting in TOML.
		"toml prose": "+++\ntitle = 'T'\ndescription = \"" + rep("One. Two [a. ", 100) + "\\\" still. [\"\n" +
			"notes = '" + rep("x.[{", 100) + "'\n# " + rep("[.", 100) + "\n" +
			"long = \"\"\"\n" + rep("a. [b. \\\"\"\" ", 50) + "\n" + rep(". [", 100) + "\"\"\"\"\"\n" +
			"lit = '''\n" + rep(". [", 100) + "''''\n" +
			"x = 1.5\n+++\n",
	} {
		d, err := Parse([]byte(data + "Body\n"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d.String("title") == "" {
			t.Errorf("%s: no title", name)
		}
	}
}

// A site holding such files lists every other posting, and reports each
// hostile file as invalid-front-matter with its limit, in both languages.
func TestSiteWithHostileFilesStaysUsable(t *testing.T) {
	files := map[string]string{
		en + "developer.md":   posting("Developer", "dev", u1, false, enBody),
		fr + "développeur.md": posting("Développeur", "dev", u1, false, frBody),
	}
	hostile := hostileFrontMatter()
	for _, name := range []string{"toml arrays 2M deep", "toml inline tables 5000 deep", "toml 50 MB", "yaml flow 20k deep"} {
		files[en+strings.ReplaceAll(name, " ", "-")+".md"] = hostile[name].data
	}
	site, err := OpenSite(makeSite(t, files), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Groups) != 1 || len(cat.Groups[0].Postings(site.Langs)) != 2 {
		t.Fatalf("groups %v", cat.Groups)
	}
	if len(cat.Unreadable) != 4 {
		t.Fatalf("%d unreadable, want 4", len(cat.Unreadable))
	}
	for _, p := range cat.Unreadable {
		ps := cat.PathProblems(p.Path)
		if len(ps) != 1 || ps[0].Code != CodeInvalidFrontMatter {
			t.Fatalf("%s: problems %+v", p.Path, ps)
		}
		// The words for these arguments are tested in i18n.
		a := ps[0].Args
		switch p.Err.Limit {
		case LimitSize:
			if a["limit"] != "size" || a["kb"] != strconv.Itoa(MaxFrontMatterBytes>>10) {
				t.Errorf("%s: args %v", p.Path, a)
			}
		case LimitLines:
			if a["limit"] != "lines" || a["lines"] != strconv.Itoa(MaxFrontMatterLines) {
				t.Errorf("%s: args %v", p.Path, a)
			}
		case LimitDepth:
			if a["limit"] != "depth" || a["levels"] != strconv.Itoa(MaxFrontMatterDepth) || a["line"] == "" || a["line"] == "0" {
				t.Errorf("%s: args %v", p.Path, a)
			}
		default:
			t.Errorf("%s: no limit: %+v", p.Path, p.Err)
		}
	}
}

// Issue 13, case 11: every line number in a YAML error is a line of the file.
func TestYAMLErrorLinesAreFileLines(t *testing.T) {
	for _, c := range []struct{ in, reason string }{
		{"---\ntitle: A\nlayout: x\ntitle: B\n---\n", `mapping key "title" already defined at line 2`},
		{"---\r\ntype: s\r\ntitle: A\r\ntitle: B\r\n---\r\n", `mapping key "title" already defined at line 3`},
		{"---\ntitle: A\ntitle: B\nx: 1\nx: 2\n---\n", `mapping key "title" already defined at line 2; line 5: mapping key "x" already defined at line 4`},
	} {
		_, err := Parse([]byte(c.in))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%q: err = %v", c.in, err)
		}
		lines := strings.Split(c.in, "\n")
		if pe.Line < 1 || pe.Line > len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[pe.Line-1]), "title: B") {
			t.Errorf("%q: line %d is not the second title", c.in, pe.Line)
		}
		if pe.Reason != c.reason {
			t.Errorf("%q: reason %q, want %q", c.in, pe.Reason, c.reason)
		}
	}
}
