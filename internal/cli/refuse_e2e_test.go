package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
)

// Issue 13 as a user meets it: the built binary in tmux, on a git copy of
// the demo site, checked with the git command line afterwards.

// The pair of issue 13, case 3: the English file holds escapes (\e, \a) and
// a tab in quoted values, \r\n and \t escapes, a comment, CRLF line ends;
// the French one a \t escape, in TOML.
const (
	escapedENPath = "content/en/careers/positions/escaped-dev.md"
	escapedFRPath = "content/fr/careers/positions/developpeur-echappe.md"
	escapedEN     = "---\r\n" +
		"title: \"Dev\\e\\a lead\"\r\n" +
		"description: \"one\\r\\ntwo\\tthree\"\r\n" +
		"layout: job-posting # kept\r\n" +
		"notes: \"tab\there\"\r\n" +
		"translationKey: escaped-dev\r\n" +
		"---\r\nBody\r\n"
	escapedFR = "+++\ntitle = 'Développeur'\ndescription = \"un\\tdeux\"\nlayout = \"job-posting\"\n" +
		"translationKey = \"escaped-dev\"\n+++\nCorps\n"
)

// e2eSite is the demo site with the escaped pair, committed.
type e2eSite struct {
	t   *testing.T
	bin string
	dir string
}

func newE2ESite(t *testing.T) *e2eSite {
	bin := binary(t)
	s := &e2eSite{t: t, bin: bin, dir: demoSite(t, bin)}
	s.write(escapedENPath, escapedEN)
	s.write(escapedFRPath, escapedFR)
	s.git("add", "-A")
	s.git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q", "-m", "Add the escaped pair")
	return s
}

func (s *e2eSite) write(rel, data string) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.dir, rel), []byte(data), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *e2eSite) read(rel string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.dir, rel))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

// git runs git in the site, without the user's configuration and without
// taking optional locks (git status would refresh the index).
func (s *e2eSite) git(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_OPTIONAL_LOCKS=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// fsck: git fsck --strict finds nothing to say.
func (s *e2eSite) fsck() {
	s.t.Helper()
	if out := s.git("fsck", "--strict", "--no-dangling"); strings.TrimSpace(out) != "" {
		s.t.Errorf("git fsck --strict:\n%s", out)
	}
}

// state is what a refused action must leave as it was: git status, every
// ref, HEAD, the index entries, the bytes of the files.
func (s *e2eSite) state(files ...string) string {
	var b strings.Builder
	b.WriteString(s.git("status", "--porcelain", "--untracked-files=all"))
	b.WriteString(s.git("symbolic-ref", "HEAD"))
	b.WriteString(s.git("for-each-ref"))
	b.WriteString(s.git("ls-files", "--stage"))
	for _, f := range files {
		fmt.Fprintf(&b, "%s:\n%s\n", f, s.read(f))
	}
	return b.String()
}

// app runs the built binary on the site in a w×h tmux window, in env only
// (env -i: nothing of the test's own environment, such as a git identity,
// leaks in), with the terminal's settings saved before and after it.
func (s *e2eSite) app(w, h int, env []string, args ...string) (*terminal, func() (before, after []byte)) {
	t := s.t
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end tests need it (.ci/run installs it)")
	}
	tmp := t.TempDir()
	before, after := filepath.Join(tmp, "stty-before"), filepath.Join(tmp, "stty-after")
	term := &terminal{t: t, socket: fmt.Sprintf("jobtui-e2e-%d-%s", os.Getpid(), strings.ReplaceAll(t.Name(), "/", "-"))}
	env = append([]string{"PATH=" + os.Getenv("PATH"), "TERM=xterm-256color", "LANG=C.UTF-8"}, env...)
	run := "env -i " + strings.Join(quoteAll(env), " ") + " " + strings.Join(quoteAll(append([]string{s.bin, "--repo", s.dir}, args...)), " ")
	shell := "stty -a > " + before + "; " + run + "; echo EXIT=$?; stty -a > " + after + "; sleep 60"
	term.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	t.Cleanup(func() { term.tmux("kill-server") })
	return term, func() ([]byte, []byte) {
		b, _ := os.ReadFile(before)
		a, _ := os.ReadFile(after)
		return b, a
	}
}

