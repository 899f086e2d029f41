package ui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/jobtui/jobtui/internal/app"
	"github.com/jobtui/jobtui/internal/gitops"
	"github.com/jobtui/jobtui/internal/i18n"
	"github.com/jobtui/jobtui/internal/model"
	"github.com/jobtui/jobtui/internal/ui/common"
)

// The pull-request side of the app (issue 9): the branch's distance from
// its upstream in the title, the postings in review in the list, and the
// keys p (pull), o (open the pull request), W (withdraw a proposal) and x
// (remove postings). The workflows are internal/app's, as the command
// line's; how the site publishes is read from .jobtui.yaml each time.

// remoteState is what the app knows of the remote.
type remoteState struct {
	pub      *app.Publish
	tracking *gitops.Tracking
	props    []gitops.ProposalBranch
	lastURL  string                           // the last proposal's pull request
	byGroup  map[string]gitops.ProposalBranch // of the catalog shown: InReview
}

// remoteMsg is the remote's state, read in the background (after a fetch
// when the app starts, unless the user's settings say not to).
type remoteMsg struct {
	pub      *app.Publish
	tracking *gitops.Tracking
	props    []gitops.ProposalBranch
	err      error
}

// syncRemote reads the publish settings, the tracking and the proposals;
// with fetch, it fetches first (offline, the last fetch counts).
func (x *actions) syncRemote(fetch bool) tea.Cmd {
	if x.repo == nil {
		return nil
	}
	repo, publish := x.repo, x.publish
	return func() tea.Msg {
		ctx := context.Background()
		pub, err := app.PublishSettings(ctx, repo, publish)
		if err != nil {
			return remoteMsg{err: err}
		}
		if fetch && pub.Remote != "" {
			_ = repo.Fetch(ctx, pub.Remote, nil)
		}
		t, _ := repo.Tracking(ctx)
		props, _ := app.Proposals(ctx, repo, pub)
		return remoteMsg{pub: pub, tracking: t, props: props}
	}
}

// Start is the actions' part of the app's start: the remote's state.
func (x *actions) Start() tea.Cmd { return x.syncRemote(x.fetch) }

// TrackingText is the title's "main ↑1 ↓2" (ahead of and behind the
// upstream, as lazygit shows it), or the branch alone.
func (x *actions) TrackingText() string {
	t := x.remote.tracking
	if t == nil || t.Branch == "" {
		return ""
	}
	s := common.SafeLine(t.Branch)
	if t.Upstream != "" {
		s += " " + i18n.F(x.c.Tr.Publish.AheadBehind, "ahead", strconv.Itoa(t.Ahead), "behind", strconv.Itoa(t.Behind))
	}
	return s
}

// InReview maps each group of cat to the unmerged proposal that changes
// it (app.InReviewByGroup), kept for the keys that act on it; the root
// calls it when the catalog or the remote's state changes.
func (x *actions) InReview(cat *model.Catalog) map[string]gitops.ProposalBranch {
	x.remote.byGroup = nil
	if cat != nil && x.repo != nil {
		x.remote.byGroup = app.InReviewByGroup(x.repo, cat, x.remote.props)
	}
	return x.remote.byGroup
}

// proposalOf is the proposal in review of the target's row.
func (x *actions) proposalOf(t target) *gitops.ProposalBranch {
	if t.row == nil || t.row.Group == nil {
		return nil
	}
	if p, ok := x.remote.byGroup[t.row.Group.ID()]; ok {
		return &p
	}
	return nil
}

// pull fetches the upstream and fast-forwards; merged proposals are
// offered for deletion.
func (x *actions) pull() tea.Cmd {
	repo, tr, publish := x.repo, x.c.Tr, x.publish
	remote := "origin"
	if x.remote.pub != nil && x.remote.pub.Remote != "" {
		remote = x.remote.pub.Remote
	}
	push, propose := x.pushDirect, x.proposeLocal // bound here: the command reads nothing of x
	progress := &progressLine{}
	return send(taskMsg{status: i18n.F(tr.Publish.Syncing, "remote", remote), progress: progress, writes: true, run: func() tea.Msg {
		ctx := context.Background()
		pub, err := app.PublishSettings(ctx, repo, publish)
		if err != nil {
			return actionMsg{err: err}
		}
		res, merged, err := app.Pull(ctx, repo, pub, progress)
		if ask := gitQuestion(tr, err, pushesTo(ctx, repo, err, pub.Remote), offers{push: push, propose: propose}); ask != nil {
			return actionMsg{ask: ask, sync: true}
		}
		if err != nil {
			return actionMsg{err: err, sync: true}
		}
		msg := actionMsg{status: i18n.PullText(tr, res), reload: true, sync: true}
		if len(merged) > 0 {
			msg.ask = &askMsg{question: msg.status + "\n" + tr.N(tr.Publish.AskDeleteMerged, len(merged), "remote", pub.Remote), onYes: func() tea.Cmd {
				return writeTask(tr.UI.Working, func() tea.Msg {
					names, err := app.DeleteMerged(context.Background(), repo, pub)
					if err != nil {
						return actionMsg{err: err, sync: true}
					}
					return actionMsg{status: tr.N(tr.Publish.Cleaned, len(names), "names", strings.Join(names, ", ")), sync: true}
				})
			}}
		}
		return msg
	}})
}

