package gitops

import "testing"

func TestPullRequestURLs(t *testing.T) {
	cases := []struct{ remote, kind, web, want string }{
		{"git@github.com:cds-snc/digital-canada-ca.git", "", "", "https://github.com/cds-snc/digital-canada-ca/compare/main...postings/archive-x?expand=1"},
		{"https://github.com/cds-snc/digital-canada-ca", "", "", "https://github.com/cds-snc/digital-canada-ca/compare/main...postings/archive-x?expand=1"},
		{"ssh://git@gitlab.com/group/sub/site.git", "", "", "https://gitlab.com/group/sub/site/-/merge_requests/new?merge_request%5Bsource_branch%5D=postings%2Farchive-x&merge_request%5Btarget_branch%5D=main"},
		{"https://codeberg.org/org/site.git", "", "", "https://codeberg.org/org/site/compare/main...postings/archive-x"},
		{"git@bitbucket.org:team/site.git", "", "", "https://bitbucket.org/team/site/pull-requests/new?source=postings%2Farchive-x&dest=main&t=1"},
		{"git@ssh.dev.azure.com:v3/org/project/site", "", "", "https://dev.azure.com/org/project/_git/site/pullrequestcreate?sourceRef=postings%2Farchive-x&targetRef=main"},
		{"https://dev.azure.com/org/project/_git/site", "", "", "https://dev.azure.com/org/project/_git/site/pullrequestcreate?sourceRef=postings%2Farchive-x&targetRef=main"},
		{"git@git.example.org:web/careers.git", "gitea", "https://git.example.org", "https://git.example.org/web/careers/compare/main...postings/archive-x"},
		{"git@git.example.org:web/careers.git", "", "", ""},
	}
	for _, c := range cases {
		if got := ForgeOf(c.remote, c.kind, c.web).PullRequestURL("main", "postings/archive-x"); got != c.want {
			t.Errorf("%s (%s):\n got %s\nwant %s", c.remote, c.kind, got, c.want)
		}
	}
}
