// Package gitops does everything git for jobtui, through go-git: open the
// repository, tell the state of posting files, commit exactly the chosen
// files, archive and commit in one step, diff, history and push.
package gitops

import (
	"strings"
)

// Kind names what went wrong; i18n.ErrorText says it in the user's
// language.
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
	KindFetchFailed
	KindPushRefused
	KindNoUpstream
	KindDiverged
	KindPullWouldOverwrite
	KindBaseMoved
	KindNoProposal
	KindNotStale
	KindAlreadyProposed
	KindPushNowhere     // git push would not send the branch: Plan.Refused says why
	KindUpstreamGone    // the branch's upstream is set but the remote no longer has it (Detail: its name)
	KindEditsInTheWay   // moving the branch back after proposing would overwrite uncommitted edits (Paths)
	KindUnreachable     // the remote could not be reached (network, address)
	KindProposalRefused // the server refused a proposal's new branch
	KindNoPullRemote    // a pull found no remote to pull from (Detail: the remote named, if any)
	KindReadOnly        // a file to write lets nobody write it (Paths): it is left as it is
	kindCount           // keep last
)

// Error is a git action that was refused or failed, with what a person
// needs to know: the paths concerned and a detail. Error() is for logs and
// wrapping; people read i18n.ErrorText.
type Error struct {
	Kind        Kind
	Paths       []string
	Detail      string
	Suggestions []string  // close matches, for an unknown posting
	Output      string    // what git, a hook or the server said, shown whole
	Plan        *PushPlan // where a push went or would have gone (Push's errors)
	Err         error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("git: " + e.Kind.String())
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

// kindNames are stable names of the kinds, for logs.
var kindNames = [...]string{
	KindOther:              "failed",
	KindNoRepository:       "no repository",
	KindNoIdentity:         "no identity",
	KindDetachedHead:       "detached HEAD",
	KindMerging:            "merge in progress",
	KindConflicts:          "unresolved conflicts",
	KindIndexLocked:        "index locked",
	KindIndexUnsupported:   "index format unsupported",
	KindOutsideRepo:        "outside the repository",
	KindConcurrentCommit:   "branch moved during commit",
	KindNothingToCommit:    "nothing to commit",
	KindUnknownPosting:     "unknown posting",
	KindDirtyPostings:      "uncommitted changes",
	KindAmbiguousGroup:     "ambiguous posting",
	KindPushRejected:       "push rejected",
	KindPushAuth:           "push authentication failed",
	KindNoRemote:           "no remote",
	KindChangedOnDisk:      "changed on disk",
	KindRepoUnsupported:    "repository unsupported",
	KindNoGit:              "git not installed",
	KindCherryPicking:      "cherry-pick in progress",
	KindReverting:          "revert in progress",
	KindRebasing:           "rebase in progress",
	KindCommitRefused:      "commit refused",
	KindSigningFailed:      "signing failed",
	KindNotPending:         "not an edited posting",
	KindFetchFailed:        "fetch failed",
	KindPushRefused:        "push refused by the server",
	KindNoUpstream:         "no upstream branch",
	KindDiverged:           "branches have diverged",
	KindPullWouldOverwrite: "pull would overwrite edits",
	KindBaseMoved:          "changed on the base branch",
	KindNoProposal:         "no such proposal",
	KindNotStale:           "translation not behind its source",
	KindAlreadyProposed:    "already proposed",
	KindPushNowhere:        "git's push settings send nothing",
	KindUpstreamGone:       "upstream branch gone",
	KindEditsInTheWay:      "edits in the way of the branch going back",
	KindUnreachable:        "remote unreachable",
	KindProposalRefused:    "proposal branch refused by the server",
	KindNoPullRemote:       "no remote to pull from",
	KindReadOnly:           "read-only file",
}

// KindCount is the number of kinds, for tests that go through them all.
const KindCount = kindCount

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[KindOther]
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
	ErrNotStale         = &Error{Kind: KindNotStale}
)
