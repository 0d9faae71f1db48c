import type { words as en } from '../en/words';

export const words: Record<keyof typeof en, string> = {
	'application.event.refused_while_closed': 'رُفض تلقائياً: كانت العضوية مغلقة',
	'email.refused_while_closed':
		'العضوية في {group} مغلقة، لذلك سُجّل طلب {organisation} ورُفض تلقائياً بالسبب المعلن للإغلاق. لم ينظر فيه أي مسؤول؛ ويمكنك الطعن.',
	'decisions.refused_while_closed': 'رُفض تلقائياً: كانت العضوية مغلقة. لم يبتّ فيه أي مسؤول.',
	'decisions.review_on': 'موعد المراجعة: {date}.',
	'field.reason.required_when_refusing': 'مطلوب عند الرفض'
};
