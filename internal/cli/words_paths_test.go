package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A posting's file is named as the shell's completion gives it: from the
// current folder, with "./", absolute, from inside the site (user test:
// each answered "no posting with this key or file").
func TestPostingFileFromAnyFolder(t *testing.T) {
	site := writeDemo(t)
	fr := filepath.Join(site, "content", "fr", "careers", "positions")
	for _, c := range []struct{ dir, arg string }{
		{site, "./content/fr/careers/positions/designer-ux.md"},
		{site, "content/fr/careers/positions/designer-ux.md"},
		{t.TempDir(), filepath.Join(fr, "designer-ux.md")},
		{filepath.Join(site, "content", "fr"), "careers/positions/designer-ux.md"},
		{fr, "designer-ux.md"},
		{fr, "../../../en/careers/positions/ux-designer.md"},
		{filepath.Join(site, "content"), "ux-designer"},
	} {
		t.Chdir(c.dir)
		for _, args := range [][]string{{"archive", "--no-commit", c.arg}, {"archive", "--unarchive", "--no-commit", c.arg}} {
			if c.dir != site && !strings.HasPrefix(c.dir, site) {
				args = append(args, "--repo", site)
			}
			out, errOut, code := runIn(t, "en_CA.UTF-8", args...)
			if code != 0 || !strings.Contains(out, "2 files edited") {
				t.Errorf("in %s, %v: exit %d, %q %q", c.dir, args, code, out, errOut)
			}
		}
	}
}

// A file that exists but cannot be read says so, and why, rather than
// that no posting has that name.
func TestUnreadableFileSaysWhy(t *testing.T) {
	site := writeDemo(t)
	t.Chdir(site)
	for lang, want := range map[string]string{
		"en_CA.UTF-8": "content/fr/careers/positions/analyste-de-la-sécurité.md: front matter cannot be read: line 4",
		"fr_CA.UTF-8": "content/fr/careers/positions/analyste-de-la-sécurité.md\u00a0: en-tête illisible : ligne 4",
	} {
		_, errOut, code := runIn(t, lang, "archive", "./content/fr/careers/positions/analyste-de-la-sécurité.md")
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q, want %q", lang, code, errOut, want)
		}
	}
}

// archive --help says that a posting is named by its key or a file, in
// both languages.
func TestArchiveHelpSaysKeyOrFile(t *testing.T) {
	for lang, want := range map[string][]string{
		"en_CA.UTF-8": {"archive KEY|FILE...", "by its key (translationKey) or by one of its files"},
		"fr_CA.UTF-8": {"archive CLÉ|FICHIER...", "par sa clé (translationKey) ou par l’un de ses fichiers"},
	} {
		out, _, _ := runIn(t, lang, "archive", "--help")
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: archive --help lacks %q:\n%s", lang, w, out)
			}
		}
	}
}
