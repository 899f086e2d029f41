package gitops

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
)

// Forge is where a repository is hosted, for the pull-request link.
type Forge struct {
	Kind string // github, gitlab, gitea, forgejo, bitbucket, azure; "" unknown
	Web  string // the repository's web address, e.g. https://github.com/o/r
}

var scpLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[^@/]+@)?([^:/]+):(.+)$`) })

// ForgeOf reads a remote URL (after insteadOf) as a forge's repository.
// kind and webURL, from the team's settings, override what the host
// says (a self-hosted forge).
func ForgeOf(remoteURL, kind, webURL string) Forge {
	host, path := "", ""
	if u, err := url.Parse(remoteURL); err == nil && u.Host != "" {
		host, path = u.Hostname(), u.Path
	} else if m := scpLike().FindStringSubmatch(remoteURL); m != nil {
		host, path = m[1], m[2]
	}
	path = strings.TrimSuffix(strings.Trim(path, "/"), ".git")
	f := Forge{Kind: kind}
	if f.Kind == "" {
		switch {
		case host == "github.com" || strings.HasSuffix(host, ".github.com"):
			f.Kind = "github"
		case host == "gitlab.com" || strings.HasPrefix(host, "gitlab."):
			f.Kind = "gitlab"
		case host == "bitbucket.org":
			f.Kind = "bitbucket"
		case host == "dev.azure.com" || host == "ssh.dev.azure.com" || strings.HasSuffix(host, ".visualstudio.com"):
			f.Kind = "azure"
		case host == "codeberg.org" || strings.HasPrefix(host, "forgejo."):
			f.Kind = "forgejo"
		case strings.HasPrefix(host, "gitea."):
			f.Kind = "gitea"
		}
	}
	if f.Kind == "azure" {
		// ssh: v3/org/project/repo; https: org/project/_git/repo
		parts := strings.Split(strings.TrimPrefix(path, "v3/"), "/")
		if len(parts) == 3 {
			path = parts[0] + "/" + parts[1] + "/_git/" + parts[2]
		}
		if host == "ssh.dev.azure.com" || host == "" {
			host = "dev.azure.com"
		}
	}
	switch {
	case webURL != "":
		f.Web = strings.TrimRight(webURL, "/")
		if path != "" && !strings.HasSuffix(f.Web, "/"+path) {
			f.Web += "/" + path
		}
	case host != "" && path != "":
		f.Web = "https://" + host + "/" + path
	}
	return f
}

// PullRequestURL is the forge's page that opens a pull request from
// branch into base ("" for an unknown forge), as git-town and lazygit
// build it.
func (f Forge) PullRequestURL(base, branch string) string {
	if f.Web == "" {
		return ""
	}
	// A branch's slashes stay slashes in a path, as forges write them.
	b := strings.ReplaceAll(url.PathEscape(base), "%2F", "/")
	h := strings.ReplaceAll(url.PathEscape(branch), "%2F", "/")
	q := url.QueryEscape
	switch f.Kind {
	case "github":
		return f.Web + "/compare/" + b + "..." + h + "?expand=1"
	case "gitlab":
		return f.Web + "/-/merge_requests/new?merge_request%5Bsource_branch%5D=" + q(branch) + "&merge_request%5Btarget_branch%5D=" + q(base)
	case "gitea", "forgejo":
		return f.Web + "/compare/" + b + "..." + h
	case "bitbucket":
		return f.Web + "/pull-requests/new?source=" + q(branch) + "&dest=" + q(base) + "&t=1"
	case "azure":
		return f.Web + "/pullrequestcreate?sourceRef=" + q(branch) + "&targetRef=" + q(base)
	}
	return ""
}

var urlRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`https?://[^\s<>"']+`) })

// ServerPullRequestURL is the address a server printed for opening a pull
// request ("Create a pull request for 'x' on GitHub by visiting: URL").
func ServerPullRequestURL(lines []string) string {
	for i, l := range lines {
		low := strings.ToLower(l)
		if !strings.Contains(low, "pull request") && !strings.Contains(low, "merge request") && !strings.Contains(low, "pull-request") {
			continue
		}
		for _, cand := range lines[i:min(i+3, len(lines))] {
			if u := urlRe().FindString(cand); u != "" {
				return u
			}
		}
	}
	return ""
}
