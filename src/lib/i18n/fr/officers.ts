import type { officers as en } from '../en/officers';

/** Les mandats des responsables, un groupe créé fermé, et des recours que personne ne juge dans sa propre cause. */
export const officers: Record<keyof typeof en, string> = {
	'role.vice_chair': 'Vice-présidence',
	'membership.closure_reason_required':
		'Un groupe qui commence fermé a besoin d’une raison publique pour cette fermeture.',
	'field.closed_reason': 'Raison pour ne pas accepter de candidatures (publique)',
	'field.closed_reason.hint':
		'Seulement si le groupe commence fermé : la raison, affichée sur la page du groupe et donnée à chaque candidature refusée pendant ce temps.',
	'field.term_ends_on': 'Fin du mandat',
	'field.term_ends_on.hint': 'La nomination prend fin au début de ce jour.',
	'field.end_reason': 'Raison publique',
	'officer.not_found': 'Cette nomination n’existe pas dans ce groupe.',
	'officer.already_ended': 'Cette nomination a déjà pris fin.',
	'officer.term_past': 'La fin du mandat doit être après aujourd’hui.',
	'officer.reason_required': 'Pour retirer un responsable, il faut une raison publique.',
	'officer.not_yours':
		'Seul l’administrateur du site peut retirer la présidence. La présidence retire les autres responsables.',
	'group.officers.current': 'Responsables actuels',
	'group.officers.past': 'Anciens responsables',
	'group.officers.past.none': 'Aucune nomination n’a encore pris fin.',
	'group.officers.term_ends': 'fin du mandat le {date}',
	'group.officers.ended.resignation': 'démission',
	'group.officers.ended.removal': 'retrait',
	'group.officers.ended.term': 'fin du mandat',
	'group.officers.resign': 'Démissionner',
	'group.officers.remove': 'Retirer',
	'group.officers.end_heading': 'Mettre fin à la nomination de {name} ({role})',
	'group.officers.ended': 'La nomination a pris fin.',
	'kind.officer.appointed': 'Responsable nommé',
	'kind.officer.ended': 'Fin d’une nomination',
	'kind.appeals.changed': 'Changement : qui décide des recours',
	'kind.appeal.panel_drawn': 'Comité de recours tiré au sort',
	'kind.appeal.recused': 'Membre du comité récusé',
	'kind.appeal.panel_vote': 'Vote d’un membre du comité sur un recours',
	'kind.appeal.referred': 'Recours transmis à l’administrateur du site',
	'settings.appeals': 'Qui décide des recours',
	'settings.appeals.intro':
		'Un recours n’est jamais décidé par le responsable qui a pris la décision contestée. Choisissez la vice-présidence, ou un comité de trois représentants d’organisations membres tirés au sort. Ce choix s’applique aux recours déposés à partir de maintenant.',
	'settings.appeals.vice_chair': 'La vice-présidence',
	'settings.appeals.panel': 'Un comité de trois membres tirés au sort',
	'settings.appeals.save': 'Enregistrer qui décide des recours',
	'settings.appeals.unchanged': 'Les recours sont déjà décidés de cette façon.',
	'appeal.own_decision':
		'Vous avez pris la décision contestée : vous ne pouvez donc pas décider du recours.',
	'appeal.not_decider':
		'Ce n’est pas à vous de décider de ce recours. Voyez qui en décide sur la page de la candidature.',
	'appeal.decider.vice_chair': 'la vice-présidence',
	'appeal.decider.panel': 'le comité tiré au sort',
	'appeal.decider.site_admin': 'l’administrateur du site (personne d’autre ne peut le faire)',
	'appeal.decider.chair': 'la présidence',
	'appeal.not_panellist': 'Seul un membre du comité tiré au sort pour ce recours peut faire cela.',
	'appeal.already_voted': 'Vous avez déjà voté sur ce recours. Un vote ne peut pas être changé.',
	'appeal.already_recused': 'Vous vous êtes récusé pour ce recours.',
	'appeal.panel.heading': 'Comité de recours',
	'appeal.panel.intro':
		'Tiré au sort parmi les organisations membres, sauf l’organisation candidate et le responsable qui a pris la décision. Tout le monde peut refaire le tirage à partir de sa graine et de sa méthode, notées dans l’entrée « comité tiré au sort » du journal des décisions.',
	'appeal.panel.method': 'Méthode du tirage :',
	'appeal.panel.seed':
		'Graine du tirage (l’empreinte de la dernière entrée du journal des décisions au moment du recours) :',
	'appeal.panel.pending': 'n’a pas encore voté',
	'appeal.panel.recused': 'récusé',
	'appeal.panel.voted.upheld': 'vote pour confirmer le refus',
	'appeal.panel.voted.overturned': 'vote pour annuler le refus',
	'appeal.panel.vote': 'Votre vote comme membre du comité',
	'appeal.panel.cast': 'Enregistrer mon vote',
	'appeal.panel.recuse': 'Me récuser',
	'appeal.panel.recuse_reason': 'Raison de la récusation (facultative, publique)',
	'appeal.decided_by': 'Décidé par {decider}.',
	'application.event.panel_drawn': 'Comité de recours tiré au sort',
	'application.event.panel_recused': 'Un membre du comité s’est récusé : {organisation}',
	'application.event.panel_vote': 'Membre du comité {organisation} : {vote}',
	'application.event.referred':
		'Recours transmis à l’administrateur du site : personne d’autre ne peut en décider',
	'application.voted': 'Votre vote a été enregistré.',
	'application.recused': 'Vous vous êtes récusé. Un autre membre du comité a été tiré au sort.'
};
