package i18n

import (
	"errors"
	"strings"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// kindText is what a kind of git error means, in tr's language.
func kindText(tr *Tr, k gitops.Kind) string {
	t := &tr.Git
	switch k {
	case gitops.KindNoRepository:
		return t.NoRepository
	case gitops.KindNoIdentity:
		return t.NoIdentity
	case gitops.KindDetachedHead:
		return t.DetachedHead
	case gitops.KindMerging:
		return t.Merging
	case gitops.KindConflicts:
		return t.Conflicts
	case gitops.KindIndexLocked:
		return t.IndexLocked
	case gitops.KindIndexUnsupported:
		return t.IndexUnsupported
	case gitops.KindOutsideRepo:
		return t.OutsideRepo
	case gitops.KindConcurrentCommit:
		return t.ConcurrentCommit
	case gitops.KindNothingToCommit:
		return t.NothingToCommit
	case gitops.KindUnknownPosting:
		return t.UnknownPosting
	case gitops.KindDirtyPostings:
		return t.DirtyPostings
	case gitops.KindAmbiguousGroup:
		return t.AmbiguousGroup
	case gitops.KindPushRejected:
		return t.PushRejected
	case gitops.KindPushAuth:
		return t.PushAuth
	case gitops.KindNoRemote:
		return t.NoRemote
	case gitops.KindChangedOnDisk:
		return t.ChangedOnDisk
	case gitops.KindRepoUnsupported:
		return t.RepoUnsupported
	case gitops.KindNoGit:
		return t.NoGit
	case gitops.KindCherryPicking:
		return t.CherryPicking
	case gitops.KindReverting:
		return t.Reverting
	case gitops.KindRebasing:
		return t.Rebasing
	case gitops.KindCommitRefused:
		return t.CommitRefused
	case gitops.KindSigningFailed:
		return t.SigningFailed
	case gitops.KindNotPending:
		return t.NotPending
	case gitops.KindFetchFailed:
		return t.FetchFailed
	case gitops.KindPushRefused:
		return t.PushRefused
	case gitops.KindNoUpstream:
		return t.NoUpstream
	case gitops.KindDiverged:
		return t.Diverged
	case gitops.KindPullWouldOverwrite:
		return t.PullWouldOverwrite
	case gitops.KindBaseMoved:
		return t.BaseMoved
	case gitops.KindNoProposal:
		return t.NoProposal
	case gitops.KindNotStale:
		return t.NotStale
	case gitops.KindAlreadyProposed:
		return t.AlreadyProposed
	case gitops.KindPushNowhere:
		return t.PushNowhere
	case gitops.KindUpstreamGone:
		return t.UpstreamGone
	case gitops.KindEditsInTheWay:
		return t.EditsInTheWay
	case gitops.KindUnreachable:
		return t.Unreachable
	case gitops.KindProposalRefused:
		return t.ProposalRefused
	}
	return t.Failed
}

// ErrorText renders an error for a person, in tr's language: a
// *gitops.Error by its kind, with the paths, detail and suggestions it
// carries and what git said; any other error as it is.
func ErrorText(tr *Tr, err error) string {
	if err == nil {
		return ""
	}
	var se *model.SiteError
	if errors.As(err, &se) {
		return SiteErrorText(tr, se)
	}
	var ce *config.Error
	if errors.As(err, &ce) {
		return ConfigErrorText(tr, ce)
	}
	var e *gitops.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if e.Kind == gitops.KindAlreadyProposed { // the branch is part of the sentence
		return F(tr.Git.AlreadyProposed, "branch", e.Detail)
	}
	if e.Kind == gitops.KindPushNowhere && e.Plan != nil {
		return pushNowhere(tr, e.Plan)
	}
	if e.Kind == gitops.KindPushRejected && e.Plan != nil && e.Plan.Triangular() { // "pull first" would not mend it
		p := e.Plan
		return strings.TrimSpace(F(tr.Git.PushRejectedFork, "remote", p.Remote, "dest", p.Dest, "upstreamRemote", p.UpstreamRemote) + "\n" + e.Output)
	}
	var b strings.Builder
	b.WriteString(kindText(tr, e.Kind))
	if len(e.Paths) > 0 {
		b.WriteString(colon(tr) + strings.Join(e.Paths, ", "))
	}
	if e.Detail != "" {
		b.WriteString(" (" + e.Detail + ")")
	}
	if len(e.Suggestions) > 0 {
		b.WriteString("; " + F(tr.Git.DidYouMean, "names", strings.Join(e.Suggestions, ", ")))
	}
	if e.Err != nil && e.Kind == gitops.KindOther {
		b.WriteString(": " + e.Err.Error())
	}
	if e.Output != "" {
		b.WriteString("\n" + e.Output)
	}
	return b.String()
}

// pushNowhere says why git push with no arguments would send the branch
// nowhere, naming the settings that say so.
func pushNowhere(tr *Tr, p *gitops.PushPlan) string {
	t := &tr.Git
	why := map[gitops.PushRule]string{
		gitops.PushNothing:       t.PushNothing,
		gitops.PushOtherName:     t.PushOtherName,
		gitops.PushNotUpstream:   t.PushNotUpstream,
		gitops.PushManyUpstreams: t.PushManyUpstreams,
		gitops.PushBadDefault:    t.PushBadDefault,
		gitops.PushIntoItself:    t.PushIntoItself,
		gitops.PushRefspecs:      t.PushRefspecs,
		gitops.PushNotMatching:   t.PushNotMatching,
	}[p.Refused]
	if why == "" {
		return t.PushNowhere
	}
	upstream := ""
	if len(p.Upstream) > 0 {
		upstream = p.Upstream[0]
	}
	return F(why, "branch", p.Branch, "remote", p.Remote, "upstream", upstream, "upstreamRemote", p.UpstreamRemote, "value", p.Default)
}

// colon is ": " in English and " : " (with a no-break space) in French.
func colon(tr *Tr) string {
	if tr.Lang == FR {
		return "\u00a0: "
	}
	return ": "
}

// PushSummary says what a push did.
func PushSummary(tr *Tr, res *gitops.PushResult) string {
	if res.UpToDate {
		return F(tr.Actions.UpToDate, "remote", res.Remote)
	}
	return F(tr.Actions.Pushed, "branch", res.Branch, "remote", res.Remote)
}

// StaleNotChecked says that the stale translations were not checked, and
// why (the history could not be read).
func StaleNotChecked(tr *Tr, err error) string {
	return F(tr.CLI.StaleNotChecked, "reason", ErrorText(tr, err))
}
