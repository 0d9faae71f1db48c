import type { words as en } from '../en/words';

/** Ce que le dossier d’adhésion dit qu’il s’est passé, et les champs obligatoires. */
export const words: Record<keyof typeof en, string> = {
	'application.event.refused_while_closed': 'Refusée automatiquement : l’adhésion était fermée',
	'email.refused_while_closed':
		'L’adhésion à {group} est fermée. La candidature de {organisation} a donc été enregistrée puis refusée automatiquement, avec la raison donnée pour la fermeture. Aucun responsable ne l’a examinée. Vous pouvez faire un recours.',
	'decisions.refused_while_closed':
		'Refusée automatiquement : l’adhésion était fermée. Aucun responsable n’a pris cette décision.',
	'decisions.review_on': 'Réexamen prévu le {date}.',
	'field.reason.required_when_refusing': 'obligatoire en cas de refus'
};
