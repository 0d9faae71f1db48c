/** The audit trail (issue 16): every change, who made it and when, for officers and administrators. */
export const audit = {
	'audit.title': 'Audit trail',
	'audit.intro':
		'Every change made in this group, who made it and when, newest first. Only the group’s officers and site administrators can read it. Votes and questions are never here: they are not linked to anyone.',
	'audit.site_title': 'Audit trail of the whole site',
	'audit.site_intro':
		'Every change made on this site, in every group, who made it and when, newest first.',
	'audit.caption': 'Changes, newest first',
	'audit.col.when': 'When',
	'audit.col.who': 'Who',
	'audit.col.group': 'Group',
	'audit.col.action': 'Action',
	'audit.col.subject': 'On',
	'audit.col.details': 'Details',
	'audit.nobody': 'An account since deleted',
	'audit.site_own': 'The site',
	'audit.filter.action': 'Action',
	'audit.filter.all': 'All actions',
	'audit.filter.group': 'Group',
	'audit.filter.group_hint': 'A group’s address name, or “site” for changes to the site itself.',
	'audit.filter.show': 'Show',
	'audit.older': 'Older changes',
	'audit.newest': 'Newest changes',
	'audit.none': 'No changes to show.',
	'audit.link': 'Audit trail',
	'audit.site_link': 'Audit trail of the whole site'
};
