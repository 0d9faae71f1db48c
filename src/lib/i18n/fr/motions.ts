import type { motions as en } from '../en/motions';

/** Les motions et les votes enregistrés (ticket 18). */
export const motions: Record<keyof typeof en, string> = {
	'motions.not_found': 'Cette réunion n’a pas de motion portant ce numéro.',
	'motions.closed': 'Les motions ne sont reçues que pour une réunion qui n’est pas encore close.',
	'motions.not_member':
		'Seuls les représentants d’une organisation membre, ou les responsables, peuvent proposer une motion.',
	'motions.amendment_of_unknown': 'Cette réunion n’a pas de motion portant ce numéro.',
	'motions.not_amendable':
		'Seule une motion qui attend encore son vote peut être amendée, et un amendement ne peut pas lui-même être amendé.',
	'motions.not_secondable':
		'Seule une motion qui n’a pas encore été mise aux voix peut être appuyée.',
	'motions.already_seconded': 'Cette motion a déjà été appuyée.',
	'motions.own_seconder':
		'Une motion est appuyée par une autre organisation membre que celle qui l’a proposée.',
	'motions.bad_transition': 'La motion ne peut pas passer à cet état depuis son état actuel.',
	'motions.reason_required': 'Donnez la raison du rejet de la motion : elle est publique.',
	'motions.not_scheduled': 'Inscrivez la motion à l’ordre du jour avant d’ouvrir le vote.',
	'motions.meeting_not_live':
		'Le vote sur une motion ne s’ouvre et ne se clôt que pendant la réunion en cours.',
	'motions.amendments_pending':
		'Les amendements de la motion doivent être tranchés avant que la motion elle-même soit mise aux voix.',
	'motions.not_voting': 'Le vote sur cette motion n’est pas ouvert.',
	'motions.vote_closed':
		'Le vote sur cette motion est clos : les votes ne peuvent plus être exprimés ni modifiés.',
	'motions.not_eligible':
		'Votre organisation n’était pas membre à l’ouverture de ce vote : elle ne peut pas voter sur cette motion.',
	'motions.vote_open':
		'Un vote sur une motion est encore ouvert : clôturez-le avant de clore la réunion.',
	'motions.rules_unchanged': 'Les motions sont déjà tranchées selon ces règles.',
	'motions.rules_vote_open':
		'Un vote est ouvert : les règles des motions pourront changer une fois qu’il sera clos.',
	'kind.motion.decided': 'Motion tranchée',
	'kind.motion.declined': 'Motion rejetée sans vote',
	'kind.motions.rules_changed': 'Règles de décision des motions modifiées'
};
