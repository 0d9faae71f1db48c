/** المنظمات ذات الممثلين المتعددين: الممثلون والدعوات. */
export const representatives = {
	'representatives.title': 'ممثلو {organisation}',
	'representatives.intro':
		'الأشخاص الذين يتصرفون باسم المنظمة في هذه المجموعة. يجوز لأي منهم متابعة الطلب وسحبه والتظلم واقتراح بنود جدول الأعمال وإرسال الاعتذارات وتصحيح المحاضر. هذه القائمة خاصة: يرى الجمهور المنظمة، ولا يرى أشخاصها أبداً.',
	'representatives.officer_view':
		'تطّلع على هذا بصفتك من مسؤولي المجموعة؛ لا يغيّره إلا ممثلو المنظمة.',
	'representatives.current': 'من يتصرف باسمها',
	'representatives.none':
		'لا أحد يتصرف باسم هذه المنظمة الآن. تحتفظ بمكانها، ويرى مسؤولو المجموعة أنه لا ممثل لها.',
	'representatives.you': '(أنت)',
	'representatives.since': 'منذ {date}',
	'representatives.remove': 'إزالة {name}',
	'representatives.leave': 'المغادرة',
	'representatives.hand_over': 'للتسليم، ادعُ الممثل الجديد، ثم غادر بعد أن يقبل الدعوة.',
	'representatives.invite': 'دعوة شخص للتصرف باسمها',
	'representatives.invite.hint':
		'يحتاج إلى حساب بهذا البريد الإلكتروني. يعمل الرابط مرة واحدة، لمدة {days} أيام.',
	'representatives.invite.submit': 'دعوة',
	'representatives.invited': 'أُنشئت الدعوة. أرسل هذا الرابط إلى {email}؛ لن يظهر إلا الآن:',
	'representatives.pending': 'الدعوات المعلّقة',
	'representatives.pending.none': 'لا توجد دعوات معلّقة.',
	'representatives.expires': 'حتى {date}',
	'representatives.revoke': 'سحب الدعوة الموجّهة إلى {email}',
	'representatives.removed': 'لم يعد يتصرف باسم المنظمة.',
	'representatives.revoked': 'سُحبت الدعوة.',
	'representatives.link': 'الممثلون',
	'representatives.no_representative': 'لا ممثل',
	'representative.already': 'هذا الشخص يتصرف باسم المنظمة بالفعل.',
	'representative.not_current': 'هذا الشخص لا يتصرف باسم المنظمة.',
	'invitation.title': 'دعوة',
	'invitation.heading': 'التصرف باسم {organisation}',
	'invitation.body': 'أنت مدعو للتصرف باسم {organisation} في مجموعة «{group}».',
	'invitation.expires': 'الدعوة صالحة حتى {date}.',
	'invitation.sign_in':
		'سجّل الدخول بالحساب المرتبط بالبريد الإلكتروني الذي أُرسلت إليه الدعوة، ثم اقبلها هنا.',
	'invitation.sign_in_link': 'تسجيل الدخول',
	'invitation.sign_up_link': 'إنشاء حساب',
	'invitation.accept': 'قبول',
	'invitation.welcome': 'أصبحت تتصرف باسم {organisation}.',
	'invitation.to_organisation': 'الانتقال إلى صفحة المنظمة',
	'invitation.not_found': 'رابط الدعوة هذا غير صالح. تحقق من نسخه كاملاً، أو اطلب دعوة جديدة.',
	'invitation.accepted': 'استُخدمت هذه الدعوة من قبل. لم يتغير شيء.',
	'invitation.revoked': 'سُحبت هذه الدعوة. لم يتغير شيء.',
	'invitation.expired': 'انتهت صلاحية هذه الدعوة. اطلب دعوة جديدة من أحد ممثلي المنظمة.',
	'invitation.wrong_account':
		'أُرسلت هذه الدعوة إلى بريد إلكتروني آخر. سجّل الدخول بالحساب المرتبط بذلك البريد لقبولها. لم يتغير شيء.',
	'invitation.not_pending': 'لم تعد هذه الدعوة معلّقة.',
	'account.invitations': 'دعوات للتصرف باسم منظمة',
	'account.invitation': '{organisation}، في {group}',
	'account.invitation.accept': 'قبول الدعوة من {organisation}',
	'account.invitation.accepted': 'أصبحت تتصرف باسم {organisation}.',
	'mail.invitation.subject': '{group}: دعوة للعمل باسم {organisation}',
	'mail.invitation.body':
		'دُعيت للعمل باسم {organisation} في {group} على Openfloor، إلى جانب ممثليها الآخرين.',
	'mail.invitation.link': 'اطّلع على الدعوة واقبلها من هنا: {url}',
	'mail.invitation.expires': 'يعمل الرابط مرة واحدة، لمدة {days} أيام، لحساب بهذا العنوان (مؤكَّد).'
};
