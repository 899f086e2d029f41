package gitops

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/jobtui/jobtui/internal/model"
)

// The result of a walk is kept under the git folder, keyed by HEAD and the
// paths asked for: the next run with the same HEAD reads it instead.

func historyCacheKey(head plumbing.Hash, paths []string) string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	h := sha256.New()
	h.Write([]byte(head.String()))
	for _, p := range sorted {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

type historyCache struct {
	Key     string             `json:"key"`
	Changes map[string]*Change `json:"changes"`
}

func (r *Repo) historyCachePath() string {
	return filepath.Join(r.GitDir, "jobtui", "history-cache.json")
}

func (r *Repo) readHistoryCache(key string) (map[string]*Change, bool) {
	data, err := os.ReadFile(r.historyCachePath())
	if err != nil {
		return nil, false
	}
	var c historyCache
	if json.Unmarshal(data, &c) != nil || c.Key != key || c.Changes == nil {
		return nil, false
	}
	return c.Changes, true
}

// writeHistoryCache stores the result; a cache that cannot be written only
// costs speed next time.
func (r *Repo) writeHistoryCache(key string, changes map[string]*Change) {
	data, err := json.Marshal(historyCache{Key: key, Changes: changes})
	if err != nil {
		return
	}
	p := r.historyCachePath()
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	model.WriteFileAtomic(p, data, [32]byte{})
}
