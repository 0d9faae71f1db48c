import type { notifications as en } from '../en/notifications';

/** Suivre des groupes et les notifications par e-mail. */
export const notifications: Record<keyof typeof en, string> = {
	// Suivre un groupe
	'follow.title': 'Suivre {group}',
	'follow.link': 'Suivre par e-mail',
	'follow.intro':
		'Recevez un e-mail quand une réunion est prévue, modifiée ou annulée, quand son ordre du jour change et quand un procès-verbal est publié. Vous choisissez ce que vous recevez, et chaque e-mail contient un lien pour arrêter.',
	'follow.following': 'Vous suivez ce groupe.',
	'follow.submit_account': 'Suivre ce groupe',
	'follow.stop': 'Ne plus suivre',
	'follow.stopped': 'Vous ne suivez plus ce groupe.',
	'follow.started': 'Vous suivez maintenant ce groupe.',
	'follow.unconfirmed':
		'Rien n’est envoyé tant que votre adresse n’est pas confirmée : le lien est dans l’e-mail que nous vous avons envoyé, et la page de votre compte peut le renvoyer.',
	'follow.submit_email': 'Suivre par e-mail',
	'follow.email_note':
		'Pas besoin de compte. Nous envoyons un lien de confirmation. Rien d’autre n’est envoyé tant que vous ne l’avez pas suivi. Votre adresse n’est jamais montrée à personne.',
	'follow.sent':
		'Si tout est en ordre, un lien de confirmation est envoyé à cette adresse. Regardez dans votre boîte de réception (et dans vos indésirables).',
	'follow.or_sign_in': 'Vous avez un compte ? Connectez-vous pour suivre avec ce compte.',
	'follow.settings_link': 'Choisir ce que vous recevez',
	'follow.mail.subject': 'Confirmez : suivre {group} sur Openfloor',
	'follow.mail.body': 'Quelqu’un a demandé que cette adresse reçoive des e-mails sur {group}.',
	'follow.mail.link': 'Pour confirmer, suivez ce lien : {url}',
	'follow.mail.expires': 'Le lien fonctionne une seule fois, pendant 48 heures.',
	'follow.mail.not_you':
		'Si ce n’était pas vous, ne faites rien : vous ne recevrez pas d’autre e-mail.',
	'follow.confirm.title': 'Confirmer le suivi',
	'follow.confirm.intro':
		'Confirmez que {email} doit recevoir des e-mails sur les groupes que quelqu’un a demandé à suivre avec cette adresse.',
	'follow.confirm.submit': 'Confirmer',
	'follow.confirm.done': 'C’est confirmé : les e-mails arriveront maintenant à {email}.',

	// Réglages (connecté, ou depuis le lien d’un e-mail)
	'notifications.title': 'Notifications par e-mail',
	'notifications.address': 'Les e-mails sont envoyés à {email}.',
	'notifications.inactive':
		'Rien n’est envoyé tant que cette adresse n’est pas confirmée (le lien est dans l’e-mail que nous avons envoyé).',
	'notifications.choices': 'Ce que vous recevez',
	'notifications.choices_intro':
		'Pour chaque type : tout de suite, regroupé dans un récapitulatif chaque semaine, ou jamais. Certains types sont envoyés seulement aux membres, aux responsables ou à la personne qui a posé la question.',
	'notifications.topic.meetings':
		'Réunions prévues, modifiées ou annulées (avec une entrée de calendrier)',
	'notifications.topic.agendas': 'Ordres du jour modifiés',
	'notifications.topic.minutes': 'Procès-verbaux publiés ou modifiés',
	'notifications.topic.my_questions':
		'Vos questions posées sous votre nom : réponse donnée, report, ou promesse de réponse inscrite au suivi des engagements',
	'notifications.topic.corrections':
		'Délais de correction qui se terminent dans deux jours (organisations membres)',
	'notifications.topic.proposals':
		'Décisions sur les propositions pour l’ordre du jour (organisations membres)',
	'notifications.topic.commitments':
		'Promesses à tenir dans les sept jours, et promesses en retard (responsables, et l’organisation qui a posé la question)',
	'notifications.topic.digest': 'le récapitulatif de la semaine',
	'notifications.delivery.now': 'Tout de suite',
	'notifications.delivery.digest': 'Récapitulatif de la semaine',
	'notifications.delivery.off': 'Jamais',
	'notifications.save': 'Enregistrer les choix',
	'notifications.saved': 'Vos choix sont enregistrés.',
	'notifications.groups': 'Groupes que vous suivez',
	'notifications.no_groups': 'Vous ne suivez aucun groupe.',
	'notifications.unfollow': 'Ne plus suivre {group}',
	'notifications.unfollowed': 'Vous ne suivez plus {group}.',
	'notifications.stop_all': 'Arrêter tous les e-mails',
	'notifications.stop_all_note': 'Désactive tous les types et arrête le suivi de tous les groupes.',
	'notifications.stopped': 'Plus aucune notification ne sera envoyée à cette adresse.',
	'notifications.account_link': 'Notifications par e-mail',
	'unsubscribe.title': 'Se désabonner',
	'unsubscribe.intro': 'Ne plus recevoir d’e-mails sur ce sujet : {topic} ?',
	'unsubscribe.submit': 'Se désabonner',
	'unsubscribe.done': 'C’est fait. Vous ne recevrez plus d’e-mails sur ce sujet : {topic}.',
	'unsubscribe.done_plain': 'Désabonnement effectué.',
	'unsubscribe.more': 'Autres choix',

	// Les e-mails
	'notify.agenda': 'Ordre du jour :',
	'notify.agenda_empty': 'Pas encore de point à l’ordre du jour.',
	'notify.when': 'Quand : {when}',
	'notify.where': 'Où : {place}',
	'notify.online': 'En ligne : {url}',
	'notify.see': 'Sur la page : {url}',
	'notify.reason': 'La raison donnée :',
	'notify.meeting_scheduled.subject': '{group} : la réunion {number} est prévue',
	'notify.meeting_scheduled.body':
		'{group} a publié la réunion {number} et son ordre du jour. L’entrée de calendrier est en pièce jointe.',
	'notify.meeting_changed.subject': '{group} : la réunion {number} a changé',
	'notify.meeting_changed.body':
		'La réunion {number} de {group} a changé. Voici ce qui est prévu maintenant. L’entrée de calendrier en pièce jointe remplace la précédente.',
	'notify.meeting_cancelled.subject': '{group} : la réunion {number} est annulée',
	'notify.meeting_cancelled.body':
		'La réunion {number} de {group} est annulée. L’entrée de calendrier en pièce jointe la retire de votre calendrier.',
	'notify.agenda_changed.subject': '{group} : l’ordre du jour de la réunion {number} a changé',
	'notify.agenda_changed.body':
		'L’ordre du jour de la réunion {number} de {group} a changé. Voici ce qui est prévu maintenant.',
	'notify.minutes_published.subject':
		'{group} : le procès-verbal de la réunion {number} est publié',
	'notify.minutes_published.body':
		'Le procès-verbal de la réunion {number} ({title}) de {group} est publié.',
	'notify.minutes_amended.subject':
		'{group} : le procès-verbal de la réunion {number} est modifié (version {version})',
	'notify.minutes_amended.body':
		'Le procès-verbal de la réunion {number} ({title}) de {group} est modifié : la version {version} est publiée. Les versions précédentes restent lisibles.',
	'notify.change_note': 'Ce qui a changé :',
	'notify.corrections_until':
		'Les organisations membres et les personnes qui ont posé une question sous leur nom peuvent proposer des corrections jusqu’au {until}.',
	'notify.correction_closing.subject':
		'{group} : le délai pour corriger le procès-verbal de la réunion {number} se termine bientôt',
	'notify.correction_closing.body':
		'Vous pouvez proposer des corrections au procès-verbal de la réunion {number} ({title}) de {group} jusqu’au {until}.',
	'notify.question_answered.subject':
		'{group} : votre question à la réunion {number} a reçu une réponse',
	'notify.question_answered.body':
		'Votre question à la réunion {number} de {group} est notée « Réponse donnée ».',
	'notify.question_partly_answered.subject':
		'{group} : votre question à la réunion {number} a reçu une réponse partielle',
	'notify.question_partly_answered.body':
		'Votre question à la réunion {number} de {group} est notée « Réponse partielle ».',
	'notify.question_deferred.subject': '{group} : votre question à la réunion {number} est reportée',
	'notify.question_deferred.body':
		'Votre question à la réunion {number} de {group} est reportée : une réponse a été promise pour plus tard, et cette promesse figure dans le suivi des engagements.',
	'notify.your_question': 'Votre question :',
	'notify.answer_summary': 'La réponse, telle qu’elle a été notée :',
	'notify.question_ledger.subject': '{group} : une promesse répond à votre question, pour le {due}',
	'notify.question_ledger.body':
		'En réponse à votre question à la réunion {number} de {group}, cette promesse figure maintenant dans le suivi des engagements, pour le {due} :',
	'notify.commitment_due_soon.subject': '{group} : une promesse doit être tenue le {due}',
	'notify.commitment_due_soon.body':
		'Cette promesse, faite à la réunion {number} de {group}, doit être tenue le {due} :',
	'notify.commitment_overdue.subject': '{group} : une promesse pour le {due} est en retard',
	'notify.commitment_overdue.body':
		'Cette promesse, faite à la réunion {number} de {group}, devait être tenue le {due} et elle est toujours en cours :',
	'notify.owner': 'Qui a promis : {owner}',
	'notify.proposal_accepted.subject':
		'{group} : la proposition pour l’ordre du jour « {title} » est acceptée',
	'notify.proposal_accepted.body':
		'La présidence de {group} a accepté la proposition pour l’ordre du jour « {title} ».',
	'notify.proposal_declined.subject':
		'{group} : la proposition pour l’ordre du jour « {title} » est refusée',
	'notify.proposal_declined.body':
		'La présidence de {group} a refusé la proposition pour l’ordre du jour « {title} ».',
	'notify.because_follower': 'Vous recevez ce message parce que vous suivez {group}.',
	'notify.because_member':
		'Vous recevez ce message parce que vous représentez une organisation membre de {group}.',
	'notify.because_officer_or_owner':
		'Vous recevez ce message comme responsable de {group}, ou parce que la promesse répond à une question posée par vous ou par votre organisation.',
	'notify.because_asker':
		'Vous recevez ce message parce que vous avez posé cette question sous votre nom.',
	'notify.because_digest':
		'Vous avez choisi de recevoir ces messages dans un récapitulatif chaque semaine.',
	'notify.settings':
		'Choisissez ce que vous recevez, ou arrêtez ces e-mails (sans vous connecter) : {url}',
	'notify.digest.subject':
		'{count, plural, one {Openfloor : # nouvelle cette semaine} other {Openfloor : # nouvelles cette semaine}}',
	'notify.digest.body':
		'{count, plural, one {Voici ce qui s’est passé cette semaine dans les groupes que vous suivez :} other {Voici ce qui s’est passé cette semaine dans les groupes que vous suivez (# nouvelles) :}}'
};