// identityEnv is a user's environment with a git identity; home is empty.
func identityEnv(t *testing.T) []string {
	return []string{"HOME=" + t.TempDir(), "GIT_CONFIG_NOSYSTEM=1", "EDITOR=true",
		"GIT_AUTHOR_NAME=Recruiter", "GIT_AUTHOR_EMAIL=recruiter@example.org",
		"GIT_COMMITTER_NAME=Recruiter", "GIT_COMMITTER_EMAIL=recruiter@example.org"}
}

// typeText types s as is.
func (term *terminal) typeText(s string) {
	term.tmux("send-keys", "-t", "e2e", "-l", s)
	time.Sleep(150 * time.Millisecond)
}

// selectPosting filters the list down to one posting and leaves the filter.
func (term *terminal) selectPosting(filter, shown string) {
	term.t.Helper()
	term.send("/")
	term.typeText(filter)
	term.waitFor("the filtered list", shown)
	term.send("Enter")
}

// fit cuts a message to what a w-column line shows of it after prefix,
// at a word's end (a long title wraps there).
func fit(prefix, msg string, w int) string {
	msg, _, _ = strings.Cut(msg, "\n")
	r := []rune(msg)
	n := max(0, w-len([]rune(prefix))-2)
	if len(r) <= n {
		return msg
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut)
}

// form walks the edit form of the selected posting to the title of lang
// (the shared fields first: key, archived, leverId, layout, type; then each
// language's title and description).
func (term *terminal) formTo(tr *i18n.Tr, id, lang string) {
	term.t.Helper()
	term.send("e")
	term.waitFor("the edit form", i18n.F(tr.UI.EditTitle, "id", id))
	term.send("Enter", "Enter", "Enter", "Enter", "Enter")
	if lang == "fr" {
		term.waitFor("the English title", tr.Forms.Title+" ("+tr.Check.LangEN+")")
		term.send("Enter", "Enter")
	}
	term.waitFor("the title field", tr.Forms.Title+" ("+i18n.LangName(tr, lang)+")")
}

// Issue 13, case 3: editing only the French title in the form rewrote the
// English file (its escapes stripped, a tab turned into a space, \r\n in a
// quoted value into a blank line, \t into spaces). The form shows the
// control characters as placeholders; only the French file is written,
// only its title line.
func TestFormEditLeavesTheTwinFileByteIdentical(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.EN, 120, 32}, {i18n.FR, 80, 24}, {i18n.EN, 60, 20}} {
		t.Run(fmt.Sprintf("%s-%dx%d", c.lang, c.w, c.h), func(t *testing.T) {
			s := newE2ESite(t)
			tr := i18n.For(c.lang)
			term, _ := s.app(c.w, c.h, identityEnv(t), "--lang", string(c.lang))
			term.waitFor("the list", "Dev␛␇ lead")
			term.selectPosting("escaped", "Développeur")
			term.formTo(tr, "escaped-dev", "en")
			// The English values, their controls visible and kept.
			term.waitFor("the English values as placeholders", "Dev␛␇ lead", "one␍", "two␉three")
			term.send("Enter", "Enter")
			term.waitFor("the French values", "Développeur", "un␉deux")
			term.send("C-u")
			term.typeText("Développeuse")
			term.send("Enter", "Enter")
			term.waitFor("the save", undoable(tr, tr.N(tr.UI.Saved, 1)))

			if got := s.read(escapedENPath); got != escapedEN {
				t.Errorf("the English file changed:\n%q", got)
			}
			cmp := exec.Command("cmp", filepath.Join(s.dir, escapedENPath), "-")
			cmp.Stdin = strings.NewReader(escapedEN)
			if out, err := cmp.CombinedOutput(); err != nil {
				t.Errorf("cmp: %v %s", err, out)
			}
			if got := s.git("diff", "--stat=200"); !strings.Contains(got, escapedFRPath+" | 2 +-") || strings.Contains(got, escapedENPath) ||
				!strings.Contains(got, "1 file changed") {
				t.Errorf("git diff --stat:\n%s", got)
			}
			if got := s.git("diff", "-U0", "--", escapedFRPath); !strings.HasSuffix(got, "-title = 'Développeur'\n+title = 'Développeuse'\n") {
				t.Errorf("git diff of the French file:\n%s", got)
			}
			s.fsck()

			// The English title edited around its placeholders: the escape
			// and the bell it stands for are kept, only that line changes,
			// CRLF and all; the French file is not written again.
			fr := s.read(escapedFRPath)
			term.formTo(tr, "escaped-dev", "en")
			term.send("End")
			term.typeText(" x")
			term.waitFor("the edited English title", "Dev␛␇ lead x")
			term.send("Enter", "Enter", "Enter", "Enter")
			term.waitFor("the second save", undoable(tr, tr.N(tr.UI.Saved, 1)))
			if got, want := s.read(escapedENPath), strings.Replace(escapedEN, `"Dev\e\a lead"`, `"Dev\x1b\a lead x"`, 1); got != want {
				t.Errorf("the English file:\n%q\nwant\n%q", got, want)
			}
			if s.read(escapedFRPath) != fr {
				t.Error("the French file was written again")
			}
			s.fsck()
		})
	}
}

