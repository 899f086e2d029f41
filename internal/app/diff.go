package app

import (
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/gitops"
)

// FileDiff is what changed in one file since the last commit, for people
// to read: its name, and stretches of lines around the changes, where a
// run of removed lines and the lines added in their place are compared
// word by word (an edited long line shows the words that changed).
type FileDiff struct {
	Path    string // the file's path in the repository
	New     bool   // not in HEAD
	Deleted bool   // gone from the working tree
	Hunks   []DiffHunk
}

// DiffHunk is a stretch of the file around changes.
type DiffHunk struct {
	Line  int // its first line in the working file (in HEAD's for a deleted file)
	Parts []DiffPart
}

// DiffPart is either lines that stayed (Context, without the last line
// break) or a change (Changes: the removed lines against the added ones,
// word by word; only Removed or only Added when lines were just removed
// or just added).
type DiffPart struct {
	Context string
	Changes []WordChange
}

// Diff compares each file (absolute paths) with HEAD; unchanged files are
// left out, so no file means no change.
func Diff(r *gitops.Repo, abs []string) ([]FileDiff, error) {
	var out []FileDiff
	for _, f := range abs {
		rp, err := r.RepoPath(f)
		if err != nil {
			return nil, err
		}
		d, err := gitops.DiffFile(r, rp)
		if err != nil {
			return nil, err
		}
		if d != "" {
			out = append(out, parseUnified(rp, d))
		}
	}
	return out, nil
}

// parseUnified reads one file's unified diff (as gitops.DiffFile writes
// it): the header lines say whether the file is new or deleted, each @@
// line starts a hunk.
func parseUnified(path, text string) FileDiff {
	fd := FileDiff{Path: path}
	var h *DiffHunk
	var context, removed, added []string
	flushContext := func() {
		if len(context) > 0 {
			h.Parts = append(h.Parts, DiffPart{Context: strings.Join(context, "\n")})
			context = nil
		}
	}
	flushChange := func() {
		if len(removed)+len(added) > 0 {
			trimCR(removed, added)
			h.Parts = append(h.Parts, DiffPart{Changes: WordDiff(strings.Join(removed, "\n"), strings.Join(added, "\n"))})
			removed, added = nil, nil
		}
	}
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(l, "@@") {
			if h != nil {
				flushContext()
				flushChange()
			}
			fd.Hunks = append(fd.Hunks, DiffHunk{Line: hunkLine(l)})
			h = &fd.Hunks[len(fd.Hunks)-1]
			continue
		}
		if h == nil { // the header
			fd.New = fd.New || l == "--- /dev/null" || strings.HasPrefix(l, "new file mode")
			fd.Deleted = fd.Deleted || l == "+++ /dev/null" || strings.HasPrefix(l, "deleted file mode")
			continue
		}
		switch {
		case strings.HasPrefix(l, "-"):
			flushContext()
			removed = append(removed, l[1:])
		case strings.HasPrefix(l, "+"):
			flushContext()
			added = append(added, l[1:])
		case strings.HasPrefix(l, " "), l == "":
			flushChange()
			context = append(context, strings.TrimSuffix(strings.TrimPrefix(l, " "), "\r"))
		}
		// "\ No newline at end of file" says nothing a person needs here.
	}
	if h != nil {
		flushContext()
		flushChange()
	}
	return fd
}

// hunkLine is the first line of a hunk in the new file ("@@ -3,7 +3,8 @@"
// gives 3), or in the old one when the new side is empty.
func hunkLine(l string) int {
	f := strings.Fields(l)
	if len(f) < 3 {
		return 0
	}
	n := func(s string) int {
		s, _, _ = strings.Cut(s[1:], ",")
		v, _ := strconv.Atoi(s)
		return v
	}
	if v := n(f[2]); v > 0 {
		return v
	}
	return n(f[1])
}

// trimCR drops the CR of CRLF line ends when every line has one: a line
// end is not a change of the text (a change of line ends alone still shows).
func trimCR(sets ...[]string) {
	for _, set := range sets {
		for _, l := range set {
			if !strings.HasSuffix(l, "\r") {
				return
			}
		}
	}
	for _, set := range sets {
		for i, l := range set {
			set[i] = strings.TrimSuffix(l, "\r")
		}
	}
}
