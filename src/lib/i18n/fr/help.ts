import type { help as en } from '../en/help';

/** La page d’aide (/help), pour une personne qui n’a jamais utilisé le site. */
export const help: Record<keyof typeof en, string> = {
	'help.link': 'Aide : comment participer',
	'help.title': 'Comment participer',
	'help.intro':
		'Cette page explique comment fonctionne Openfloor. Vous n’avez pas besoin de compte pour lire ce que les groupes publient, ni pour regarder une réunion.',
	'help.contents': 'Sur cette page',
	'help.language':
		'Pour changer de langue, utilisez le menu en haut de chaque page. Votre choix est gardé sur cet appareil.',

	'help.ask.title': 'Poser une question pendant une réunion',
	'help.ask.when':
		'Vous pouvez poser des questions pendant que la réunion est en direct. Les questions s’arrêtent quand elle est close.',
	'help.ask.steps': 'La plupart des réunions prennent les questions des personnes dans la salle :',
	'help.ask.step_code':
		'Regardez l’écran dans la salle. Il affiche un code de la salle : huit lettres et chiffres.',
	'help.ask.step_join':
		'Scannez le code carré de l’écran avec votre téléphone. Ou bien ouvrez la page {join} et saisissez le code de la salle.',
	'help.ask.step_write': 'Écrivez votre question et envoyez-la.',
	'help.ask.rules':
		'Certaines réunions fonctionnent autrement : toute personne qui a le lien peut poser une question, ou seulement les personnes connectées, ou seulement les représentants des organisations membres. La page de la réunion dit qui peut poser des questions et voter. Tout le monde peut regarder.',
	'help.ask.moderated':
		'Dans certaines réunions, un modérateur lit chaque question avant qu’elle apparaisse. Votre question attend alors d’être validée.',
	'help.ask.limit': 'Une réunion peut limiter le nombre de questions par personne.',
	'help.ask.withdraw':
		'Vous pouvez retirer votre question pendant la réunion, tant qu’elle n’a pas reçu de réponse.',
	'help.ask.name_title': 'Anonyme ou avec votre nom',
	'help.ask.anonymous':
		'C’est vous qui choisissez. Au départ, la case « {anonymous} » est cochée : votre question est anonyme, et aucun nom n’est affiché avec elle.',
	'help.ask.named':
		'Si vous décochez la case, votre nom est affiché avec votre question sur la page de la réunion et dans le procès-verbal publié. Si vous êtes connecté, c’est le nom de votre compte. Sinon, vous écrivez un nom.',

	'help.privacy.title': 'Quelqu’un peut-il voir qui a posé la question ?',
	'help.privacy.anonymous':
		'Non, pas pour une question anonyme. Openfloor ne garde rien avec elle qui vous identifie : ni votre nom, ni votre compte, ni votre adresse internet.',
	'help.privacy.who':
		'Les autres personnes de la réunion, les responsables du groupe et toute personne qui obtient une copie de la base de données ne peuvent donc pas savoir qui l’a posée. Les votes ne sont liés à personne non plus.',
	'help.privacy.limits': 'Il y a des limites :',
	'help.privacy.host':
		'Les personnes qui font fonctionner ce site contrôlent son serveur. Elles pourraient modifier le logiciel pour savoir qui pose quelle question. Utilisez un site géré par des personnes en qui votre groupe a confiance.',
	'help.privacy.words':
		'Vos mots peuvent vous trahir. Si votre question raconte votre propre histoire, on peut deviner qui l’a posée.',
	'help.privacy.time': 'L’heure d’une question anonyme est publique, à la minute près.',

	'help.vote.title': 'Voter pour des questions',
	'help.vote.why':
		'Votez pour les questions qui vous importent le plus. On peut trier la liste des questions par nombre de votes.',
	'help.vote.one':
		'Vous avez un vote pour chaque question : voter une deuxième fois n’ajoute pas de vote. On ne peut pas voter contre.',
	'help.vote.take_back':
		'Vous pouvez reprendre votre vote avec « {unvote} », pendant la réunion. On ne peut voter que pour les questions publiées.',
	'help.vote.devices':
		'Si vous êtes connecté, votre vote compte une seule fois, même si vous utilisez plusieurs téléphones ou ordinateurs.',
	'help.vote.verdict':
		'Quand les responsables du groupe ont noté ce qu’est devenue une question, vous pouvez dire si, pour vous, elle a reçu une réponse.',

	'help.ledger.title': 'Le suivi des engagements',
	'help.ledger.what':
		'Chaque groupe a une page « {ledger} ». Elle liste chaque question à laquelle l’institution n’a pas entièrement répondu, et chaque promesse faite au groupe.',
	'help.ledger.details':
		'Pour chacune, elle dit qui la doit, depuis quand, pour quand, et ce qui a été fait. Ce qui est en retard est marqué « {overdue} ».',

	'help.register.title': 'Le registre des candidatures',
	'help.register.what':
		'Chaque groupe a une page « {applications} ». C’est le registre de toutes les candidatures pour entrer dans le groupe, avec chaque décision et ses raisons.',
	'help.register.private': 'Les coordonnées des candidats ne sont jamais publiées.',
	'help.register.members':
		'La page « {members} » montre quelles organisations font partie du groupe aujourd’hui. La page « {decisions} » liste toutes les décisions, dans l’ordre.',

	'help.apply.title': 'Demander l’adhésion',
	'help.apply.who':
		'Ce sont des organisations qui deviennent membres d’un groupe, pas des personnes seules.',
	'help.apply.steps': 'Pour faire la demande pour votre organisation :',
	'help.apply.step_account':
		'Créez un compte. Puis confirmez votre adresse e-mail : suivez le lien que nous vous envoyons.',
	'help.apply.step_open': 'Ouvrez la page du groupe et choisissez « {apply} ».',
	'help.apply.step_form':
		'Remplissez le formulaire. La partie sur votre organisation est publique. La personne de contact et son adresse e-mail sont privées : seuls les responsables du groupe les voient. Votre lettre de motivation aussi.',
	'help.apply.step_decision':
		'La présidence décide. La décision et sa raison sont publiées dans le registre et envoyées à l’adresse e-mail de contact.',
	'help.apply.appeal':
		'Si la candidature est refusée, vous pouvez faire un seul recours. Le recours n’est jamais décidé par la personne qui a refusé.',
	'help.apply.closed':
		'Si le groupe n’accepte pas de nouveaux membres, vous pouvez quand même déposer une candidature. Elle est alors refusée tout de suite, avec la raison donnée pour la fermeture, et vous pouvez faire un recours.',
	'help.apply.follow':
		'Vous pouvez suivre votre candidature, ou la retirer, depuis la page de votre compte.'
};
