package model

import "crypto/sha256"

// Reset makes the posting hold data again, as read from disk: an action
// that put a file back after a refused commit resets its posting too.
func (p *Posting) Reset(data []byte) {
	p.Hash = sha256.Sum256(data)
	p.setDocument(data)
}
