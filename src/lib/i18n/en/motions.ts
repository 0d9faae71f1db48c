/** Motions and recorded votes (issue 18). */
export const motions = {
	'motions.not_found': 'There is no such motion at this meeting.',
	'motions.closed': 'Motions are taken only for a meeting that has not yet closed.',
	'motions.not_member':
		'Only a representative of a member organisation, or an officer, can propose a motion.',
	'motions.amendment_of_unknown': 'This meeting has no motion with that number.',
	'motions.not_amendable':
		'Only a motion still waiting for its vote can be amended, and an amendment cannot itself be amended.',
	'motions.not_secondable': 'Only a motion not yet put to the vote can be seconded.',
	'motions.already_seconded': 'This motion has already been seconded.',
	'motions.own_seconder':
		'A motion is seconded by another member organisation than the one that proposed it.',
	'motions.bad_transition': 'The motion cannot move to that state from where it is now.',
	'motions.reason_required': 'Give the reason for declining the motion: it is public.',
	'motions.not_scheduled': 'Put the motion on the meeting’s business before opening its vote.',
	'motions.meeting_not_live':
		'Votes on motions are opened and closed only while the meeting is live.',
	'motions.amendments_pending':
		'The motion’s amendments must be decided before the motion itself is put to the vote.',
	'motions.not_voting': 'The vote on this motion is not open.',
	'motions.vote_closed':
		'The vote on this motion has closed: votes can no longer be cast or changed.',
	'motions.not_eligible':
		'Your organisation was not a member when this vote opened, so it cannot vote on this motion.',
	'motions.vote_open': 'A vote on a motion is still open: close it before closing the meeting.',
	'motions.rules_unchanged': 'Motions are already decided by these rules.',
	'motions.rules_vote_open': 'A vote is open: the rules for motions can change once it has closed.',
	'kind.motion.decided': 'Motion decided',
	'kind.motion.declined': 'Motion declined',
	'kind.motions.rules_changed': 'Rules for deciding motions changed'
};
