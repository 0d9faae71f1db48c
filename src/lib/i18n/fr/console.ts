import type { moderationConsole as en } from '../en/console';

/** La console de modération : étapes, annulation et rétablissement ; la vue de la personne qui pose la question. */
export const moderationConsole: Record<keyof typeof en, string> = {
	'console.reject.open': 'Rejeter…',
	'console.reject.heading': 'Rejeter cette question',
	'console.reject.intro':
		'La raison est affichée publiquement avec la question. Choisissez-en une.',
	'console.reject.confirm': 'Rejeter publiquement',
	'console.merge.open': 'Fusionner…',
	'console.merge.heading': 'Fusionner comme doublon',
	'console.merge.intro': 'Ses votes rejoignent la question que vous choisissez. Choisissez-en une.',
	'console.merge.confirm': 'Fusionner',
	'console.merge.none': 'Il n’y a pas d’autre question publiée avec laquelle fusionner.',
	'console.cancel': 'Annuler',
	'console.pinned': 'Épinglée',
	'console.undo': 'Annuler cette action',
	'console.undo.reject': 'Question rejetée.',
	'console.undo.merge': 'Question fusionnée.',
	'console.undo.status': 'Réponse enregistrée.',
	'console.done.restore': 'Question rétablie.',
	'console.done.undo_status': 'L’état de réponse précédent est de nouveau enregistré.',
	'console.removed': 'Rejetées et fusionnées',
	'console.removed.intro':
		'Rétablir remet une question là où elle était (publiée, ou en attente de validation). Le rétablissement est noté publiquement, comme le rejet.',
	'console.withheld': 'Ce texte est caché au public. Seuls les responsables le voient ici.',
	'console.restore': 'Rétablir',
	'console.merged_into': 'fusionnée avec : {text}',
	'console.run.heading': 'Mener la réunion',
	'console.run.moderate': 'Console de modération',
	'console.run.screen': 'Écran pour la salle',
	'console.run.live': 'Page en direct',
	'console.close.open': 'Clore la réunion…',
	'console.close.heading': 'Clore la réunion ?',
	'console.close.not_reached':
		'Questions publiées sans réponse : {count}. Elles sont notées « Pas abordée » et reportées à la réunion suivante.',
	'console.close.pending':
		'Questions encore en attente de validation : {count}. Elles restent non publiées.',
	'console.close.minutes':
		'Un projet de procès-verbal est créé à partir de l’ordre du jour, des présences et des questions. Rien n’est publié tant qu’un responsable n’a pas publié le procès-verbal.',
	'console.close.final':
		'Les questions et les votes s’arrêtent tout de suite. Une réunion close ne peut pas être rouverte.',
	'console.close.confirm': 'Oui, clore la réunion',
	'console.close.confirm_needed': 'Confirmez que vous voulez clore la réunion.',
	'question.not_restorable': 'Seule une question rejetée ou fusionnée peut être rétablie.',
	'question.nothing_to_undo': 'Il n’y a pas d’état de réponse à annuler pour cette question.',
	'question.undo_deferred':
		'Ce report a créé un engagement dans le suivi des engagements : modifiez ou abandonnez plutôt cet engagement.',
	'kind.question.restored': 'Question rétablie',
	'kind.question.status_undone': 'État de réponse annulé',
	'live.yours_rejected': 'Votre question a été rejetée : {reason}',
	'live.yours_merged': 'Votre question a été fusionnée avec une autre question, comme doublon.'
};
