package i18n

import (
	"strconv"
	"strings"

	"github.com/jobtui/jobtui/internal/config"
	"github.com/jobtui/jobtui/internal/gitops"
)

// PublishStrings are the words of pulling, proposing and the settings.
type PublishStrings struct {
	PullShort, ProposeShort, ProposalsShort, WithdrawShort, DeleteShort     string
	FlagPublish, FlagClean, FlagArchived, FlagJSON                          string
	Fetching                                                                string
	UpToDate                                                                string
	Pulled, FilesChanged                                                    Plural
	MergedBranches                                                          Plural
	Proposed                                                                string
	OpenPR                                                                  string
	NoPRLink                                                                string
	ServerSaid                                                              string
	EditsMoved                                                              string
	BranchBack                                                              string
	BranchKept                                                              string
	NothingToPropose                                                        string
	NoProposals                                                             string
	Merged, InReview                                                        string
	Withdrawn                                                               string
	Cleaned                                                                 Plural
	Removed                                                                 Plural
	NothingArchived                                                         string
	ActionArchive, ActionUnarchive, ActionUpdate, ActionRemove, ActionOther string
	AheadBehind                                                             string
	// The app's keys and questions.
	KeyPull, KeyOpen, KeyWithdraw, KeyRemove         string
	KeyPropose                                       string // P in pull-request mode
	ProposedOn, OpensPR                              string
	ProposeInstead                                   string
	DivergedAsk, AskPushFirst, NowTracks             string
	PushRefusedAsk, AskPullFirst                     string
	AskWithdraw                                      string
	AskRemove                                        Plural
	AskRemoveArchived                                Plural
	RemoveFiles                                      Plural // in AskRemove: how many files go
	AskDeleteMerged                                  Plural
	NothingToOpen, NotInReview, Opened, OpenYourself string
	Syncing                                          string
	RemovalUndone                                    string
	// Settings files.
	ConfigNotAllowed, ConfigUnknownKey, ConfigNotAddress, ConfigNotSingle, ConfigNotMapping, ConfigBadYAML string
	// An option's value that is not one it takes (an option has no line).
	FlagNotAllowed string
}

