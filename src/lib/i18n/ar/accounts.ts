import type { accounts as en } from '../en/accounts';

export const accounts: Record<keyof typeof en, string> = {
	'login.title': 'تسجيل الدخول',
	'login.submit': 'تسجيل الدخول',
	'login.no_account': 'ليس لديك حساب بعد؟',
	'login.failed': 'البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب.',
	'signup.title': 'إنشاء حساب',
	'signup.intro':
		'تحتاج إلى حساب لتقديم طلب عضوية نيابة عن منظمة. لا تحتاج إلى حساب لقراءة أي شيء أو لطرح الأسئلة في اجتماع.',
	'signup.submit': 'إنشاء الحساب',
	'signup.have_account': 'لديك حساب بالفعل؟',
	'signup.email_taken': 'يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول بدلاً من ذلك.',
	'field.email': 'البريد الإلكتروني',
	'field.password': 'كلمة المرور',
	'field.password.hint': '10 أحرف على الأقل. بضع كلمات غير مترابطة تصنع كلمة مرور قوية.',
	'field.display_name': 'اسمك',
	'field.display_name.hint': 'يظهر عندما تطرح سؤالاً باسمك أو تتصرف نيابة عن منظمة.',
	'field.current_password': 'كلمة المرور الحالية',
	'field.new_password': 'كلمة المرور الجديدة',
	'validation.password_weak': 'استخدم 10 أحرف على الأقل، وليس كلمة مرور شائعة.',
	'validation.password_wrong': 'هذه ليست كلمة مرورك الحالية.',
	'logout.title': 'تسجيل الخروج',
	'logout.submit': 'تسجيل الخروج',
	'logout.confirm': 'هل تريد تسجيل الخروج من أوبن فلور على هذا الجهاز؟',
	'account.title': 'حسابك',
	'account.profile': 'اسمك',
	'account.password': 'تغيير كلمة المرور',
	'account.saved': 'تم الحفظ.',
	'account.password_changed': 'تم تغيير كلمة المرور. وتم تسجيل الخروج من الأجهزة الأخرى.',
	'account.roles': 'أدوارك',
	'account.roles.none': 'ليس لك أي دور في أي مجموعة.',
	'account.site_admin': 'مدير الموقع'
};
