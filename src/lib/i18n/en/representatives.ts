/** Organisations with several people: representatives and invitations (issue 14). */
export const representatives = {
	'representatives.title': 'Representatives of {organisation}',
	'representatives.intro':
		'The people who act for the organisation in this group. Any of them may follow and withdraw the application, appeal, propose agenda items, send apologies and correct minutes. This list is private: the public sees the organisation, never its people.',
	'representatives.officer_view':
		'You see this as an officer of the group; only the organisation’s representatives can change it.',
	'representatives.current': 'Who acts for it',
	'representatives.none':
		'Nobody acts for this organisation now. It keeps its place, and the group’s officers can see that it has no representative.',
	'representatives.you': '(you)',
	'representatives.since': 'since {date}',
	'representatives.remove': 'Remove {name}',
	'representatives.leave': 'Leave',
	'representatives.hand_over':
		'To hand over, invite the new representative, then leave once they have accepted.',
	'representatives.invite': 'Invite someone to act for it',
	'representatives.invite.hint':
		'They need an account with this email address. The link works once, for {days} days.',
	'representatives.invite.submit': 'Invite',
	'representatives.invited': 'Invitation made. Send this link to {email}; it is shown only now:',
	'representatives.pending': 'Pending invitations',
	'representatives.pending.none': 'No invitations are pending.',
	'representatives.expires': 'until {date}',
	'representatives.revoke': 'Take back the invitation to {email}',
	'representatives.removed': 'They no longer act for the organisation.',
	'representatives.revoked': 'The invitation was taken back.',
	'representatives.link': 'Representatives',
	'representatives.no_representative': 'No representative',
	'representative.already': 'This person already acts for the organisation.',
	'representative.not_current': 'This person does not act for the organisation.',
	'invitation.title': 'Invitation',
	'invitation.heading': 'Act for {organisation}',
	'invitation.body': 'You are invited to act for {organisation} in the group “{group}”.',
	'invitation.expires': 'The invitation is valid until {date}.',
	'invitation.sign_in':
		'Sign in with the account for the email address the invitation was sent to, then accept it here.',
	'invitation.sign_in_link': 'Sign in',
	'invitation.sign_up_link': 'Create an account',
	'invitation.accept': 'Accept',
	'invitation.welcome': 'You now act for {organisation}.',
	'invitation.to_organisation': 'Go to the organisation’s page',
	'invitation.not_found':
		'This invitation link is not valid. Check that it was copied in full, or ask for a new one.',
	'invitation.accepted': 'This invitation has already been used. Nothing was changed.',
	'invitation.revoked': 'This invitation was taken back. Nothing was changed.',
	'invitation.expired':
		'This invitation has expired. Ask one of the organisation’s representatives for a new one.',
	'invitation.wrong_account':
		'This invitation was sent to another email address. Sign in with the account for that address to accept it. Nothing was changed.',
	'invitation.not_pending': 'This invitation is no longer pending.',
	'account.invitations': 'Invitations to act for an organisation',
	'account.invitation': '{organisation}, in {group}',
	'account.invitation.accept': 'Accept the invitation from {organisation}',
	'account.invitation.accepted': 'You now act for {organisation}.',
	'mail.invitation.subject': '{group}: an invitation to act for {organisation}',
	'mail.invitation.body':
		'You have been invited to act for {organisation} in {group} on Openfloor, beside its other representatives.',
	'mail.invitation.link': 'See the invitation and accept it here: {url}',
	'mail.invitation.expires':
		'The link works once, for {days} days, for an account with this email address (confirmed).'
};
