import type { mail as en } from '../en/mail';

/** L’envoi des e-mails : la boîte d’envoi, vue par l’administrateur du site. */
export const mail: Record<keyof typeof en, string> = {
	'mail.title': 'Envoi des e-mails',
	'mail.queued':
		'{count, plural, =0 {Aucun message n’attend d’être envoyé.} one {# message attend d’être envoyé.} other {# messages attendent d’être envoyés.}}',
	'mail.not_configured':
		'Aucun serveur d’e-mail n’est défini (SMTP_URL) : les messages attendent dans la boîte d’envoi, et partiront dès qu’il le sera.',
	'mail.failed_caption': 'Envois abandonnés, du plus récent au plus ancien',
	'mail.none_failed': 'Aucun envoi n’a été abandonné.',
	'mail.col.failed_at': 'Abandonné le',
	'mail.col.recipient': 'Destinataire',
	'mail.col.subject': 'Objet',
	'mail.col.attempts': 'Tentatives',
	'mail.col.error': 'Dernière erreur',
	'mail.col.action': 'Action',
	'mail.retry': 'Renvoyer',
	'mail.retried': 'Le message sera renvoyé.',
	'mail.not_failed':
		'Ce message n’est plus abandonné : il a été envoyé, ou un nouvel essai est en cours.'
};
