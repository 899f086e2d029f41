package model

// UnreadableError is a posting named by one of its files whose front
// matter cannot be read: nothing can act on it until the file is mended.
type UnreadableError struct{ Posting *Posting }

func (e *UnreadableError) Error() string {
	return e.Posting.Path + ": the front matter cannot be read: " + e.Posting.Err.Error()
}

// FindUnreadable is the file whose front matter cannot be read that name
// names, as Find takes a file (its path from the site's root, its place
// in the section, with or without its extension); nil when none.
func (c *Catalog) FindUnreadable(name string) *Posting {
	for _, p := range c.Unreadable {
		if p.namedBy(name) {
			return p
		}
	}
	return nil
}