var publishEN = PublishStrings{
	PullShort:         "Fetch the upstream and fast-forward the current branch (never merges or rebases)",
	ProposeShort:      "Propose the local commits the server refused as a pull request",
	ProposalsShort:    "List the proposals (pull-request branches) in review",
	WithdrawShort:     "Withdraw a proposal: delete its branch here and on the remote",
	DeleteShort:       "Remove postings in every language, as one commit or one proposal",
	FlagPublish:       "how to publish this change: direct or pull-request (overrides .jobtui.yaml)",
	FlagClean:         "delete the branches of merged proposals, here and on the remote",
	FlagArchived:      "every posting archived in all its languages",
	FlagJSON:          "print JSON",
	Fetching:          "Fetching {remote}…",
	UpToDate:          "{branch} is up to date with {upstream}.",
	Pulled:            Plural{"{branch} fast-forwarded to {upstream}: {n} new commit, {files}.", "{branch} fast-forwarded to {upstream}: {n} new commits, {files}."},
	FilesChanged:      Plural{"{n} file changed", "{n} files changed"},
	MergedBranches:    Plural{"Merged proposal whose branch can go (jobtui proposals --clean): {names}", "Merged proposals whose branches can go (jobtui proposals --clean): {names}"},
	Proposed:          "Proposed on branch {branch} of {remote}, into {base}: {subject}",
	OpenPR:            "Open the pull request: {url}",
	NoPRLink:          "No pull-request link for this forge: open the branch on the forge, or set forge and web_url in .jobtui.yaml.",
	ServerSaid:        "The server said:",
	EditsMoved:        "Your edits now live on the proposal branch; your files are back as {branch} has them.",
	BranchBack:        "{branch} is back at {upstream}; the commits live on the proposal branch.",
	BranchKept:        "{branch} keeps its commits; they are on the proposal branch too.",
	NothingToPropose:  "Nothing to propose: this branch has no commit that its remote lacks.",
	NoProposals:       "No proposals in review.",
	Merged:            "merged",
	InReview:          "in review",
	Withdrawn:         "Withdrew {branch}.",
	Cleaned:           Plural{"Deleted the merged branch: {names}", "Deleted the merged branches: {names}"},
	Removed:           Plural{"Removed {n} file: {commit}", "Removed {n} files: {commit}"},
	NothingArchived:   "No posting is archived in all its languages.",
	ActionArchive:     "archive in review",
	ActionUnarchive:   "unarchive in review",
	ActionUpdate:      "edit in review",
	ActionRemove:      "removal in review",
	ActionOther:       "change in review",
	AheadBehind:       "↑{ahead} ↓{behind}",
	KeyPull:           "pull",
	KeyPropose:        "propose",
	KeyOpen:           "open pull request",
	KeyWithdraw:       "withdraw proposal",
	KeyRemove:         "remove postings",
	ProposedOn:        "Proposed on {branch}.",
	OpensPR:           "o opens the pull request:",
	ProposeInstead:    "Propose your commits as a pull request instead? (y/n)",
	DivergedAsk:       "Your branch and its upstream ({branches}) have both moved (they have diverged): jobtui does not merge or rebase for you; nothing was changed.",
	AskPushFirst:      "{branch} is not on {remote} yet, so there is nothing to pull. Push it to {remote} now? (y/n)",
	NowTracks:         "{branch} now pulls from {upstream}.",
	PushRefusedAsk:    "The server refused the push to {where}; your commit is kept here, nothing was lost. What it said:",
	AskPullFirst:      "{remote} has commits you do not have, so nothing was pushed. Pull them first, now? (y/n)",
	AskWithdraw:       "Withdraw the proposal {branch}? Its branch is deleted here and on {remote}. (y/n)",
	AskRemove:         Plural{"Remove {n} posting in every language ({names}), {files}? (y/n)", "Remove {n} postings in every language ({names}), {files}? (y/n)"},
	AskRemoveArchived: Plural{"Remove the {n} posting archived in every language, {files}? (y/n)", "Remove all {n} postings archived in every language, {files}? (y/n)"},
	RemoveFiles:       Plural{"{n} file", "{n} files"},
	AskDeleteMerged:   Plural{"{n} proposal was merged: delete its branch here and on {remote}? (y/n)", "{n} proposals were merged: delete their branches here and on {remote}? (y/n)"},
	NothingToOpen:     "No pull request to open: propose a change first, or select a posting in review.",
	NotInReview:       "This posting is not in review.",
	Opened:            "Opened in the browser:",
	OpenYourself:      "No browser found; open it yourself:",
	Syncing:           "Fetching {remote}…",
	RemovalUndone:     "Undone: commit {hash} is gone and the removed files are back.",
	ConfigNotAllowed:  "{file}, line {line}: {key} cannot be “{value}”; allowed: {allowed}",
	FlagNotAllowed:    "{flag} cannot be “{value}”: it takes {allowed}",
	ConfigUnknownKey:  "{file}, line {line}: “{key}” is not a setting; the settings are: {allowed}",
	ConfigNotAddress:  "{file}, line {line}: {key} must be a web address starting with https:// (found “{value}”)",
	ConfigNotSingle:   "{file}, line {line}: {key} takes one value, not a list",
	ConfigNotMapping:  "{file}, line {line}: the file must be settings, one “key: value” per line",
	ConfigBadYAML:     "{file}, line {line}: not valid YAML: {detail}",
}

