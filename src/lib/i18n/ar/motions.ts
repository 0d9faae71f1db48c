import type { motions as en } from '../en/motions';

/** المقترحات والتصويت المسجّل (المسألة 18). */
export const motions: Record<keyof typeof en, string> = {
	'motions.not_found': 'لا يوجد مقترح بهذا الرقم في هذا الاجتماع.',
	'motions.closed': 'لا تُقبل المقترحات إلا لاجتماع لم يُختتم بعد.',
	'motions.not_member': 'لا يقترح مقترحًا إلا ممثل منظمة عضو أو أحد المسؤولين.',
	'motions.amendment_of_unknown': 'لا يوجد في هذا الاجتماع مقترح بهذا الرقم.',
	'motions.not_amendable': 'لا يُعدَّل إلا مقترح ما زال ينتظر التصويت، ولا يجوز تعديل التعديل نفسه.',
	'motions.not_secondable': 'لا يُثنّى إلا على مقترح لم يُطرح للتصويت بعد.',
	'motions.already_seconded': 'سبق أن ثُنّي على هذا المقترح.',
	'motions.own_seconder': 'يُثنّي على المقترح منظمة عضو غير المنظمة التي اقترحته.',
	'motions.bad_transition': 'لا يمكن نقل المقترح إلى هذه الحالة من حالته الحالية.',
	'motions.reason_required': 'اذكر سبب رفض المقترح: السبب علني.',
	'motions.not_scheduled': 'أدرج المقترح في جدول أعمال الاجتماع قبل فتح التصويت عليه.',
	'motions.meeting_not_live': 'لا يُفتح التصويت على المقترحات ولا يُغلق إلا أثناء انعقاد الاجتماع.',
	'motions.amendments_pending': 'يجب البتّ في تعديلات المقترح قبل طرح المقترح نفسه للتصويت.',
	'motions.not_voting': 'التصويت على هذا المقترح غير مفتوح.',
	'motions.vote_closed': 'أُغلق التصويت على هذا المقترح: لم يعد ممكنًا الإدلاء بالأصوات أو تغييرها.',
	'motions.not_eligible':
		'لم تكن منظمتك عضوًا عند فتح هذا التصويت، فلا يحق لها التصويت على هذا المقترح.',
	'motions.vote_open': 'ما زال التصويت على مقترح مفتوحًا: أغلقه قبل اختتام الاجتماع.',
	'motions.rules_unchanged': 'يُبتّ في المقترحات بهذه القواعد أصلًا.',
	'motions.rules_vote_open': 'هناك تصويت مفتوح: يمكن تغيير قواعد المقترحات بعد إغلاقه.',
	'kind.motion.decided': 'البتّ في مقترح',
	'kind.motion.declined': 'رفض مقترح دون تصويت',
	'kind.motions.rules_changed': 'تغيير قواعد البتّ في المقترحات'
};
