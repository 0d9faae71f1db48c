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
	'motions.reason_required': 'Donnez la raison du rejet de la motion : elle est publique.',
	'motions.not_scheduled': 'Inscrivez la motion à l’ordre du jour avant d’ouvrir le vote.',
	'motions.meeting_not_live':
		'Le vote sur une motion ne s’ouvre et ne se clôt que pendant la réunion en cours.',
	'motions.amendments_pending':
		'Les amendements de la motion doivent être tranchés avant que la motion elle-même soit mise aux voix.',
	'motions.not_voting': 'Le vote sur cette motion n’est pas ouvert.',
	'motions.vote_closed':
		'Le vote sur cette motion est clos : les votes ne peuvent plus être exprimés ni modifiés.',
	'motions.not_present':
		'Votre organisation est enregistrée comme absente ou excusée : demandez au secrétariat de l’enregistrer présente, puis votez.',
	'motions.amended_text_needed':
		'Un amendement doit donner la motion telle qu’elle se lirait s’il était adopté.',
	'motions.amended_text_same':
		'C’est la motion telle qu’elle se lit déjà : écrivez-la telle que l’amendement la changerait.',
	'motions.amendment_outdated':
		'Un autre amendement adopté depuis a changé la motion, si bien que celui-ci ne s’applique plus tel qu’il est écrit. Rejetez-le ; il peut être proposé de nouveau sur la motion telle qu’elle se lit maintenant.',
	'motions.amended_text_field':
		'Pour un amendement : la motion telle qu’elle se lirait si l’amendement était adopté',
	'motions.amended_text_hint':
		'Adopté, l’amendement remplace le texte de la motion par celui-ci ; le texte proposé reste au registre.',
	'motions.as_proposed': 'Telle que proposée',
	'motions.would_read': 'Si l’amendement est adopté, la motion se lirait',
	'motions.not_eligible':
		'Votre organisation n’était pas membre à l’ouverture de ce vote : elle ne peut pas voter sur cette motion.',
	'motions.vote_open':
		'Un vote sur une motion est encore ouvert : clôturez-le avant de clore la réunion.',
	'motions.rules_unchanged': 'Les motions sont déjà tranchées selon ces règles.',
	'motions.rules_vote_open':
		'Un vote est ouvert : les règles des motions pourront changer une fois qu’il sera clos.',
	'motions.title': 'Motions',
	'motions.heading': 'Motions · Réunion {number} : {title}',
	'motions.intro':
		'Une motion est une proposition que le groupe tranche par un vote. Chaque organisation membre dispose d’une voix (pour, contre ou abstention), exprimée par l’un de ses représentants et modifiable jusqu’à ce que la présidence clôture le vote. Le résultat et la voix de chaque organisation sont alors publics, ici et dans le registre des décisions.',
	'motions.none': 'Aucune motion n’a été proposée pour cette réunion.',
	'motions.number': 'Motion {number}',
	'motions.amendment': 'Amendement {number} à la motion {main}',
	'motions.state.proposed': 'Proposée : en attente des responsables',
	'motions.state.scheduled': 'Inscrite à l’ordre du jour',
	'motions.state.voting': 'Vote ouvert',
	'motions.state.decided': 'Tranchée',
	'motions.state.declined': 'Écartée',
	'motions.proposed_by': 'Proposée par {organisation}',
	'motions.proposed_as': 'Proposée par un responsable ({office})',
	'motions.seconded_by': 'Appuyée par {organisation}',
	'motions.not_seconded': 'Non appuyée',
	'motions.decline_reason': 'Écartée pour la raison suivante : {reason}',
	'motions.totals': 'Pour {for} · Contre {against} · Abstention {abstain}',
	'motions.outcome.carried': 'Adoptée',
	'motions.outcome.lost': 'Rejetée',
	'motions.outcome.no_quorum': 'Non tranchée : trop peu d’organisations ont voté',
	'motions.quorum':
		'{cast} organisations membres sur {members} ont voté (l’abstention compte) ; il en fallait {needed}.',
	'motions.votes_caption': 'Le vote de chaque organisation membre sur la motion {number}',
	'motions.col.organisation': 'Organisation',
	'motions.col.vote': 'Vote',
	'motions.vote.for': 'Pour',
	'motions.vote.against': 'Contre',
	'motions.vote.abstain': 'Abstention',
	'motions.did_not_vote': 'N’ont pas voté : {organisations}',
	'motions.second': 'Appuyer au nom de {organisation}',
	'motions.schedule': 'Inscrire à l’ordre du jour',
	'motions.decline': 'Écarter',
	'motions.decline_field': 'Raison (publique)',
	'motions.open_vote': 'Ouvrir le vote',
	'motions.close_vote': 'Clôturer le vote et enregistrer le résultat',
	'motions.your_vote': 'Le vote de votre organisation sur la motion {number}',
	'motions.vote_for_organisation': 'Au nom de',
	'motions.cast': 'Enregistrer le vote',
	'motions.propose': 'Proposer une motion',
	'motions.text_field': 'Texte de la motion',
	'motions.amends_field': 'Amende',
	'motions.amends_none': 'Rien : une motion à part entière',
	'motions.as_officer': 'Proposer en tant que responsable, et non au nom de mon organisation',
	'motions.proposed':
		'Votre motion est proposée. Les responsables l’inscriront à l’ordre du jour ou l’écarteront avec une raison publique.',
	'motions.seconded': 'Votre organisation a appuyé la motion.',
	'motions.scheduled': 'La motion est inscrite à l’ordre du jour.',
	'motions.declined':
		'La motion est écartée ; sa raison est publique et figure au registre des décisions.',
	'motions.vote_opened': 'Le vote est ouvert.',
	'motions.vote_closed_now': 'Le vote est clos ; son résultat figure au registre des décisions.',
	'motions.voted':
		'Le vote de votre organisation est enregistré. Il peut être modifié jusqu’à la clôture du vote.',
	'motions.in_log':
		'Les motions tranchées ou écartées figurent aussi au registre des décisions du groupe.',
	'decisions.motion': 'Motion {number} : {text}',
	'settings.motions': 'Comment les motions sont tranchées',
	'settings.motions.now': 'Quorum : {quorum}. Majorité : {majority}.',
	'settings.motions.intro':
		'Un vote sur une motion ne tranche que si assez d’organisations membres votent (l’abstention compte) : c’est le quorum, compté sur les membres à l’ouverture du vote. La majorité se compte sur les voix pour et contre. Tout changement figure au registre des décisions ; il est impossible pendant un vote ouvert.',
	'settings.motions.quorum': 'Quorum',
	'settings.motions.quorum.none': 'aucun',
	'settings.motions.quorum.third': 'un tiers des organisations membres',
	'settings.motions.quorum.half': 'la moitié des organisations membres',
	'settings.motions.quorum.two_thirds': 'les deux tiers des organisations membres',
	'settings.motions.majority': 'Majorité',
	'settings.motions.majority.simple': 'plus de voix pour que contre',
	'settings.motions.majority.two_thirds': 'les deux tiers des voix pour ou contre',
	'settings.motions.save': 'Enregistrer la façon de trancher les motions',
	'motions.voted_for': 'Pour : {organisations}',
	'motions.voted_against': 'Contre : {organisations}',
	'motions.voted_abstain': 'Abstention : {organisations}',
	'kind.motion.decided': 'Motion tranchée',
	'kind.motion.declined': 'Motion rejetée sans vote',
	'kind.motions.rules_changed': 'Règles de décision des motions modifiées'
};
