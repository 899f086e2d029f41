package gitops

import "github.com/go-git/go-git/v5/plumbing"

// firstChangeSince is the oldest change of path that since has not caught
// up with, going back from last (the path's last change) through the
// changes git log shows before it: the first whose previous change since
// holds (since itself, an ancestor of it) or that created the file. The
// translation has waited since then, not since the source's last change.
func (h *history) firstChangeSince(last *Change, since plumbing.Hash, path string) (Change, error) {
	c := last.Hash
	for {
		prev, err := h.previous(c, path)
		if err != nil {
			return Change{}, err
		}
		if prev.IsZero() || prev == since || h.isAncestor(prev, since) {
			break
		}
		c = prev
	}
	if c == last.Hash {
		return *last, nil
	}
	return h.change(c, last.When), nil // its date, if the commit reads
}
