package i18n

import (
	"errors"
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/model"
)

// kindText is what a kind of git error means, in tr's language.
func kindText(tr *Tr, k gitops.Kind) string {
	t := &tr.Git
	if text, ok := map[gitops.Kind]string{
		gitops.KindNoRepository:       t.NoRepository,
		gitops.KindNoIdentity:         t.NoIdentity,
		gitops.KindDetachedHead:       t.DetachedHead,
		gitops.KindMerging:            t.Merging,
		gitops.KindConflicts:          t.Conflicts,
		gitops.KindIndexLocked:        t.IndexLocked,
		gitops.KindIndexUnsupported:   t.IndexUnsupported,
		gitops.KindOutsideRepo:        t.OutsideRepo,
		gitops.KindConcurrentCommit:   t.ConcurrentCommit,
		gitops.KindNothingToCommit:    t.NothingToCommit,
		gitops.KindUnknownPosting:     t.UnknownPosting,
		gitops.KindDirtyPostings:      t.DirtyPostings,
		gitops.KindAmbiguousGroup:     t.AmbiguousGroup,
		gitops.KindPushRejected:       t.PushRejected,
		gitops.KindPushAuth:           t.PushAuth,
		gitops.KindNoRemote:           t.NoRemote,
		gitops.KindChangedOnDisk:      t.ChangedOnDisk,
		gitops.KindRepoUnsupported:    t.RepoUnsupported,
		gitops.KindNoGit:              t.NoGit,
		gitops.KindCherryPicking:      t.CherryPicking,
		gitops.KindReverting:          t.Reverting,
		gitops.KindRebasing:           t.Rebasing,
		gitops.KindCommitRefused:      t.CommitRefused,
		gitops.KindSigningFailed:      t.SigningFailed,
		gitops.KindNotPending:         t.NotPending,
		gitops.KindFetchFailed:        t.FetchFailed,
		gitops.KindPushRefused:        t.PushRefused,
		gitops.KindNoUpstream:         t.NoUpstream,
		gitops.KindDiverged:           t.Diverged,
		gitops.KindPullWouldOverwrite: t.PullWouldOverwrite,
		gitops.KindBaseMoved:          t.BaseMoved,
		gitops.KindNoProposal:         t.NoProposal,
		gitops.KindNotStale:           t.NotStale,
		gitops.KindAlreadyProposed:    t.AlreadyProposed,
		gitops.KindPushNowhere:        t.PushNowhere,
		gitops.KindUpstreamGone:       t.UpstreamGone,
		gitops.KindEditsInTheWay:      t.EditsInTheWay,
		gitops.KindUnreachable:        t.Unreachable,
		gitops.KindProposalRefused:    t.ProposalRefused,
		gitops.KindNoPullRemote:       t.NoPullRemote,
		gitops.KindReadOnly:           t.ReadOnly,
	}[k]; ok {
		return text
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
	var ue *model.UnreadableError
	if errors.As(err, &ue) {
		return ue.Posting.Path + colon(tr) + ProblemText(tr, model.UnreadableProblem(ue.Posting))
	}
	var un *model.UnwritableError
	if errors.As(err, &un) {
		return unwritableText(tr, un)
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
		b.WriteString(semicolon(tr) + F(tr.Git.DidYouMean, "names", strings.Join(e.Suggestions, ", ")))
	}
	if e.Err != nil && e.Kind == gitops.KindOther {
		b.WriteString(colon(tr) + e.Err.Error())
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

// Colon is ": " in English and " : " (with a no-break space) in French,
// for the texts put together from parts (a problem's code and its words).
func Colon(tr *Tr) string { return colon(tr) }

// semicolon is "; " in English and " ; " (with a no-break space) in French.
func semicolon(tr *Tr) string {
	if tr.Lang == FR {
		return "\u00a0; "
	}
	return "; "
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

// unwritableText names the file and the field whose value could not be
// written, and the bounds it would break.
func unwritableText(tr *Tr, e *model.UnwritableError) string {
	s := F(tr.Forms.ErrUnwritable, "field", e.Field, "kb", strconv.Itoa(model.MaxFrontMatterBytes>>10),
		"lines", strconv.Itoa(model.MaxFrontMatterLines), "depth", strconv.Itoa(model.MaxFrontMatterDepth))
	if e.Path == "" {
		return s
	}
	return e.Path + colon(tr) + s
}