// sh runs a shell command in the site, as a person would in another
// terminal.
func (s *e2eSite) sh(script string) {
	s.t.Helper()
	cmd := exec.Command("sh", "-c", script)
	cmd.Dir = s.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("sh -c %q: %v\n%s", script, err, out)
	}
}

// Issue 13, case 4: a save overwrote a change made on disk to the same
// field while the form was open. The form opens on the files as they are
// (changed a moment before, sooner than the watcher looks); a change made
// while it is open is shown beside the form's value at save time, and the
// person chooses: keep mine writes the form's value, take the file's
// leaves it (and still saves the fields that do not conflict).
func TestFormSaveAsksWhenTheFieldChangedOnDisk(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		w, h int
		mine bool
	}{{i18n.EN, 120, 32, true}, {i18n.FR, 80, 24, false}, {i18n.FR, 60, 20, true}} {
		t.Run(fmt.Sprintf("%s-%dx%d-mine=%v", c.lang, c.w, c.h, c.mine), func(t *testing.T) {
			s := newE2ESite(t)
			tr := i18n.For(c.lang)
			term, _ := s.app(c.w, c.h, identityEnv(t), "--lang", string(c.lang))
			term.waitFor("the list", "Développeur")
			term.selectPosting("escaped", "Développeur")

			// Changed on disk just before the form opens: the form shows it.
			s.sh(`sed -i "s/^title = .*/title = 'Titre avant'/" ` + escapedFRPath)
			term.formTo(tr, "escaped-dev", "fr")
			term.waitFor("the form on the file as it is now", "Titre avant")

			// Changed on disk while the form is open.
			s.sh(`sed -i "s/^title = .*/title = 'Titre du disque'/" ` + escapedFRPath)
			onDisk := s.read(escapedFRPath)
			term.send("C-u")
			term.typeText("Titre du formulaire")
			if !c.mine {
				// The English title too, which nothing else changed.
				term.send("BTab", "BTab")
				term.waitFor("the English title", tr.Forms.Title+" ("+tr.Check.LangEN+")")
				term.send("C-u")
				term.typeText("Lead")
				term.send("Enter", "Enter")
			}
			term.send("Enter", "Enter")
			term.waitFor("the conflict, both values", fit("", tr.Forms.ConflictTitle, c.w),
				i18n.F(tr.Forms.Quoted, "value", "Titre du disque"), i18n.F(tr.Forms.Quoted, "value", "Titre du formulaire"), fit("  > ", tr.Forms.TakeTheirs, c.w), fit("    ", tr.Forms.KeepMine, c.w))
			if got := s.read(escapedFRPath); got != onDisk {
				t.Fatalf("the French file was written before the choice:\n%s", got)
			}
			if got := s.read(escapedENPath); got != escapedEN {
				t.Fatalf("the English file was written before the choice:\n%q", got)
			}
			if c.mine {
				term.send("Down")
			}
			term.send("Enter")
			term.waitFor("the save", undoable(tr, tr.N(tr.UI.Saved, 1)))

			fr, en := s.read(escapedFRPath), s.read(escapedENPath)
			if c.mine {
				if want := strings.Replace(onDisk, "'Titre du disque'", "'Titre du formulaire'", 1); fr != want {
					t.Errorf("keep mine: the French file is\n%s", fr)
				}
				if en != escapedEN {
					t.Errorf("the English file changed:\n%q", en)
				}
			} else {
				if fr != onDisk {
					t.Errorf("take the file's: the French file is\n%s", fr)
				}
				if want := strings.Replace(escapedEN, `"Dev\e\a lead"`, `"Lead"`, 1); en != want {
					t.Errorf("the English title was not saved alone:\n%q", en)
				}
			}
			want := " M " + escapedFRPath + "\n"
			if !c.mine {
				want = " M " + escapedENPath + "\n" + want
			}
			if got := s.git("status", "--porcelain"); got != want {
				t.Errorf("git status:\n%s\nwant:\n%s", got, want)
			}
			s.fsck()
		})
	}
}

