/** Issue 20, part A: the moderation console's steps, undo and restore; the chair's path; the asker's own view. */
export const moderationConsole = {
	'console.reject.open': 'Reject…',
	'console.reject.heading': 'Reject this question',
	'console.reject.intro': 'The reason is shown publicly with the question. Choose one.',
	'console.reject.confirm': 'Reject publicly',
	'console.merge.open': 'Merge…',
	'console.merge.heading': 'Merge as a duplicate',
	'console.merge.intro': 'Its votes join the question you choose. Choose one.',
	'console.merge.confirm': 'Merge',
	'console.merge.none': 'There is no other published question to merge into.',
	'console.cancel': 'Cancel',
	'console.pinned': 'Pinned',
	'console.undo': 'Undo',
	'console.undo.reject': 'Question rejected.',
	'console.undo.merge': 'Question merged.',
	'console.undo.status': 'Answer recorded.',
	'console.done.restore': 'Question restored.',
	'console.done.undo_status': 'The previous answer status is recorded again.',
	'console.removed': 'Rejected and merged',
	'console.removed.intro':
		'Restoring puts a question back where it was (published, or awaiting approval). The restoration is logged publicly, like the rejection.',
	'console.withheld': 'This text is withheld from the public; only officers see it here.',
	'console.restore': 'Restore',
	'console.merged_into': 'merged into: {text}',
	'console.run.heading': 'Run the meeting',
	'console.run.moderate': 'Moderation console',
	'console.run.screen': 'Screen for the hall',
	'console.run.live': 'Live page',
	'console.close.open': 'Close the meeting…',
	'console.close.heading': 'Close the meeting?',
	'console.close.not_reached':
		'Published questions not yet answered: {count}. They are recorded as “not reached” and carried to the next meeting.',
	'console.close.pending': 'Questions still awaiting approval: {count}. They stay unpublished.',
	'console.close.minutes':
		'Draft minutes are generated from the agenda, attendance and questions. Nothing is published until an officer publishes the minutes.',
	'console.close.final':
		'Questions and votes stop at once. A closed meeting cannot be opened again.',
	'console.close.confirm': 'Yes, close the meeting',
	'console.close.confirm_needed': 'Confirm that you want to close the meeting.',
	'question.not_restorable': 'Only a rejected or merged question can be restored.',
	'question.nothing_to_undo': 'There is no answer status to undo for this question.',
	'question.undo_deferred':
		'This deferral made a commitment in the ledger: change or drop the commitment instead.',
	'kind.question.restored': 'Question restored',
	'kind.question.status_undone': 'Answer status undone',
	'live.yours_rejected': 'Your question was rejected: {reason}',
	'live.yours_merged': 'Your question was merged into another question as a duplicate.'
};
