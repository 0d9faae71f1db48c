import type { representatives as en } from '../en/representatives';

/** Les organisations avec plusieurs personnes : représentants et invitations. */
export const representatives: Record<keyof typeof en, string> = {
	'representatives.title': 'Représentants de {organisation}',
	'representatives.intro':
		'Les personnes qui agissent pour l’organisation dans ce groupe. Chacune peut suivre et retirer la candidature, faire un recours, proposer des points pour l’ordre du jour, excuser une absence et corriger les procès-verbaux. Cette liste est privée : le public voit l’organisation, jamais ses membres.',
	'representatives.officer_view':
		'Vous voyez cette page comme responsable du groupe. Seuls les représentants de l’organisation peuvent la modifier.',
	'representatives.current': 'Qui agit pour elle',
	'representatives.none':
		'Personne n’agit pour cette organisation en ce moment. Elle garde sa place, et les responsables du groupe peuvent voir qu’elle n’a pas de représentant.',
	'representatives.you': '(vous)',
	'representatives.since': 'depuis le {date}',
	'representatives.remove': 'Retirer {name}',
	'representatives.leave': 'Partir',
	'representatives.hand_over':
		'Pour passer le relais, invitez le nouveau représentant, puis partez une fois qu’il a accepté.',
	'representatives.invite': 'Inviter quelqu’un à agir pour elle',
	'representatives.invite.hint':
		'La personne doit avoir un compte avec cette adresse e-mail. Le lien fonctionne une seule fois, pendant {days} jours.',
	'representatives.invite.submit': 'Inviter',
	'representatives.invited':
		'Invitation créée. Envoyez ce lien à {email}. Il n’est affiché que maintenant :',
	'representatives.pending': 'Invitations en attente',
	'representatives.pending.none': 'Aucune invitation en attente.',
	'representatives.expires': 'jusqu’au {date}',
	'representatives.revoke': 'Annuler l’invitation envoyée à {email}',
	'representatives.removed': 'Cette personne n’agit plus pour l’organisation.',
	'representatives.revoked': 'L’invitation a été annulée.',
	'representatives.link': 'Représentants',
	'representatives.no_representative': 'Pas de représentant',
	'representative.already': 'Cette personne agit déjà pour l’organisation.',
	'representative.not_current': 'Cette personne n’agit pas pour l’organisation.',
	'invitation.title': 'Invitation',
	'invitation.heading': 'Agir pour {organisation}',
	'invitation.body': 'Vous êtes invité à agir pour {organisation} dans le groupe « {group} ».',
	'invitation.expires': 'L’invitation est valable jusqu’au {date}.',
	'invitation.sign_in':
		'Connectez-vous avec le compte de l’adresse e-mail à laquelle l’invitation a été envoyée, puis acceptez-la ici.',
	'invitation.sign_in_link': 'Se connecter',
	'invitation.sign_up_link': 'Créer un compte',
	'invitation.accept': 'Accepter',
	'invitation.welcome': 'Vous agissez maintenant pour {organisation}.',
	'invitation.to_organisation': 'Aller à la page de l’organisation',
	'invitation.not_found':
		'Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.',
	'invitation.accepted': 'Cette invitation a déjà servi. Rien n’a été modifié.',
	'invitation.revoked': 'Cette invitation a été annulée. Rien n’a été modifié.',
	'invitation.expired':
		'Cette invitation a expiré. Demandez-en une nouvelle à l’un des représentants de l’organisation.',
	'invitation.wrong_account':
		'Cette invitation a été envoyée à une autre adresse e-mail. Pour l’accepter, connectez-vous avec le compte de cette adresse. Rien n’a été modifié.',
	'invitation.not_pending': 'Cette invitation n’est plus en attente.',
	'account.invitations': 'Invitations à agir pour une organisation',
	'account.invitation': '{organisation}, dans {group}',
	'account.invitation.accept': 'Accepter l’invitation de {organisation}',
	'account.invitation.accepted': 'Vous agissez maintenant pour {organisation}.',
	'mail.invitation.subject': '{group} : une invitation à agir pour {organisation}',
	'mail.invitation.body':
		'Vous êtes invité à agir pour {organisation} dans {group} sur Openfloor, avec ses autres représentants.',
	'mail.invitation.link': 'Voyez l’invitation et acceptez-la ici : {url}',
	'mail.invitation.expires':
		'Le lien fonctionne une seule fois, pendant {days} jours, pour un compte qui a cette adresse e-mail (confirmée).'
};
