package app

import (
	"context"

	"github.com/jobtui/jobtui/internal/gitops"
)

// Push sends the current branch to its upstream; see gitops.Push for the
// remote, credentials and refusals.
func Push(ctx context.Context, r *gitops.Repo) (*gitops.PushResult, error) {
	return r.Push(ctx)
}
