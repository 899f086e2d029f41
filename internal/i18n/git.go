package i18n

// GitStrings are the messages of git actions.
type GitStrings struct {
	NotStale           string
	NeedsRepo          string
	NoRepository       string
	NoIdentity         string
	DetachedHead       string
	Merging            string
	Conflicts          string
	IndexLocked        string
	IndexUnsupported   string
	RepoUnsupported    string
	OutsideRepo        string
	ConcurrentCommit   string
	NothingToCommit    string
	UnknownPosting     string
	DirtyPostings      string
	AmbiguousGroup     string
	PushRejected       string
	PushAuth           string
	NoRemote           string
	NoPullRemote       string
	ReadOnly           string
	ChangedOnDisk      string
	Failed             string
	DidYouMean         string
	NoGit              string
	CherryPicking      string
	Reverting          string
	Rebasing           string
	CommitRefused      string
	SigningFailed      string
	NotPending         string
	FetchFailed        string
	PushRefused        string
	NoUpstream         string
	Diverged           string
	PullWouldOverwrite string
	UpstreamGone       string
	EditsInTheWay      string
	Unreachable        string
	ProposalRefused    string
	BaseMoved          string
	NoProposal         string
	AlreadyProposed    string
	// Why git push with no arguments would send the branch nowhere
	// (gitops.PushRule), said for jobtui push.
	PushNowhere, PushNothing, PushOtherName, PushNotUpstream string
	PushManyUpstreams, PushBadDefault, PushIntoItself        string
	PushRefspecs, PushNotMatching                            string
	PushRejectedFork                                         string // the remote pushed to is not the one pulls come from
}

