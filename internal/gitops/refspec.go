package gitops

import "strings"

// trackingRef is where a fetch from remote stores the remote's branch
// (refs/heads/<branch>): the remote's fetch refspecs (remote.<remote>.fetch)
// applied as git applies them to find a branch's remote-tracking ref
// (remote.c query_refspecs): none when a negative refspec ("^src")
// matches the branch, else the first refspec whose source matches, "" when
// none does (the branch is not fetched into a ref).
func trackingRef(cfg settings, remote, branch string) string {
	src := "refs/heads/" + branch
	specs := cfg["remote."+remote+".fetch"]
	for _, spec := range specs {
		if neg, ok := strings.CutPrefix(spec, "^"); ok {
			if _, match := matchRefPattern(neg, src, ""); match {
				return ""
			}
		}
	}
	for _, spec := range specs {
		if strings.HasPrefix(spec, "^") {
			continue
		}
		from, to, ok := strings.Cut(strings.TrimPrefix(spec, "+"), ":")
		if !ok || to == "" {
			continue // fetched, but into no ref
		}
		if strings.Contains(from, "*") != strings.Contains(to, "*") {
			continue // not a refspec git accepts
		}
		if dst, match := matchRefPattern(from, src, to); match {
			return dst
		}
	}
	return ""
}

// matchRefPattern tells whether name matches key, a ref name or a pattern
// with one "*" (which matches any part, slashes too, as in git), and gives
// value with its "*" replaced by that part (value as is without "*").
func matchRefPattern(key, name, value string) (string, bool) {
	prefix, suffix, pattern := strings.Cut(key, "*")
	if !pattern {
		return value, name == key
	}
	if len(name) < len(prefix)+len(suffix) || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) {
		return "", false
	}
	star := name[len(prefix) : len(name)-len(suffix)]
	return strings.Replace(value, "*", star, 1), true
}
