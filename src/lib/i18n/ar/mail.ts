import type { mail as en } from '../en/mail';

/** تسليم البريد الإلكتروني. */
export const mail: Record<keyof typeof en, string> = {
	'mail.title': 'تسليم رسائل البريد الإلكتروني',
	'mail.queued':
		'{count, plural, =0 {لا توجد رسالة بانتظار الإرسال.} one {رسالة واحدة بانتظار الإرسال.} two {رسالتان بانتظار الإرسال.} few {# رسائل بانتظار الإرسال.} many {# رسالة بانتظار الإرسال.} other {# رسالة بانتظار الإرسال.}}',
	'mail.not_configured':
		'لم يُحدَّد خادم بريد (SMTP_URL): تنتظر الرسائل في صندوق الصادر وتُرسل حين يُحدَّد.',
	'mail.failed_caption': 'رسائل توقفت محاولات تسليمها، الأحدث أولاً',
	'mail.none_failed': 'لم تتوقف محاولات تسليم أي رسالة.',
	'mail.col.failed_at': 'توقفت المحاولات',
	'mail.col.recipient': 'المستلم',
	'mail.col.subject': 'الموضوع',
	'mail.col.attempts': 'المحاولات',
	'mail.col.error': 'آخر خطأ',
	'mail.col.action': 'إجراء',
	'mail.retry': 'إرسال مرة أخرى',
	'mail.retried': 'ستُرسل الرسالة مرة أخرى.',
	'mail.not_failed': 'لم تعد هذه الرسالة متوقفة: فقد أُرسلت أو تجري محاولة إرسالها مجدداً.'
};