var publishFR = PublishStrings{
	PullShort:         "Récupérer la branche amont et avancer la branche courante (sans jamais fusionner ni rebaser)",
	ProposeShort:      "Proposer en demande de fusion les commits locaux que le serveur a refusés",
	ProposalsShort:    "Lister les propositions (branches de demande de fusion) en révision",
	WithdrawShort:     "Retirer une proposition : supprimer sa branche ici et sur le dépôt distant",
	DeleteShort:       "Supprimer des offres dans toutes les langues, en un commit ou une proposition",
	FlagPublish:       "comment publier ce changement : direct ou pull-request (remplace .jobtui.yaml)",
	FlagClean:         "supprimer les branches des propositions fusionnées, ici et sur le dépôt distant",
	FlagArchived:      "toutes les offres archivées dans toutes leurs langues",
	FlagJSON:          "afficher en JSON",
	Fetching:          "Récupération depuis {remote}…",
	UpToDate:          "{branch} est à jour avec {upstream}.",
	Pulled:            Plural{"{branch} avancée jusqu’à {upstream} : {n} nouveau commit, {files}.", "{branch} avancée jusqu’à {upstream} : {n} nouveaux commits, {files}."},
	FilesChanged:      Plural{"{n} fichier modifié", "{n} fichiers modifiés"},
	MergedBranches:    Plural{"Proposition fusionnée dont la branche peut partir (jobtui proposals --clean) : {names}", "Propositions fusionnées dont les branches peuvent partir (jobtui proposals --clean) : {names}"},
	Proposed:          "Proposé sur la branche {branch} de {remote}, vers {base} : {subject}",
	OpenPR:            "Ouvrir la demande de fusion : {url}",
	NoPRLink:          "Pas de lien de demande de fusion pour cette forge : ouvrez la branche sur la forge, ou indiquez forge et web_url dans .jobtui.yaml.",
	ServerSaid:        "Le serveur a dit :",
	EditsMoved:        "Vos modifications sont maintenant sur la branche de proposition ; vos fichiers sont revenus comme {branch} les a.",
	BranchBack:        "{branch} est revenue à {upstream} ; les commits sont sur la branche de proposition.",
	BranchKept:        "{branch} garde ses commits ; ils sont aussi sur la branche de proposition.",
	NothingToPropose:  "Rien à proposer : cette branche n’a aucun commit qui manque au dépôt distant.",
	NoProposals:       "Aucune proposition en révision.",
	Merged:            "fusionnée",
	InReview:          "en révision",
	Withdrawn:         "Proposition {branch} retirée.",
	Cleaned:           Plural{"Branche fusionnée supprimée : {names}", "Branches fusionnées supprimées : {names}"},
	Removed:           Plural{"{n} fichier supprimé : {commit}", "{n} fichiers supprimés : {commit}"},
	NothingArchived:   "Aucune offre n’est archivée dans toutes ses langues.",
	ActionArchive:     "archivage en révision",
	ActionUnarchive:   "désarchivage en révision",
	ActionUpdate:      "modification en révision",
	ActionRemove:      "suppression en révision",
	ActionOther:       "changement en révision",
	AheadBehind:       "↑{ahead} ↓{behind}",
	KeyPull:           "récupérer",
	KeyPropose:        "proposer",
	KeyOpen:           "ouvrir la demande",
	KeyWithdraw:       "retirer la proposition",
	KeyRemove:         "supprimer des offres",
	ProposedOn:        "Proposé sur {branch}.",
	OpensPR:           "o ouvre la demande de fusion :",
	ProposeInstead:    "Proposer plutôt vos commits en demande de fusion ? (o/n)",
	DivergedAsk:       "Votre branche et sa branche amont ({branches}) ont toutes deux avancé (elles ont divergé) : jobtui ne fusionne ni ne rebase à votre place ; rien n’a été modifié.",
	AskPushFirst:      "{branch} n’est pas encore sur {remote}, il n’y a donc rien à récupérer. L’envoyer sur {remote} maintenant ? (o/n)",
	NowTracks:         "{branch} récupère désormais depuis {upstream}.",
	PushRefusedAsk:    "Le serveur a refusé l’envoi vers {where} ; votre commit est gardé ici, rien n’est perdu. Ce qu’il a dit :",
	AskPullFirst:      "{remote} a des commits que vous n’avez pas : rien n’a été envoyé. Les récupérer d’abord, maintenant ? (o/n)",
	AskWithdraw:       "Retirer la proposition {branch} ? Sa branche est supprimée ici et sur {remote}. (o/n)",
	AskRemove:         Plural{"Supprimer {n} offre dans toutes les langues ({names}), {files} ? (o/n)", "Supprimer {n} offres dans toutes les langues ({names}), {files} ? (o/n)"},
	AskRemoveArchived: Plural{"Supprimer l’offre archivée dans toutes les langues ({n}), {files} ? (o/n)", "Supprimer les {n} offres archivées dans toutes les langues, {files} ? (o/n)"},
	RemoveFiles:       Plural{"{n} fichier", "{n} fichiers"},
	AskDeleteMerged:   Plural{"{n} proposition a été fusionnée : supprimer sa branche ici et sur {remote} ? (o/n)", "{n} propositions ont été fusionnées : supprimer leurs branches ici et sur {remote} ? (o/n)"},
	NothingToOpen:     "Aucune demande de fusion à ouvrir : proposez d’abord un changement, ou choisissez une offre en révision.",
	NotInReview:       "Cette offre n’est pas en révision.",
	Opened:            "Ouvert dans le navigateur :",
	OpenYourself:      "Aucun navigateur trouvé ; ouvrez vous-même :",
	Syncing:           "Récupération depuis {remote}…",
	RemovalUndone:     "Annulé : le commit {hash} a disparu et les fichiers supprimés sont revenus.",
	ConfigNotAllowed:  "{file}, ligne {line} : {key} ne peut pas valoir « {value} » ; valeurs permises : {allowed}",
	FlagNotAllowed:    "{flag} ne peut pas valoir « {value} » : il accepte {allowed}",
	ConfigUnknownKey:  "{file}, ligne {line} : « {key} » n’est pas un réglage ; les réglages sont : {allowed}",
	ConfigNotAddress:  "{file}, ligne {line} : {key} doit être une adresse web commençant par https:// (trouvé « {value} »)",
	ConfigNotSingle:   "{file}, ligne {line} : {key} prend une seule valeur, pas une liste",
	ConfigNotMapping:  "{file}, ligne {line} : le fichier doit contenir des réglages, un « clé: valeur » par ligne",
	ConfigBadYAML:     "{file}, ligne {line} : YAML invalide : {detail}",
}