var gitEN = GitStrings{
	NotStale:           "the translation is not behind its source: nothing to review",
	NeedsRepo:          "this needs a git repository: {root} is not in one",
	NoRepository:       "this needs a git repository, and the site is not in one",
	NoIdentity:         "git does not know who you are; tell it once with:\n  git config --global user.name \"Your Name\"\n  git config --global user.email \"you@example.org\"",
	DetachedHead:       "HEAD is detached: check out a branch first",
	Merging:            "a merge is in progress: finish it (git commit) or abort it (git merge --abort) first; nothing was changed",
	Conflicts:          "the index has unresolved conflicts: resolve them first",
	IndexLocked:        "another git process is running (.git/index.lock exists); if none is, remove that file",
	IndexUnsupported:   "the git index uses a format jobtui cannot write (split or sparse index); nothing was changed",
	RepoUnsupported:    "the repository uses a git feature jobtui cannot read (sparse checkout, worktree config or another extension): use the git command line for git actions; editing works",
	OutsideRepo:        "the file is outside the repository",
	ConcurrentCommit:   "the branch moved while committing (another commit happened); nothing was committed, try again",
	NothingToCommit:    "nothing to commit",
	UnknownPosting:     "no posting with this key or file",
	DirtyPostings:      "these posting files have uncommitted changes of their own",
	AmbiguousGroup:     "the posting cannot be changed safely (archived or removed): one of its files cannot be read or its files disagree",
	PushRejected:       "the remote has commits you do not have: pull first, then push again; nothing was changed",
	PushAuth:           "the remote refused the credentials",
	NoRemote:           "no remote to push to (no upstream and no origin)",
	NoPullRemote:       "no remote to pull from (no upstream and no origin)",
	ReadOnly:           "the file is read-only: make it writable first (chmod u+w)",
	ChangedOnDisk:      "the file changed on disk since it was read: reload first",
	Failed:             "the git action failed",
	DidYouMean:         "did you mean: {names}",
	NoGit:              "the git command is not installed: jobtui commits, pulls and pushes through it (install git, then try again); nothing was changed",
	CherryPicking:      "a cherry-pick is in progress: finish it (git cherry-pick --continue) or abort it (git cherry-pick --abort) first; nothing was changed",
	Reverting:          "a revert is in progress: finish it (git revert --continue) or abort it (git revert --abort) first; nothing was changed",
	Rebasing:           "a rebase is paused in this repository: finish it (git rebase --continue) or abort it (git rebase --abort) first; nothing was changed",
	CommitRefused:      "git refused the commit (a hook said no); nothing was committed. What it said:",
	SigningFailed:      "git could not sign the commit (commit.gpgsign is set); nothing was committed. What it said:",
	NotPending:         "not a posting with uncommitted edits",
	FetchFailed:        "could not fetch from the remote; nothing was changed. What git said:",
	Unreachable:        "could not reach the remote (the network, or its address?); nothing was sent or changed. What git said:",
	ProposalRefused:    "the server refused the proposal's branch; nothing was proposed, your branch and files are as they were. What the server said:",
	PushRefused:        "the server refused the push; your commit is kept here, nothing was lost. To send it as a pull request instead: jobtui propose (in the app, the question that follows). What the server said:",
	NoUpstream:         "this branch is not on the remote yet, so there is nothing to pull from or compare with: send it first with jobtui push; pull works after that",
	Diverged:           "your branch and its upstream have both moved (they have diverged): jobtui does not merge or rebase for you; nothing was changed. Ask someone at ease with git, or propose your commits as a pull request (jobtui propose)",
	PullWouldOverwrite: "pulling would overwrite your uncommitted edits of these files; commit or undo them first, nothing was changed",
	UpstreamGone:       "the branch this one pulls from is no longer on the remote (merged and deleted?): nothing to pull from, nothing was changed; to send your branch again, jobtui push",
	EditsInTheWay:      "your branch could not go back to its upstream after the proposal without overwriting your uncommitted edits of these files; commit or undo them first, nothing was proposed",
	BaseMoved:          "this posting changed on the base branch since you last pulled: pull first, then try again; nothing was changed",
	NoProposal:         "no proposal (pull-request branch) of that name",
	AlreadyProposed:    "this change is already proposed, on {branch}, and waits for review: nothing new was proposed",
	PushNowhere:        "git would not push this branch, and neither does jobtui; nothing was sent",
	PushNothing:        "git's push.default setting is \"nothing\": git sends nothing unless told what, and neither does jobtui; nothing was sent. Set push.default to simple (git's default), or ask someone at ease with git",
	PushOtherName:      "{branch} tracks {upstream} on {remote}, a branch of another name, and with push.default simple (git's default) git refuses to push it there; so does jobtui, nothing was sent. To push to {upstream}, set push.default to upstream; to push under the name {branch}, to current; or ask someone at ease with git",
	PushNotUpstream:    "push.default is upstream, and {branch} is pushed to {remote} (its pushRemote or remote.pushDefault), not to its upstream's remote ({upstreamRemote}): git refuses to guess which branch of {remote} to update; so does jobtui, nothing was sent. Set push.default to simple or current to push under the name {branch}, or ask someone at ease with git",
	PushManyUpstreams:  "{branch} has several upstream branches (branch.{branch}.merge is set more than once): git refuses to push it; so does jobtui, nothing was sent. Keep one of them, or ask someone at ease with git",
	PushBadDefault:     "push.default is \"{value}\", which git does not know (it takes nothing, matching, simple, upstream or current): git refuses to run; so does jobtui, nothing was sent",
	PushIntoItself:     "{branch} would be pushed into this repository itself (its remote is \".\", as for a branch that tracks a local branch): nothing was sent. Make it track a branch of a remote, or ask someone at ease with git",
	PushRejectedFork:   "{remote}'s {dest} has commits you do not have, and pulls come from {upstreamRemote}, so a pull does not bring them; nothing was changed. Ask someone at ease with git to bring them into your branch",
	PushNotMatching:    "push.default is matching, and {remote} has no branch {branch} (as last fetched): git sends only the branches both sides have, so it would not send {branch}; neither does jobtui, nothing was sent. Set push.default to current to send it, or ask someone at ease with git",
	PushRefspecs:       "remote {remote} says itself what a push sends (remote.{remote}.push or remote.{remote}.mirror is set): jobtui pushes one branch and does not follow those rules; nothing was sent. Push with git itself, or ask someone at ease with git",
}

