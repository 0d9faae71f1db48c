import type { notifications as en } from '../en/notifications';

/** متابعة المجموعات وإشعارات البريد الإلكتروني. */
export const notifications: Record<keyof typeof en, string> = {
	// متابعة مجموعة
	'follow.title': 'متابعة {group}',
	'follow.link': 'المتابعة عبر البريد الإلكتروني',
	'follow.intro':
		'اعرف عبر البريد الإلكتروني حين يُحدَّد موعد اجتماع أو يتغيّر أو يُلغى، وحين يتغيّر جدول أعماله، وحين يُنشر محضره. أنت تختار ما يصلك، وفي كل رسالة رابط لإيقاف الرسائل.',
	'follow.following': 'أنت تتابع هذه المجموعة.',
	'follow.submit_account': 'تابِع هذه المجموعة',
	'follow.stop': 'أوقف المتابعة',
	'follow.stopped': 'لم تعد تتابع هذه المجموعة.',
	'follow.started': 'أصبحت تتابع هذه المجموعة.',
	'follow.unconfirmed':
		'لن يُرسل إليك شيء حتى يُؤكَّد عنوانك: الرابط في الرسالة التي أرسلناها إليك، ويمكن لصفحة حسابك أن ترسله مرة أخرى.',
	'follow.submit_email': 'تابِع عبر البريد الإلكتروني',
	'follow.email_note':
		'لا تحتاج إلى حساب. نرسل إليك رابطاً للتأكيد، ولا نرسل أي شيء آخر حتى تتبعه. لا يُعرض عنوانك على أي أحد أبداً.',
	'follow.sent':
		'إن كان يمكن لهذا العنوان متابعة المجموعة، فرابط التأكيد في طريقه إليه. تفقّد بريدك الوارد (ومجلد الرسائل غير المرغوب فيها).',
	'follow.or_sign_in': 'لديك حساب؟ سجّل الدخول لتتابع به.',
	'follow.settings_link': 'اختر ما يصلك',
	'follow.mail.subject': 'تأكيد: متابعة {group} على Openfloor',
	'follow.mail.body': 'طلب شخص أن يتلقى هذا العنوان رسائل بريد إلكتروني عن {group}.',
	'follow.mail.link': 'للتأكيد، اتبع هذا الرابط: {url}',
	'follow.mail.expires': 'يعمل الرابط مرة واحدة، لمدة 48 ساعة.',
	'follow.mail.not_you': 'إن لم تكن أنت، فلا تفعل شيئاً: لن تصلك أي رسالة أخرى.',
	'follow.confirm.title': 'تأكيد المتابعة',
	'follow.confirm.intro':
		'أكّد أن العنوان {email} يتلقى رسائل بريد إلكتروني عن المجموعات التي طُلبت متابعتها به.',
	'follow.confirm.submit': 'أكّد',
	'follow.confirm.done': 'تم التأكيد: ستصل الرسائل الآن إلى {email}.',

	// الإعدادات (بعد تسجيل الدخول، أو من رابط في رسالة)
	'notifications.title': 'إشعارات البريد الإلكتروني',
	'notifications.address': 'تُرسل الرسائل إلى {email}.',
	'notifications.inactive': 'لن يُرسل شيء حتى يُؤكَّد هذا العنوان (الرابط في الرسالة التي أرسلناها).',
	'notifications.choices': 'ما يصلك',
	'notifications.choices_intro':
		'لكل نوع: فوراً، أو مجمَّعاً في موجز أسبوعي واحد، أو لا يُرسل. بعض الأنواع لا تصل إلا إلى الأعضاء أو المسؤولين أو صاحب السؤال.',
	'notifications.topic.meetings': 'تحديد موعد اجتماع أو تغييره أو إلغاؤه (مع ملف للتقويم)',
	'notifications.topic.agendas': 'تغيير جداول الأعمال',
	'notifications.topic.minutes': 'نشر المحاضر أو تعديلها',
	'notifications.topic.my_questions':
		'أسئلتك المطروحة باسمك: الإجابة عنها، أو تأجيلها، أو الإجابة عنها بالتزام في سجل المساءلة',
	'notifications.topic.corrections': 'مُهل التصحيحات التي تُغلق بعد يومين (للمنظمات الأعضاء)',
	'notifications.topic.proposals': 'البتّ في مقترحات جدول الأعمال (للمنظمات الأعضاء)',
	'notifications.topic.commitments':
		'الالتزامات التي يحلّ موعدها خلال سبعة أيام، والمتأخرة منها (للمسؤولين، وللمنظمة التي طرحت السؤال)',
	'notifications.topic.digest': 'الموجز الأسبوعي',
	'notifications.delivery.now': 'فوراً',
	'notifications.delivery.digest': 'في الموجز الأسبوعي',
	'notifications.delivery.off': 'لا تُرسل',
	'notifications.save': 'احفظ اختياراتك',
	'notifications.saved': 'حُفظت اختياراتك.',
	'notifications.groups': 'المجموعات التي تتابعها',
	'notifications.no_groups': 'لا تتابع أي مجموعة.',
	'notifications.unfollow': 'أوقف متابعة {group}',
	'notifications.unfollowed': 'لم تعد تتابع {group}.',
	'notifications.stop_all': 'أوقف كل الرسائل',
	'notifications.stop_all_note': 'يوقف كل الأنواع، ويُنهي متابعة كل المجموعات.',
	'notifications.stopped': 'لن تُرسل أي إشعارات أخرى إلى هذا العنوان.',
	'notifications.account_link': 'إشعارات البريد الإلكتروني',
	'unsubscribe.title': 'إلغاء الاشتراك',
	'unsubscribe.intro': 'هل تريد إيقاف الرسائل عن: {topic}؟',
	'unsubscribe.submit': 'ألغِ الاشتراك',
	'unsubscribe.done': 'تم: لن تصلك رسائل أخرى عن {topic}.',
	'unsubscribe.done_plain': 'تم إلغاء الاشتراك.',
	'unsubscribe.more': 'خيارات أخرى',

	// الرسائل
	'notify.agenda': 'جدول الأعمال:',
	'notify.agenda_empty': 'لا بنود على جدول الأعمال بعد.',
	'notify.when': 'الموعد: {when}',
	'notify.where': 'المكان: {place}',
	'notify.online': 'عبر الإنترنت: {url}',
	'notify.see': 'على الصفحة: {url}',
	'notify.reason': 'السبب المذكور:',
	'notify.meeting_scheduled.subject': '{group}: تحدّد موعد الاجتماع {number}',
	'notify.meeting_scheduled.body':
		'نُشر الاجتماع {number} في {group} مع جدول أعماله. ملف التقويم مرفق.',
	'notify.meeting_changed.subject': '{group}: تغيّر الاجتماع {number}',
	'notify.meeting_changed.body':
		'تغيّر الاجتماع {number} في {group}. هذا ما هو عليه الآن؛ وملف التقويم المرفق يحلّ محلّ الملف السابق.',
	'notify.meeting_cancelled.subject': '{group}: أُلغي الاجتماع {number}',
	'notify.meeting_cancelled.body':
		'أُلغي الاجتماع {number} في {group}. ملف التقويم المرفق يزيله من تقويمك.',
	'notify.agenda_changed.subject': '{group}: تغيّر جدول أعمال الاجتماع {number}',
	'notify.agenda_changed.body':
		'تغيّر جدول أعمال الاجتماع {number} في {group}. هذا ما هو عليه الآن.',
	'notify.minutes_published.subject': '{group}: نُشر محضر الاجتماع {number}',
	'notify.minutes_published.body': 'نُشر محضر الاجتماع {number} ({title}) في {group}.',
	'notify.minutes_amended.subject': '{group}: عُدّل محضر الاجتماع {number} (النسخة {version})',
	'notify.minutes_amended.body':
		'عُدّل محضر الاجتماع {number} ({title}) في {group}: نُشرت النسخة {version}. تبقى النسخ السابقة متاحة للقراءة.',
	'notify.change_note': 'ما الذي تغيّر:',
	'notify.corrections_until':
		'يمكن للمنظمات الأعضاء ومن طرح سؤالاً باسمه اقتراح تصحيحات حتى {until}.',
	'notify.correction_closing.subject':
		'{group}: تُغلق قريباً مهلة التصحيحات على محضر الاجتماع {number}',
	'notify.correction_closing.body':
		'يمكن اقتراح تصحيحات على محضر الاجتماع {number} ({title}) في {group} حتى {until}.',
	'notify.question_answered.subject': '{group}: أُجيب عن سؤالك في الاجتماع {number}',
	'notify.question_answered.body': 'سُجّل سؤالك في الاجتماع {number} في {group} بحالة «تمت الإجابة».',
	'notify.question_partly_answered.subject': '{group}: أُجيب جزئياً عن سؤالك في الاجتماع {number}',
	'notify.question_partly_answered.body':
		'سُجّل سؤالك في الاجتماع {number} في {group} بحالة «تمت الإجابة جزئياً».',
	'notify.question_deferred.subject': '{group}: أُجّل سؤالك في الاجتماع {number}',
	'notify.question_deferred.body':
		'أُجّل سؤالك في الاجتماع {number} في {group}: قُطع التزام بالإجابة عنه لاحقاً، وهذا الالتزام مسجّل في سجل المساءلة.',
	'notify.your_question': 'سؤالك:',
	'notify.answer_summary': 'الإجابة كما سُجّلت:',
	'notify.question_ledger.subject': '{group}: التزام يجيب عن سؤالك، موعده {due}',
	'notify.question_ledger.body':
		'ردّاً على سؤالك في الاجتماع {number} في {group}، سُجّل هذا الالتزام في سجل المساءلة، وموعده {due}:',
	'notify.commitment_due_soon.subject': '{group}: يحلّ موعد التزام في {due}',
	'notify.commitment_due_soon.body':
		'هذا الالتزام، الذي قُطع في الاجتماع {number} في {group}، يحلّ موعده في {due}:',
	'notify.commitment_overdue.subject': '{group}: تأخّر التزام كان موعده {due}',
	'notify.commitment_overdue.body':
		'هذا الالتزام، الذي قُطع في الاجتماع {number} في {group}، كان موعده {due} وما زال مفتوحاً:',
	'notify.owner': 'من التزم به: {owner}',
	'notify.proposal_accepted.subject': '{group}: قُبل مقترح جدول الأعمال «{title}»',
	'notify.proposal_accepted.body': 'قبل رئيس {group} مقترح جدول الأعمال «{title}».',
	'notify.proposal_declined.subject': '{group}: رُفض مقترح جدول الأعمال «{title}»',
	'notify.proposal_declined.body': 'رفض رئيس {group} مقترح جدول الأعمال «{title}».',
	'notify.because_follower': 'تصلك هذه الرسالة لأنك تتابع {group}.',
	'notify.because_member': 'تصلك هذه الرسالة لأنك تمثّل منظمة عضواً في {group}.',
	'notify.because_officer_or_owner':
		'تصلك هذه الرسالة بصفتك من مسؤولي {group}، أو لأن الالتزام يجيب عن سؤال طرحته أنت أو منظمتك.',
	'notify.because_asker': 'تصلك هذه الرسالة لأنك طرحت هذا السؤال باسمك.',
	'notify.because_digest': 'اخترت أن تصلك هذه الرسائل في موجز أسبوعي.',
	'notify.settings': 'اختر ما يصلك، أو أوقف هذه الرسائل (دون تسجيل الدخول): {url}',
	'notify.digest.subject':
		'{count, plural, =0 {Openfloor: لا تحديثات هذا الأسبوع} one {Openfloor: تحديث واحد هذا الأسبوع} two {Openfloor: تحديثان هذا الأسبوع} few {Openfloor: # تحديثات هذا الأسبوع} many {Openfloor: # تحديثاً هذا الأسبوع} other {Openfloor: # تحديث هذا الأسبوع}}',
	'notify.digest.body':
		'{count, plural, =0 {لم يجرِ شيء هذا الأسبوع في المجموعات التي تتابعها.} one {هذا ما جرى هذا الأسبوع في المجموعات التي تتابعها:} two {هذا ما جرى هذا الأسبوع في المجموعات التي تتابعها (تحديثان):} few {هذا ما جرى هذا الأسبوع في المجموعات التي تتابعها (# تحديثات):} many {هذا ما جرى هذا الأسبوع في المجموعات التي تتابعها (# تحديثاً):} other {هذا ما جرى هذا الأسبوع في المجموعات التي تتابعها (# تحديث):}}'
};
