/** Following groups and email notifications (issue 14 §3). */
export const notifications = {
	// Following a group
	'follow.title': 'Follow {group}',
	'follow.link': 'Follow by email',
	'follow.intro':
		'Hear by email when a meeting is scheduled, changed or cancelled, when its agenda changes and when minutes are published. You choose what you receive, and every email has a link to stop.',
	'follow.following': 'You follow this group.',
	'follow.submit_account': 'Follow this group',
	'follow.stop': 'Stop following',
	'follow.stopped': 'You no longer follow this group.',
	'follow.started': 'You now follow this group.',
	'follow.unconfirmed':
		'Nothing is sent until your address is confirmed: the link is in the email we sent you, and your account page can send it again.',
	'follow.submit_email': 'Follow by email',
	'follow.email_note':
		'No account needed. We send a link to confirm; nothing else is sent until you follow it. Your address is never shown to anyone.',
	'follow.sent':
		'If all is in order, a link to confirm is on its way to this address. Check your inbox (and spam folder).',
	'follow.or_sign_in': 'Have an account? Sign in to follow with it.',
	'follow.settings_link': 'Choose what you receive',
	'follow.mail.subject': 'Confirm: follow {group} on Openfloor',
	'follow.mail.body': 'Someone asked for this address to receive emails about {group}.',
	'follow.mail.link': 'To confirm, follow this link: {url}',
	'follow.mail.expires': 'The link works once, for 48 hours.',
	'follow.mail.not_you': 'If it was not you, do nothing: no other email will come.',
	'follow.confirm.title': 'Confirm following',
	'follow.confirm.intro':
		'Confirm that {email} should receive emails about the groups someone asked it to follow.',
	'follow.confirm.submit': 'Confirm',
	'follow.confirm.done': 'Confirmed: emails will now come to {email}.',

	// Settings (signed in, or from an email's link)
	'notifications.title': 'Email notifications',
	'notifications.address': 'Emails go to {email}.',
	'notifications.inactive':
		'Nothing is sent until this address is confirmed (the link is in the email we sent).',
	'notifications.choices': 'What you receive',
	'notifications.choices_intro':
		'Each kind at once, gathered in one weekly digest, or off. Some kinds reach only members, officers or the person who asked.',
	'notifications.topic.meetings':
		'Meetings scheduled, changed or cancelled (with a calendar entry)',
	'notifications.topic.agendas': 'Agendas changed',
	'notifications.topic.minutes': 'Minutes published or amended',
	'notifications.topic.my_questions':
		'Your named questions answered, deferred or answered by a promise in the ledger',
	'notifications.topic.corrections':
		'Correction windows closing in two days (member organisations)',
	'notifications.topic.proposals': 'Agenda proposals decided (member organisations)',
	'notifications.topic.commitments':
		'Promises due within seven days, and overdue (officers, and the organisation that asked)',
	'notifications.topic.digest': 'the weekly digest',
	'notifications.delivery.now': 'At once',
	'notifications.delivery.digest': 'Weekly digest',
	'notifications.delivery.off': 'Off',
	'notifications.save': 'Save choices',
	'notifications.saved': 'Your choices are saved.',
	'notifications.groups': 'Groups you follow',
	'notifications.no_groups': 'You follow no group.',
	'notifications.unfollow': 'Stop following {group}',
	'notifications.unfollowed': 'You no longer follow {group}.',
	'notifications.stop_all': 'Stop all emails',
	'notifications.stop_all_note': 'Turns every kind off and stops following every group.',
	'notifications.stopped': 'No more notifications will be sent to this address.',
	'notifications.account_link': 'Email notifications',
	'unsubscribe.title': 'Unsubscribe',
	'unsubscribe.intro': 'Stop emails about: {topic}?',
	'unsubscribe.submit': 'Unsubscribe',
	'unsubscribe.done': 'Done: no more emails about {topic}.',
	'unsubscribe.done_plain': 'Unsubscribed.',
	'unsubscribe.more': 'Other choices',

	// The emails
	'notify.agenda': 'Agenda:',
	'notify.agenda_empty': 'No agenda items yet.',
	'notify.when': 'When: {when}',
	'notify.where': 'Where: {place}',
	'notify.online': 'Online: {url}',
	'notify.see': 'On the page: {url}',
	'notify.reason': 'The reason given:',
	'notify.meeting_scheduled.subject': '{group}: meeting {number} is scheduled',
	'notify.meeting_scheduled.body':
		'{group} has published meeting {number} and its agenda. The calendar entry is attached.',
	'notify.meeting_changed.subject': '{group}: meeting {number} has changed',
	'notify.meeting_changed.body':
		'Meeting {number} of {group} has changed. This is how it now stands; the attached calendar entry replaces the earlier one.',
	'notify.meeting_cancelled.subject': '{group}: meeting {number} is cancelled',
	'notify.meeting_cancelled.body':
		'Meeting {number} of {group} is cancelled. The attached calendar entry removes it from your calendar.',
	'notify.agenda_changed.subject': '{group}: the agenda of meeting {number} has changed',
	'notify.agenda_changed.body':
		'The agenda of meeting {number} of {group} has changed. This is how it now stands.',
	'notify.minutes_published.subject': '{group}: the minutes of meeting {number} are published',
	'notify.minutes_published.body':
		'The minutes of meeting {number} ({title}) of {group} are published.',
	'notify.minutes_amended.subject':
		'{group}: the minutes of meeting {number} are amended (version {version})',
	'notify.minutes_amended.body':
		'The minutes of meeting {number} ({title}) of {group} are amended: version {version} is published. Earlier versions stay readable.',
	'notify.change_note': 'What changed:',
	'notify.corrections_until':
		'Member organisations and people who asked a question under their name may propose corrections until {until}.',
	'notify.correction_closing.subject':
		'{group}: corrections to the minutes of meeting {number} close soon',
	'notify.correction_closing.body':
		'Corrections to the minutes of meeting {number} ({title}) of {group} may be proposed until {until}.',
	'notify.question_answered.subject': '{group}: your question at meeting {number} was answered',
	'notify.question_answered.body':
		'Your question at meeting {number} of {group} is recorded as answered.',
	'notify.question_partly_answered.subject':
		'{group}: your question at meeting {number} was partly answered',
	'notify.question_partly_answered.body':
		'Your question at meeting {number} of {group} is recorded as partly answered.',
	'notify.question_deferred.subject': '{group}: your question at meeting {number} was deferred',
	'notify.question_deferred.body':
		'Your question at meeting {number} of {group} was deferred: an answer was promised for later, and the promise is in the accountability ledger.',
	'notify.your_question': 'Your question:',
	'notify.answer_summary': 'The answer, as recorded:',
	'notify.question_ledger.subject': '{group}: a promise answers your question, due {due}',
	'notify.question_ledger.body':
		'In answer to your question at meeting {number} of {group}, this promise is now in the accountability ledger, due on {due}:',
	'notify.commitment_due_soon.subject': '{group}: a promise is due on {due}',
	'notify.commitment_due_soon.body':
		'This promise, made at meeting {number} of {group}, is due on {due}:',
	'notify.commitment_overdue.subject': '{group}: a promise due on {due} is overdue',
	'notify.commitment_overdue.body':
		'This promise, made at meeting {number} of {group}, was due on {due} and is still open:',
	'notify.owner': 'Who promised: {owner}',
	'notify.proposal_accepted.subject': '{group}: the agenda proposal “{title}” is accepted',
	'notify.proposal_accepted.body': 'The chair of {group} accepted the agenda proposal “{title}”.',
	'notify.proposal_declined.subject': '{group}: the agenda proposal “{title}” is declined',
	'notify.proposal_declined.body': 'The chair of {group} declined the agenda proposal “{title}”.',
	'notify.because_follower': 'You receive this because you follow {group}.',
	'notify.because_member':
		'You receive this because you represent a member organisation of {group}.',
	'notify.because_officer_or_owner':
		'You receive this as an officer of {group}, or because the promise answers a question you or your organisation asked.',
	'notify.because_asker': 'You receive this because you asked this question under your name.',
	'notify.because_digest': 'You chose to receive these in a weekly digest.',
	'notify.settings': 'Choose what you receive, or stop these emails (no sign-in needed): {url}',
	'notify.digest.subject':
		'{count, plural, one {Openfloor: # update this week} other {Openfloor: # updates this week}}',
	'notify.digest.body':
		'{count, plural, one {This is what happened in the groups you follow this week:} other {This is what happened in the groups you follow this week (# updates):}}'
};
