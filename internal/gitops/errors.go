// Package gitops does everything git for jobtui, through go-git: open the
// repository, tell the state of posting files, commit exactly the chosen
// files, archive and commit in one step, diff, history and push.
package gitops

import (
	"errors"
	"strings"

	"github.com/jobtui/jobtui/internal/i18n"
)

// Kind names what went wrong, for a message in the user's language.
type Kind int

const (
	KindOther Kind = iota
	KindNoRepository
	KindNoIdentity
	KindDetachedHead
	KindMerging
	KindConflicts
	KindIndexLocked
	KindIndexUnsupported
	KindOutsideRepo
	KindConcurrentCommit
	KindNothingToCommit
	KindUnknownPosting
	KindDirtyPostings
	KindAmbiguousGroup
	KindPushRejected
	KindPushAuth
	KindNoRemote
	KindChangedOnDisk
	KindRepoUnsupported
	KindNoGit
	KindCherryPicking
	KindReverting
	KindRebasing
	KindCommitRefused
	KindSigningFailed
	KindNotPending
)

// Error is a git action that was refused or failed, with what a person
// needs to know: the paths concerned and a detail.
type Error struct {
	Kind        Kind
	Paths       []string
	Detail      string
	Suggestions []string // close matches, for an unknown posting
	Output      string   // what git, a hook or the server said, shown whole
	Err         error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(kindText(english(), e.Kind))
	if len(e.Paths) > 0 {
		b.WriteString(": " + strings.Join(e.Paths, ", "))
	}
	if e.Detail != "" {
		b.WriteString(" (" + e.Detail + ")")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.Output != "" {
		b.WriteString("\n" + e.Output)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrNoRepository) and the like work on *Error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && t.Paths == nil && t.Detail == "" && t.Err == nil && t.Suggestions == nil
}

// Sentinels for errors.Is.
var (
	ErrNoRepository     = &Error{Kind: KindNoRepository}
	ErrNoIdentity       = &Error{Kind: KindNoIdentity}
	ErrNothingToCommit  = &Error{Kind: KindNothingToCommit}
	ErrDirtyPostings    = &Error{Kind: KindDirtyPostings}
	ErrUnknownPosting   = &Error{Kind: KindUnknownPosting}
	ErrConcurrentCommit = &Error{Kind: KindConcurrentCommit}
	ErrPushRejected     = &Error{Kind: KindPushRejected}
)

func english() *i18n.Tr { return i18n.For(i18n.EN) }

func kindText(tr *i18n.Tr, k Kind) string {
	t := &tr.Git
	switch k {
	case KindNoRepository:
		return t.NoRepository
	case KindNoIdentity:
		return t.NoIdentity
	case KindDetachedHead:
		return t.DetachedHead
	case KindMerging:
		return t.Merging
	case KindConflicts:
		return t.Conflicts
	case KindIndexLocked:
		return t.IndexLocked
	case KindIndexUnsupported:
		return t.IndexUnsupported
	case KindOutsideRepo:
		return t.OutsideRepo
	case KindConcurrentCommit:
		return t.ConcurrentCommit
	case KindNothingToCommit:
		return t.NothingToCommit
	case KindUnknownPosting:
		return t.UnknownPosting
	case KindDirtyPostings:
		return t.DirtyPostings
	case KindAmbiguousGroup:
		return t.AmbiguousGroup
	case KindPushRejected:
		return t.PushRejected
	case KindPushAuth:
		return t.PushAuth
	case KindNoRemote:
		return t.NoRemote
	case KindChangedOnDisk:
		return t.ChangedOnDisk
	case KindRepoUnsupported:
		return t.RepoUnsupported
	case KindNoGit:
		return t.NoGit
	case KindCherryPicking:
		return t.CherryPicking
	case KindReverting:
		return t.Reverting
	case KindRebasing:
		return t.Rebasing
	case KindCommitRefused:
		return t.CommitRefused
	case KindSigningFailed:
		return t.SigningFailed
	case KindNotPending:
		return t.NotPending
	}
	return t.Failed
}

// Message renders an error for a person, in tr's language.
func Message(err error, tr *i18n.Tr) string {
	if err == nil {
		return ""
	}
	var e *Error
	if !errors.As(err, &e) {
		return err.Error()
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
		b.WriteString("; " + i18n.F(tr.Git.DidYouMean, "names", strings.Join(e.Suggestions, ", ")))
	}
	if e.Err != nil && e.Kind == KindOther {
		b.WriteString(": " + e.Err.Error())
	}
	if e.Output != "" {
		b.WriteString("\n" + e.Output)
	}
	return b.String()
}

// colon is ": " in English and " : " in French typography.
func colon(tr *i18n.Tr) string {
	if tr.Lang == i18n.FR {
		return "\u00a0: "
	}
	return ": "
}