// progressLine keeps the last line of git's progress ("Receiving
// objects: 45% (…)"), written by git's stderr as it comes and read by the
// footer on each frame of its spinner.
type progressLine struct {
	mu   sync.Mutex
	last string
}

func (p *progressLine) Write(b []byte) (int, error) {
	// git rewrites a progress line with \r; the last non-empty piece counts.
	parts := strings.FieldsFunc(string(b), func(r rune) bool { return r == '\r' || r == '\n' })
	if len(parts) > 0 {
		p.mu.Lock()
		p.last = common.SafeLine(strings.TrimSpace(parts[len(parts)-1]))
		p.mu.Unlock()
	}
	return len(b), nil
}

// Last is the latest progress line, "" before any (or for no progress).
func (p *progressLine) Last() string {
	if p == nil {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// proposed is the end of an action that made a proposal: its status and
// link, and the remote's state again; after is a sentence more (where the
// branch stands). The proposal comes first: a narrow status line keeps
// its beginning; the key's hint comes last, so the link (shown after the
// status) follows it directly.
func proposed(tr *i18n.Tr, p *gitops.Proposal, after string) actionMsg {
	status := i18n.Sentences(i18n.F(tr.Publish.ProposedOn, "branch", p.Branch), after, tr.Publish.OpensPR)
	if p.URL == "" {
		status = i18n.Sentences(i18n.ProposedText(tr, p), tr.Publish.NoPRLink, after)
	}
	return actionMsg{status: status, link: p.URL, hint: tr.Publish.OpensPR, reload: true, sync: true}
}

// proposeLocal proposes the commits the server refused (or, in
// pull-request mode, P) and moves the branch back to its upstream.
func (x *actions) proposeLocal() tea.Cmd {
	repo, tr, publish := x.repo, x.c.Tr, x.publish
	push := x.pushDirect
	return writeTask(tr.UI.Working, func() tea.Msg {
		ctx := context.Background()
		pub, err := app.PublishSettings(ctx, repo, publish)
		if err != nil {
			return actionMsg{err: err}
		}
		p, err := app.ProposeLocalCommits(ctx, repo, pub)
		if errors.Is(err, gitops.ErrNothingToCommit) { // not an error: said as news
			return actionMsg{status: tr.Publish.NothingToPropose, sync: true}
		}
		if ask := gitQuestion(tr, err, pushesTo(ctx, repo, err, pub.Remote), offers{push: push}); ask != nil {
			return actionMsg{ask: ask, sync: true}
		}
		if err != nil {
			return actionMsg{err: err, reload: true, sync: true}
		}
		var after string
		if branch, err := repo.CurrentBranch(); err == nil && p.Back != "" {
			after = i18n.BranchAfterProposal(tr, branch, p)
		}
		return proposed(tr, p, after)
	})
}

// open opens the pull request of the selected posting in review, else of
// the last proposal, in the browser; the link stays in the footer.
func (x *actions) open(t target) tea.Cmd {
	tr := x.c.Tr
	url := x.remote.lastURL
	if p := x.proposalOf(t); p != nil && x.remote.pub != nil {
		// The posting's own proposal, never another's: without a link
		// for this forge, its branch is named.
		if url = x.remote.pub.Forge.PullRequestURL(x.remote.pub.Base, p.Name); url == "" {
			return send(statusMsg(p.Name + " — " + tr.Publish.NoPRLink))
		}
	}
	if url == "" {
		return send(statusMsg(tr.Publish.NothingToOpen))
	}
	if err := openURL(url); err != nil {
		return send(actionMsg{status: tr.Publish.OpenYourself, link: url})
	}
	return send(actionMsg{status: tr.Publish.Opened, link: url})
}

// openURL starts the browser ($BROWSER, else the system's opener) without
// waiting for it.
func openURL(url string) error {
	var cmd *exec.Cmd
	switch b := strings.Fields(os.Getenv("BROWSER")); {
	case len(b) > 0:
		cmd = exec.Command(b[0], append(b[1:], url)...)
	case runtime.GOOS == "darwin":
		cmd = exec.Command("open", url)
	case runtime.GOOS == "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return err
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// withdraw asks, then deletes the selected posting's proposal branch here
// and on the remote.
func (x *actions) withdraw(t target) tea.Cmd {
	tr, repo := x.c.Tr, x.repo
	p := x.proposalOf(t)
	if p == nil || x.remote.pub == nil {
		return send(statusMsg(tr.Publish.NotInReview))
	}
	pub, branch := x.remote.pub, p.Name
	return send(askMsg{question: i18n.F(tr.Publish.AskWithdraw, "branch", branch, "remote", pub.Remote), onYes: func() tea.Cmd {
		return writeTask(tr.UI.Working, func() tea.Msg {
			if _, err := app.Withdraw(context.Background(), repo, pub, branch); err != nil {
				return actionMsg{err: err, sync: true}
			}
			return actionMsg{status: i18n.F(tr.Publish.Withdrawn, "branch", branch), sync: true}
		})
	}})
}

// remove asks, then removes the chosen postings in every language (the
// marked rows or the selected one; in the Archived view with nothing
// marked, every archived posting shown), as one commit or one proposal.
func (x *actions) remove(t target) tea.Cmd {
	tr := x.c.Tr
	ids := t.ids
	if len(t.archivedView) > 0 {
		ids = t.archivedView
	}
	if len(ids) == 0 || t.cat == nil {
		return nil
	}
	site, repo, publish, archivedView := x.site, x.repo, x.publish, len(t.archivedView) > 0
	onYes := x.removeNow(site, repo, publish, ids) // made here: the task reads nothing of x
	// What would refuse the removal refuses it before the question (it
	// was asked, then refused: a QA run). The question counts the files
	// too: a posting with two files in a language removes three (a QA run
	// was asked about 1 posting, and 3 files went).
	return task("", func() tea.Msg {
		pub, err := app.PublishFor(context.Background(), repo, publish)
		files := 0
		if err == nil {
			files, err = app.CheckDelete(repo, site, pub, ids)
		}
		if err != nil {
			return errorMsg{err}
		}
		count := tr.N(tr.Publish.RemoveFiles, files)
		q := tr.N(tr.Publish.AskRemove, len(ids), "names", strings.Join(ids, ", "), "files", count)
		if archivedView {
			q = tr.N(tr.Publish.AskRemoveArchived, len(ids), "files", count)
		}
		return askMsg{question: q, onYes: onYes}
	})
}

// removeNow removes ids once the person said yes.
func (x *actions) removeNow(site *model.Site, repo *gitops.Repo, publish string, ids []string) func() tea.Cmd {
	tr := x.c.Tr
	return func() tea.Cmd {
		return writeTask(tr.UI.Working, func() tea.Msg {
			ctx := context.Background()
			pub, err := app.PublishFor(ctx, repo, publish)
			if err != nil {
				return actionMsg{err: err}
			}
			res, err := app.Delete(ctx, repo, site, pub, ids, "")
			if err != nil {
				return actionMsg{err: err, reload: true}
			}
			if res.Proposal != nil {
				return proposed(tr, res.Proposal, "")
			}
			status := i18n.RemovedText(tr, len(res.Removed), res.Commit.Short+" "+res.Commit.Subject)
			status = withHookOutput(tr, i18n.WithUndoHint(tr, status), res.Commit)
			drop := &dropUndo{commit: res.Commit, before: res.Before, undone: tr.Publish.RemovalUndone}
			return actionMsg{status: status, undo: &undoAction{drop: drop}, readWhole: hooksSaid(res.Commit), reload: true, sync: true}
		})
	}
}

// dropCommit undoes a removal, a commit of edits or a review mark: its
// commit goes, and a removal's files come back (gitops.DropCommit, which
// changes nothing where that is not safe).
func (x *actions) dropCommit(res *dropUndo) tea.Cmd {
	repo, tr := x.repo, x.c.Tr
	return writeTask(tr.UI.Working, func() tea.Msg {
		head := repo.HeadCommit()
		why, err := gitops.DropCommit(repo, res.commit, res.before)
		if err != nil {
			return actionMsg{err: err, undo: againIfStill(repo, head, &undoAction{drop: res}), reload: true}
		}
		if why != gitops.DropDone {
			reason := map[gitops.DropRefusal]string{gitops.DropNoGit: tr.UI.UndoWhyNoGit, gitops.DropMoved: tr.UI.UndoWhyMoved,
				gitops.DropPushed: tr.UI.UndoWhyPushed, gitops.DropChanged: tr.UI.UndoWhyChanged}[why]
			return actionMsg{status: tr.UI.NothingToUndo + " (" + reason + ")", reload: true}
		}
		return actionMsg{status: i18n.F(res.undone, "hash", res.commit.Short), reload: true}
	})
}

// restore takes back an edit not committed: its files go back to their
// bytes before it, each only while it has the bytes the edit left (a
// refusal keeps the undo on offer, as the files may be put right).
func (x *actions) restore(r *app.Restore) tea.Cmd {
	tr := x.c.Tr
	return writeTask(tr.UI.Working, func() tea.Msg {
		if err := r.Apply(); err != nil { // nothing was written
			return actionMsg{err: err, undo: &undoAction{restore: r}, reload: true}
		}
		return actionMsg{status: tr.N(tr.UI.EditUndone, len(r.Files)), reload: true}
	})
}

// proposalDiff shows what the proposal of a posting in review changes
// against the base.
func (x *actions) proposalDiff(p gitops.ProposalBranch) tea.Cmd {
	repo, pub := x.repo, x.remote.pub
	return task("", func() tea.Msg {
		files, err := app.ProposalDiff(context.Background(), repo, pub, p)
		return diffMsg{files: files, err: err}
	})
}

// offers are the actions a git refusal may be answered with, bound by
// the caller (the background command reads nothing of the actions); a nil
// one is not offered.
type offers struct{ push, pull, propose func() tea.Cmd }

// pushesTo is the remote the push a refusal offers goes to, for the
// question to name it: where git push sends the branch (a fork's
// pushRemote, remote.pushDefault), else the team's remote. Asked only
// after a refusal.
func pushesTo(ctx context.Context, repo *gitops.Repo, err error, remote string) string {
	if err == nil {
		return remote
	}
	if p, perr := repo.PushPlan(ctx); perr == nil && p.Refused == gitops.PushSent && p.Remote != "" {
		return p.Remote
	}
	return remote
}

// gitQuestion turns a refusal the app has a key for into the question
// that does it, instead of the command line's advice: a branch not on the
// remote yet offers to push it (which makes it the upstream); diverged
// branches, or a push the server refused (its reason whole), offer to
// propose the local commits; a push rejected because the remote moved
// offers to pull, unless it went to another remote than pulls come from
// (a fork). Other errors are nil: they are shown as they are.
func gitQuestion(tr *i18n.Tr, err error, remote string, o offers) *askMsg {
	var ge *gitops.Error
	if !errors.As(err, &ge) {
		return nil
	}
	switch {
	case ge.Kind == gitops.KindNoUpstream && remote != "" && o.push != nil:
		return &askMsg{question: i18n.F(tr.Publish.AskPushFirst, "branch", ge.Detail, "remote", remote), onYes: o.push}
	case ge.Kind == gitops.KindDiverged && o.propose != nil:
		return &askMsg{question: i18n.F(tr.Publish.DivergedAsk, "branches", ge.Detail) + "\n" + tr.Publish.ProposeInstead, onYes: o.propose}
	case ge.Kind == gitops.KindPushRefused && o.propose != nil:
		// The app's words: the command line's text names jobtui
		// propose, which here is the question.
		q := i18n.F(tr.Publish.PushRefusedAsk, "where", ge.Detail)
		if ge.Output != "" {
			q += "\n" + ge.Output
		}
		return &askMsg{question: q + "\n" + tr.Publish.ProposeInstead, onYes: o.propose}
	case ge.Kind == gitops.KindPushRejected && o.pull != nil && (ge.Plan == nil || !ge.Plan.Triangular()): // the remote moved: p's way (not where pulls come from elsewhere)
		return &askMsg{question: i18n.F(tr.Publish.AskPullFirst, "remote", ge.Detail), onYes: o.pull}
	}
	return nil
}

// hasEdits tells a row with uncommitted edits: d shows those first.
func (x *actions) hasEdits(t target) bool {
	return t.row != nil && t.row.Git != app.GitClean
}
