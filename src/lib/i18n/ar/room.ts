import type { room as en } from '../en/room';

export const room: Record<keyof typeof en, string> = {
	'room.join.title': 'الانضمام إلى اجتماع',
	'room.join.intro': 'اكتب رمز القاعة الظاهر على الشاشة في القاعة.',
	'room.join.code': 'رمز القاعة',
	'room.join.code_hint': 'ثمانية أحرف وأرقام. لا يهم حجم الأحرف ولا المسافات.',
	'room.join.submit': 'انضمّ',
	'room.join.none_live': 'لا يوجد اجتماع مباشر الآن.',
	'room.code_unknown':
		'لا يوجد اجتماع مباشر بهذا الرمز. تحقّق من الرمز الظاهر على الشاشة واكتبه مرة أخرى.',
	'room.nav.join': 'انضمّ',
	'room.nav.menu': 'القائمة',
	'room.live_now': 'مباشر الآن',
	'room.screen.join_at': 'اذهب إلى',
	'room.screen.then_code': 'واكتب الرمز',
	'room.screen.scan': 'أو امسح الرمز للانضمام وطرح سؤال',
	'room.screen.text_size_label': 'حجم النص على الشاشة',
	'room.screen.text_smaller': 'تصغير النص',
	'room.screen.text_larger': 'تكبير النص',
	'room.screen.text_size': 'حجم النص {percent}٪',
	'room.search.filters': 'التصفية: المجموعة والتواريخ'
};
