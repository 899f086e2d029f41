package gitops

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// commitHooks are the hooks `git commit` runs.
var commitHooks = []string{"pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-index-change", "reference-transaction"}

// maintenanceIdle tells that the `git maintenance run --auto` which git
// commit starts once it has committed would do nothing, so that the commit
// can skip that second git process (a third of git commit's time here) with
// `-c maintenance.auto=false`. That is so when gc is its only task (no
// maintenance.* setting names another) and git's own test for an automatic
// gc (need_to_gc in builtin/gc.c) finds no need: at most gc.auto/256 loose
// objects in objects/17 and at most gc.autoPackLimit packs without a .keep.
// A commit that runs a hook keeps git's way, as the hook would inherit the
// setting; so does anything unusual (an object folder elsewhere, a setting
// that is not a number).
func (r *Repo) maintenanceIdle(cfg settings) bool {
	for k := range cfg {
		if strings.HasPrefix(k, "maintenance.") && k != "maintenance.auto" {
			return false
		}
	}
	if os.Getenv("GIT_OBJECT_DIRECTORY") != "" || r.runsHook(cfg, commitHooks) {
		return false
	}
	if !cfg.boolean("maintenance.auto", true) {
		return true // git runs nothing either
	}
	auto, ok1 := configInt(cfg, "gc.auto", 6700)
	packs, ok2 := configInt(cfg, "gc.autopacklimit", 50)
	if !ok1 || !ok2 {
		return false
	}
	if auto <= 0 {
		return true
	}
	objects := filepath.Join(r.commonDir(), "objects")
	if packs > 0 {
		names, err := filepath.Glob(filepath.Join(objects, "pack", "*.pack"))
		if err != nil {
			return false
		}
		n := 0
		for _, p := range names {
			if !exists(strings.TrimSuffix(p, ".pack") + ".keep") {
				n++
			}
		}
		if int64(n) > packs {
			return false
		}
	}
	loose, err := os.ReadDir(filepath.Join(objects, "17"))
	if err != nil && !os.IsNotExist(err) {
		return false
	}
	n := 0
	for _, e := range loose {
		if len(e.Name()) == 38 && strings.Trim(e.Name(), "0123456789abcdef") == "" {
			n++
		}
	}
	return int64(n) <= (auto+255)/256
}

// runsHook tells whether git would run one of the named hooks: an
// executable file of that name in core.hooksPath, or the hooks folder;
// true where jobtui cannot tell (a hooksPath in another user's home,
// ~user/, or under git's prefix, %(prefix)/).
func (r *Repo) runsHook(cfg settings, names []string) bool {
	dir := filepath.Join(r.commonDir(), "hooks")
	if p := cfg.get("core.hookspath"); p != "" {
		switch {
		case p == "~" || strings.HasPrefix(p, "~/"):
			home, err := os.UserHomeDir()
			if err != nil {
				return true
			}
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		case strings.HasPrefix(p, "~"), strings.HasPrefix(p, "%(prefix)/"):
			return true // another user's home, git's own prefix: git alone knows them
		case !filepath.IsAbs(p):
			p = filepath.Join(r.Root, p)
		}
		dir = p
	}
	for _, n := range names {
		if fi, err := os.Stat(filepath.Join(dir, n)); err == nil && fi.Mode()&0o111 != 0 {
			return true
		} else if err != nil && !os.IsNotExist(err) {
			return true
		}
	}
	return false
}

// configInt reads an integer setting as git does (k, m and g multiply by
// 1024 each); ok is false for a value that is not one.
func configInt(cfg settings, key string, def int64) (int64, bool) {
	v := strings.ToLower(strings.TrimSpace(cfg.get(key)))
	if v == "" {
		return def, true
	}
	mult := int64(1)
	switch v[len(v)-1] {
	case 'k':
		mult = 1 << 10
	case 'm':
		mult = 1 << 20
	case 'g':
		mult = 1 << 30
	}
	if mult > 1 {
		v = v[:len(v)-1]
	}
	n, err := strconv.ParseInt(v, 0, 64)
	if err != nil {
		return 0, false
	}
	return n * mult, true
}