var gitFR = GitStrings{
	NotStale:           "la traduction n’est pas en retard sur sa source : rien à réviser",
	NeedsRepo:          "cette action demande un dépôt git : {root} n’est dans aucun",
	NoRepository:       "cette action demande un dépôt git, et le site n’est dans aucun",
	NoIdentity:         "git ne sait pas qui vous êtes ; indiquez-le une fois avec :\n  git config --global user.name \"Votre nom\"\n  git config --global user.email \"vous@exemple.org\"",
	DetachedHead:       "HEAD est détachée : passez d’abord sur une branche",
	Merging:            "une fusion est en cours : terminez-la (git commit) ou annulez-la (git merge --abort) d’abord ; rien n’a été modifié",
	Conflicts:          "l’index contient des conflits non résolus : résolvez-les d’abord",
	IndexLocked:        "un autre processus git est en cours (.git/index.lock existe) ; s’il n’y en a pas, supprimez ce fichier",
	IndexUnsupported:   "l’index git utilise un format que jobtui ne sait pas écrire (index divisé ou clairsemé) ; rien n’a été modifié",
	RepoUnsupported:    "le dépôt utilise une fonction de git que jobtui ne sait pas lire (extraction clairsemée, configuration par arbre de travail ou autre extension) : faites les actions git en ligne de commande ; l’édition fonctionne",
	OutsideRepo:        "le fichier est hors du dépôt",
	ConcurrentCommit:   "la branche a bougé pendant la validation (un autre commit a eu lieu) ; rien n’a été validé, réessayez",
	NothingToCommit:    "rien à valider",
	UnknownPosting:     "aucune offre avec cette clé ou ce fichier",
	DirtyPostings:      "ces fichiers d’offres ont des modifications non validées",
	AmbiguousGroup:     "l’offre ne peut pas être modifiée sans risque (archivée ou supprimée) : un de ses fichiers est illisible ou ses fichiers se contredisent",
	PushRejected:       "le dépôt distant a des commits que vous n’avez pas : récupérez-les (pull) puis poussez de nouveau ; rien n’a été modifié",
	PushAuth:           "le dépôt distant a refusé les identifiants",
	NoRemote:           "aucun dépôt distant où pousser (ni amont ni origin)",
	NoPullRemote:       "aucun dépôt distant d’où récupérer (ni amont ni origin)",
	ReadOnly:           "le fichier est en lecture seule : rendez-le modifiable d’abord (chmod u+w)",
	ChangedOnDisk:      "le fichier a changé sur le disque depuis sa lecture : rechargez d’abord",
	Failed:             "l’action git a échoué",
	DidYouMean:         "vouliez-vous dire : {names}",
	NoGit:              "la commande git n’est pas installée : jobtui valide, récupère et pousse par elle (installez git, puis réessayez) ; rien n’a été modifié",
	CherryPicking:      "un cherry-pick est en cours : terminez-le (git cherry-pick --continue) ou annulez-le (git cherry-pick --abort) d’abord ; rien n’a été modifié",
	Reverting:          "un revert est en cours : terminez-le (git revert --continue) ou annulez-le (git revert --abort) d’abord ; rien n’a été modifié",
	Rebasing:           "un rebase est en pause dans ce dépôt : terminez-le (git rebase --continue) ou annulez-le (git rebase --abort) d’abord ; rien n’a été modifié",
	CommitRefused:      "git a refusé le commit (un crochet a dit non) ; rien n’a été validé. Ce qu’il a dit :",
	SigningFailed:      "git n’a pas pu signer le commit (commit.gpgsign est activé) ; rien n’a été validé. Ce qu’il a dit :",
	NotPending:         "pas une offre avec des modifications non validées",
	FetchFailed:        "impossible de récupérer depuis le dépôt distant ; rien n’a été modifié. Ce que git a dit :",
	Unreachable:        "impossible de joindre le dépôt distant (le réseau, ou son adresse ?) ; rien n’a été envoyé ni modifié. Ce que git a dit :",
	ProposalRefused:    "le serveur a refusé la branche de la proposition ; rien n’a été proposé, votre branche et vos fichiers sont comme avant. Ce que le serveur a dit :",
	PushRefused:        "le serveur a refusé l’envoi ; votre commit est gardé ici, rien n’est perdu. Pour l’envoyer plutôt en demande de fusion : jobtui propose (dans l’application, la question qui suit). Ce que le serveur a dit :",
	NoUpstream:         "cette branche n’est pas encore sur le dépôt distant, il n’y a donc rien d’où récupérer ni à quoi comparer : envoyez-la d’abord avec jobtui push ; la récupération marchera ensuite",
	Diverged:           "votre branche et sa branche amont ont toutes deux avancé (elles ont divergé) : jobtui ne fusionne ni ne rebase à votre place ; rien n’a été modifié. Demandez à quelqu’un à l’aise avec git, ou proposez vos commits en demande de fusion (jobtui propose)",
	PullWouldOverwrite: "récupérer écraserait vos modifications non validées de ces fichiers ; validez-les ou annulez-les d’abord, rien n’a été modifié",
	UpstreamGone:       "la branche d’où celle-ci récupère n’est plus sur le dépôt distant (fusionnée puis supprimée ?) : rien à récupérer, rien n’a été modifié ; pour envoyer de nouveau votre branche, jobtui push",
	EditsInTheWay:      "votre branche ne pourrait pas revenir à sa branche amont après la proposition sans écraser vos modifications non validées de ces fichiers ; validez-les ou annulez-les d’abord, rien n’a été proposé",
	BaseMoved:          "cette offre a changé sur la branche de base depuis votre dernière récupération : récupérez d’abord (pull), puis réessayez ; rien n’a été modifié",
	NoProposal:         "aucune proposition (branche de demande de fusion) de ce nom",
	AlreadyProposed:    "ce changement est déjà proposé, sur {branch}, et attend sa révision : rien de nouveau n’a été proposé",
	PushNowhere:        "git ne pousserait pas cette branche, et jobtui non plus ; rien n’a été envoyé",
	PushNothing:        "le réglage push.default de git vaut « nothing » : git ne pousse rien sans qu’on lui dise quoi, et jobtui non plus ; rien n’a été envoyé. Réglez push.default sur simple (le réglage par défaut de git), ou demandez à quelqu’un à l’aise avec git",
	PushOtherName:      "{branch} suit {upstream} sur {remote}, une branche d’un autre nom, et avec push.default simple (le réglage par défaut de git) git refuse d’y pousser ; jobtui aussi, rien n’a été envoyé. Pour pousser vers {upstream}, réglez push.default sur upstream ; pour pousser sous le nom {branch}, sur current ; ou demandez à quelqu’un à l’aise avec git",
	PushNotUpstream:    "push.default vaut upstream, et {branch} se pousse vers {remote} (son pushRemote ou remote.pushDefault), pas vers le dépôt de sa branche amont ({upstreamRemote}) : git refuse de deviner quelle branche de {remote} mettre à jour ; jobtui aussi, rien n’a été envoyé. Réglez push.default sur simple ou current pour pousser sous le nom {branch}, ou demandez à quelqu’un à l’aise avec git",
	PushManyUpstreams:  "{branch} a plusieurs branches amont (branch.{branch}.merge est donné plusieurs fois) : git refuse de la pousser ; jobtui aussi, rien n’a été envoyé. Gardez-en une seule, ou demandez à quelqu’un à l’aise avec git",
	PushBadDefault:     "push.default vaut « {value} », que git ne connaît pas (il accepte nothing, matching, simple, upstream ou current) : git refuse de s’exécuter ; jobtui aussi, rien n’a été envoyé",
	PushIntoItself:     "{branch} se pousserait dans ce dépôt lui-même (son dépôt distant est « . », comme pour une branche qui en suit une locale) : rien n’a été envoyé. Faites-lui suivre une branche d’un dépôt distant, ou demandez à quelqu’un à l’aise avec git",
	PushRejectedFork:   "{dest} sur {remote} a des commits que vous n’avez pas, et les récupérations viennent de {upstreamRemote} : un pull ne les apporte donc pas ; rien n’a été modifié. Demandez à quelqu’un à l’aise avec git de les intégrer à votre branche",
	PushNotMatching:    "push.default vaut matching, et {remote} n’a pas de branche {branch} (à la dernière récupération) : git ne pousse que les branches qu’ont les deux côtés, il n’enverrait donc pas {branch} ; jobtui non plus, rien n’a été envoyé. Réglez push.default sur current pour l’envoyer, ou demandez à quelqu’un à l’aise avec git",
	PushRefspecs:       "le dépôt distant {remote} dit lui-même ce qu’un envoi pousse (remote.{remote}.push ou remote.{remote}.mirror est réglé) : jobtui pousse une seule branche et ne suit pas ces règles ; rien n’a été envoyé. Poussez avec git lui-même, ou demandez à quelqu’un à l’aise avec git",
}
