/** Words (issue 20): what the membership record says happened, and required-field labels. */
export const words = {
	'application.event.refused_while_closed': 'Refused automatically: membership was closed',
	'email.refused_while_closed':
		'Membership of {group} is closed, so the application from {organisation} was recorded and refused automatically, with the reason given for the closure. No officer considered it; you may appeal.',
	'decisions.refused_while_closed':
		'Refused automatically: membership was closed. No officer decided it.',
	'decisions.review_on': 'Review due on {date}.',
	'field.reason.required_when_refusing': 'required when refusing'
};
