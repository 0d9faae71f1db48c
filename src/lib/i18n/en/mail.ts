/** Email deliveries (issue 14): the outbox as the site administrator sees it. */
export const mail = {
	'mail.title': 'Email deliveries',
	'mail.queued':
		'{count, plural, =0 {No message is waiting to be sent.} one {# message is waiting to be sent.} other {# messages are waiting to be sent.}}',
	'mail.not_configured':
		'No mail server is set (SMTP_URL): messages wait in the outbox and are sent once it is.',
	'mail.failed_caption': 'Deliveries given up, newest first',
	'mail.none_failed': 'No delivery has been given up.',
	'mail.col.failed_at': 'Given up',
	'mail.col.recipient': 'Recipient',
	'mail.col.subject': 'Subject',
	'mail.col.attempts': 'Attempts',
	'mail.col.error': 'Last error',
	'mail.col.action': 'Action',
	'mail.retry': 'Send again',
	'mail.retried': 'The message will be sent again.',
	'mail.not_failed': 'This message is no longer given up: it was sent or is being tried again.'
};