// Issue 13, case 1, in the app: an archive git refuses (no identity; the
// index locked by another git) leaves git status, every ref, the index and
// the files as they were, the app says why, and once the cause is gone the
// same key archives and commits.
func TestArchiveRefusedInTheAppLeavesAllThenRetryCommits(t *testing.T) {
	ux := []string{"content/en/careers/positions/ux-designer.md", "content/fr/careers/positions/designer-ux.md"}
	for _, c := range []struct {
		name string
		lang i18n.Lang
		w, h int
	}{{"no-identity", i18n.EN, 80, 24}, {"no-identity", i18n.FR, 120, 32}, {"index-lock", i18n.FR, 60, 20}, {"index-lock", i18n.EN, 120, 32}} {
		t.Run(fmt.Sprintf("%s-%s-%dx%d", c.name, c.lang, c.w, c.h), func(t *testing.T) {
			s := newE2ESite(t)
			tr := i18n.For(c.lang)
			env, why := identityEnv(t), tr.Git.IndexLocked
			lock := filepath.Join(s.dir, ".git", "index.lock")
			if c.name == "no-identity" {
				// An empty home, no system config, no GIT_* identity.
				env, why = []string{"HOME=" + t.TempDir(), "GIT_CONFIG_NOSYSTEM=1"}, tr.Git.NoIdentity
			} else if err := os.WriteFile(lock, []byte("held by another git\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			before, commits := s.state(ux...), s.git("rev-list", "--count", "HEAD")
			term, _ := s.app(c.w, c.h, env, "--lang", string(c.lang))
			term.waitFor("the list", "Data Analyst")
			term.selectPosting("designer ux", "Designer UX")
			term.send("a")
			term.waitFor("the refusal", fit(tr.UI.ErrorPrefix, tr.UI.ErrorPrefix+why, c.w))
			if after := s.state(ux...); after != before {
				t.Fatalf("the refused archive changed something:\nbefore:\n%s\nafter:\n%s", before, after)
			}

			// The cause fixed, the same key commits.
			if c.name == "no-identity" {
				s.git("config", "user.name", "Fixed Identity")
				s.git("config", "user.email", "fixed@example.org")
			} else if err := os.Remove(lock); err != nil {
				t.Fatal(err)
			}
			term.send("a")
			done, _, _ := strings.Cut(tr.UI.ArchiveDone.One, " {hash}")
			term.waitFor("the archive commit", done)
			if st := s.git("status", "--porcelain"); st != "" {
				t.Errorf("git status after the retry:\n%s", st)
			}
			if got := s.git("show", "--stat=200", "--format=%an%n%s", "HEAD"); !strings.Contains(got, "Archive posting ux-designer") ||
				!strings.Contains(got, ux[0]) || !strings.Contains(got, ux[1]) {
				t.Errorf("the retry's commit:\n%s", got)
			}
			if got := s.git("rev-list", "--count", "HEAD~1"); got != commits {
				t.Errorf("%s commits before the retry's, want %s", got, commits)
			}
			author := "Recruiter\n"
			if c.name == "no-identity" {
				author = "Fixed Identity\n"
			}
			if got := s.git("log", "-1", "--format=%an"); got != author {
				t.Errorf("the retry's author is %q", got)
			}
			for _, f := range ux {
				if !strings.Contains(s.read(f), "archived: true") {
					t.Errorf("%s is not archived:\n%s", f, s.read(f))
				}
			}
			s.fsck()
		})
	}
}

// Issue 13, case 10, in the app: a TOML front matter nested 2,000,000 deep
// (4 MB) crashed the app and left the terminal raw; 50 MB of front matter
// took 13 s. The app lists every other posting, and each of those two as
// invalid-front-matter; after q the terminal's settings are as before.
// (How long the app takes to show the list, with and without these files,
// is measured by hand: no timed assertion here.)
func TestHostileFrontMatterInTheAppLeavesTheTerminalSane(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		w, h int
	}{{i18n.FR, 120, 32}} { // English at 80x24: TestHostileFrontMatterBinary
		t.Run(fmt.Sprintf("%s-%dx%d", c.lang, c.w, c.h), func(t *testing.T) {
			s := newE2ESite(t)
			tr := i18n.For(c.lang)
			rep := strings.Repeat
			s.write("content/en/careers/positions/deep.md", "+++\nx = "+rep("[", 2_000_000)+rep("]", 2_000_000)+"\n+++\n")
			s.write("content/en/careers/positions/big.md", "+++\n"+rep("k = 'a value'\n", 50<<20/14)+"+++\n")
			term, stty := s.app(c.w, c.h, identityEnv(t), "--lang", string(c.lang))
			screen := term.waitFor("the list", tr.N(tr.UI.Postings, 28), "UX Designer", "Senior Developer", "Dev␛␇ lead", "deep.md", "big.md")
			for _, name := range []string{"deep.md", "big.md"} {
				for _, line := range strings.Split(screen, "\n") {
					if strings.Contains(line, name) && !strings.Contains(line, i18n.ProblemName(tr, model.CodeInvalidFrontMatter)) {
						t.Errorf("the row of %s does not say %s:\n%s", name, i18n.ProblemName(tr, model.CodeInvalidFrontMatter), screen)
					}
				}
			}
			// q asks once git's states are read: the two new files marked N.
			term.waitFor("the git states", "N ! ⚠")
			for deadline := time.Now().Add(15 * time.Second); strings.Count(term.screen(), "N ! ⚠") < 2; time.Sleep(100 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the new files are not marked N:\n%s", term.screen())
				}
			}
			term.send("q")
			term.waitFor("the quit question", fit("", tr.N(tr.UI.QuitUnsaved, 2), c.w))
			term.send(yes(c.lang))
			out := term.waitFor("the app's exit", "EXIT=0")
			if strings.Contains(out, "fatal error") || strings.Contains(out, "goroutine") {
				t.Errorf("the app crashed:\n%s", out)
			}
			var before, after []byte
			for deadline := time.Now().Add(10 * time.Second); len(after) == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
				before, after = stty()
			}
			if len(before) == 0 || !bytes.Equal(before, after) {
				t.Errorf("the terminal's settings changed:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}

// yes is the key that answers yes in the interface language.
func yes(lang i18n.Lang) string {
	if lang == i18n.FR {
		return "o"
	}
	return "y"
}

// controls finds the control characters other than a line feed in s.
func controls(s string) []rune {
	var out []rune
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			out = append(out, r)
		}
	}
	return out
}

// A title with an escape sequence and a bell went raw into the commit
// message jobtui wrote, and out of jobtui archive onto the terminal (and of
// git log onto the next one). The message quotes it with placeholders.
func TestCommitMessagesQuoteTitlesWithoutControls(t *testing.T) {
	s := newE2ESite(t)
	s.write("content/en/careers/positions/esc-dev.md", "---\ntitle: \"Dev\\e[31mRED\\a lead\"\ntranslationKey: esc-dev\n---\nBody\n")
	s.write("content/fr/careers/positions/esc-dev.md", "---\ntitle: \"Dév\\e]52;c;aGk=\\a FR\"\ntranslationKey: esc-dev\n---\nCorps\n")
	s.git("add", "-A")
	s.git("-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q", "-m", "Add a posting")
	env := append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=R", "GIT_AUTHOR_EMAIL=r@example.org",
		"GIT_COMMITTER_NAME=R", "GIT_COMMITTER_EMAIL=r@example.org")
	for _, args := range [][]string{{"archive", "esc-dev"}, {"delete", "esc-dev"}} {
		cmd := exec.Command(s.bin, append(args, "--repo", s.dir, "--lang", "en")...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if c := controls(string(out)); len(c) > 0 {
			t.Errorf("%v printed control characters %q:\n%q", args, c, out)
		}
		msg := s.git("log", "-1", "--format=%B")
		if c := controls(msg); len(c) > 0 {
			t.Errorf("%v: the commit message holds control characters %q:\n%q", args, c, msg)
		}
		if !strings.Contains(msg, "Dev␛[31mRED␇ lead / Dév␛]52;c;aGk=␇ FR") {
			t.Errorf("%v: the message does not quote the titles:\n%s", args, msg)
		}
		s.fsck()
	}
}

// undoable is a status the app ends with "(u to undo)", before its full
// stop.
func undoable(tr *i18n.Tr, status string) string {
	return strings.TrimSuffix(status, ".") + " (" + tr.UI.UndoHint + ")."
}
