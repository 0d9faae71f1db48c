import type { audit as en } from '../en/audit';

/** سجل التدقيق. */
export const audit: Record<keyof typeof en, string> = {
	'audit.title': 'سجل التدقيق',
	'audit.intro':
		'كل تغيير أُجري في هذه المجموعة، ومن أجراه ومتى، الأحدث أولاً. لا يقرؤه إلا مسؤولو المجموعة ومديرو الموقع. الأصوات والأسئلة ليست هنا أبداً: فهي لا ترتبط بأحد.',
	'audit.site_title': 'سجل التدقيق للموقع كله',
	'audit.site_intro': 'كل تغيير أُجري في هذا الموقع، في كل مجموعة، ومن أجراه ومتى، الأحدث أولاً.',
	'audit.caption': 'التغييرات، الأحدث أولاً',
	'audit.col.when': 'متى',
	'audit.col.who': 'من',
	'audit.col.group': 'المجموعة',
	'audit.col.action': 'الإجراء',
	'audit.col.subject': 'على',
	'audit.col.details': 'التفاصيل',
	'audit.nobody': 'حساب حُذف منذ ذلك الحين',
	'audit.site_own': 'الموقع',
	'audit.filter.action': 'الإجراء',
	'audit.filter.all': 'كل الإجراءات',
	'audit.filter.group': 'المجموعة',
	'audit.filter.group_hint': 'اسم عنوان المجموعة، أو «site» للتغييرات على الموقع نفسه.',
	'audit.filter.show': 'عرض',
	'audit.older': 'تغييرات أقدم',
	'audit.newest': 'أحدث التغييرات',
	'audit.none': 'لا تغييرات لعرضها.',
	'audit.link': 'سجل التدقيق',
	'audit.site_link': 'سجل التدقيق للموقع كله'
};