// ConfigErrorText says what is wrong in a settings file.
func ConfigErrorText(tr *Tr, e *config.Error) string {
	t := &tr.Publish
	tmpl := map[config.Problem]string{
		config.NotAllowed: t.ConfigNotAllowed, config.UnknownKey: t.ConfigUnknownKey,
		config.NotAddress: t.ConfigNotAddress, config.NotSingle: t.ConfigNotSingle,
		config.NotMapping: t.ConfigNotMapping, config.BadYAML: t.ConfigBadYAML,
	}[e.Problem]
	if e.Flag != "" && e.Problem == config.NotAllowed {
		return F(t.FlagNotAllowed, "flag", e.Flag, "value", e.Value, "allowed", orList(tr, e.Allowed))
	}
	return F(tmpl, "file", e.File, "line", strconv.Itoa(e.Line), "key", e.Key, "value", e.Value,
		"allowed", strings.Join(e.Allowed, ", "), "detail", e.Detail)
}

// ProposalText says where a proposal went, what the server said and how
// to open the pull request.
func ProposalText(tr *Tr, p *gitops.Proposal) string {
	t := &tr.Publish
	lines := []string{ProposedText(tr, p)}
	if len(p.Server) > 0 {
		lines = append(lines, t.ServerSaid)
		for _, l := range p.Server {
			lines = append(lines, "  "+l)
		}
	}
	if p.URL != "" {
		lines = append(lines, F(t.OpenPR, "url", p.URL))
	} else {
		lines = append(lines, t.NoPRLink)
	}
	return strings.Join(lines, "\n")
}

// ProposedText says where a proposal went and what it holds, as a
// sentence: the commit's subject ends it, so it gets the full stop the
// template cannot give it (the next sentence ran on from the subject).
func ProposedText(tr *Tr, p *gitops.Proposal) string {
	return Sentences(F(tr.Publish.Proposed, "branch", p.Branch, "remote", p.Remote, "base", p.Base, "subject", p.Subject))
}

// Sentences joins parts with a space, each ended as a sentence: a full
// stop where it does not end with one already (or with ?, !, … or a
// colon, which leads into what follows); empty parts are left out.
func Sentences(parts ...string) string {
	var out []string
	for _, s := range parts {
		s = strings.TrimRight(s, " ")
		if s == "" {
			continue
		}
		if !strings.ContainsAny(s[len(s)-1:], ".?!:") && !strings.HasSuffix(s, "…") {
			s += "."
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// RemovedText says how many files a removal took away, and its commit.
func RemovedText(tr *Tr, n int, commit string) string {
	return tr.N(tr.Publish.Removed, n, "commit", commit)
}

// PullText says what a pull did.
func PullText(tr *Tr, res *gitops.PullResult) string {
	t := &tr.Publish
	if res.Adopted {
		adopted := *res
		adopted.Adopted = false
		return F(t.NowTracks, "branch", res.Branch, "upstream", res.Upstream) + " " + PullText(tr, &adopted)
	}
	if res.UpToDate {
		return F(t.UpToDate, "branch", res.Branch, "upstream", res.Upstream)
	}
	return tr.N(t.Pulled, res.Behind, "branch", res.Branch, "upstream", res.Upstream, "files", tr.N(t.FilesChanged, len(res.Files)))
}

// ProposalActionText says what a proposal does to a posting ("archive in
// review").
func ProposalActionText(tr *Tr, branch string) string {
	t := &tr.Publish
	switch gitops.ProposalAction(branch) {
	case gitops.ActionArchive:
		return t.ActionArchive
	case gitops.ActionUnarchive:
		return t.ActionUnarchive
	case gitops.ActionUpdate:
		return t.ActionUpdate
	case gitops.ActionRemove:
		return t.ActionRemove
	}
	return t.ActionOther
}

// BranchAfterProposal says where the current branch stands once its
// commits were proposed: back at its upstream, or keeping them.
func BranchAfterProposal(tr *Tr, branch string, p *gitops.Proposal) string {
	if p.Back == "" {
		return F(tr.Publish.BranchKept, "branch", branch)
	}
	return F(tr.Publish.BranchBack, "branch", branch, "upstream", p.Back)
}

// orList joins values as a choice: "a, b or c" ("a, b ou c").
func orList(tr *Tr, values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	or := " or "
	if tr.Lang == FR {
		or = " ou "
	}
	return strings.Join(values[:len(values)-1], ", ") + or + values[len(values)-1]
}
