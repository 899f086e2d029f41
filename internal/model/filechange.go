package model

import (
	"errors"
	"strings"
)

// FileChange is what changed between two versions of a posting file, as
// facts for a sentence: the front matter fields whose values differ (in the
// new file's order, then the removed ones), and how many body lines did.
type FileChange struct {
	Same       bool     // byte for byte
	Fields     []string // front matter keys added, removed or changed
	BodyLines  int      // body lines changed, added or removed
	Unreadable bool     // the new front matter cannot be read
	// WasUnreadable: the front matter could not be read before either
	// (with Unreadable), or reads again (without).
	WasUnreadable bool
	Err           *ParseError // why the new front matter cannot be read
}

// CompareFiles tells what changed from before to after (an editor's work).
func CompareFiles(before, after []byte) FileChange {
	if string(before) == string(after) {
		return FileChange{Same: true}
	}
	nd, err := Parse(after)
	od, oerr := Parse(before)
	if err != nil {
		ch := FileChange{Unreadable: true, WasUnreadable: oerr != nil}
		errors.As(err, &ch.Err)
		return ch
	}
	if oerr != nil { // was unreadable, is readable: every field is news
		return FileChange{Fields: nd.Keys(), BodyLines: changedLines(nil, nd.Body()), WasUnreadable: true}
	}
	var ch FileChange
	seen := map[string]bool{}
	for _, k := range nd.Keys() {
		seen[strings.ToLower(k)] = true
		nv, _ := nd.Value(k)
		ov, ok := od.Value(k)
		if !ok || !sameAny(ov, nv) {
			ch.Fields = append(ch.Fields, k)
		}
	}
	for _, k := range od.Keys() {
		if !seen[strings.ToLower(k)] {
			ch.Fields = append(ch.Fields, k)
		}
	}
	ch.BodyLines = changedLines(od.Body(), nd.Body())
	return ch
}

// changedLines counts the lines of a body that changed: the larger of the
// lines only in before and the lines only in after (counted with their
// repeats), so that an edited line counts once and added lines each.
func changedLines(before, after []byte) int {
	count := map[string]int{}
	for _, l := range strings.Split(string(before), "\n") {
		count[l]++
	}
	added := 0
	for _, l := range strings.Split(string(after), "\n") {
		if count[l] > 0 {
			count[l]--
		} else {
			added++
		}
	}
	removed := 0
	for _, n := range count {
		removed += n
	}
	return max(added, removed)
}
