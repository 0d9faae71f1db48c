/** The decision log's newer kinds and its signed checkpoints (issue 13, section 6). */
export const decisionLog = {
	'kind.participation.changed': 'Who may ask and vote changed',
	'kind.question.rejected': 'Question rejected',
	'kind.question.merged': 'Question merged as a duplicate',
	'kind.question.answered': 'Answer status recorded',
	'kind.commitment.made': 'Commitment made',
	'kind.commitment.done': 'Commitment kept',
	'kind.commitment.dropped': 'Commitment dropped',
	'kind.proposal.accepted': 'Agenda proposal accepted',
	'kind.proposal.declined': 'Agenda proposal declined',
	'kind.correction.accepted': 'Correction to the minutes accepted',
	'kind.correction.declined': 'Correction to the minutes declined',
	'decisions.meeting': 'Meeting {number}',
	'decisions.question_text': 'Question: {text}',
	'decisions.status': 'Status: {status}',
	'decisions.owner_due': 'Owed by {owner}, due {date}',
	'decisions.proposal': 'Proposal from {organisation}: {title}',
	'decisions.correction': 'Correction from {organisation} to version {version}',
	'decisions.correction_someone': 'Correction to version {version}',
	'decisions.note': 'Note: {note}',
	'checkpoint.title': 'Signed checkpoint',
	'checkpoint.intro':
		'This instance signs the head of the log (Ed25519) at least daily and whenever minutes are published. Save a copy of a checkpoint: npm run verify-log -- <export> --checkpoint <saved file> proves that a later log extends it, so nobody, not even the host, can rewrite an earlier entry unnoticed.',
	'checkpoint.none': 'No checkpoint has been signed yet.',
	'checkpoint.size': 'Entries covered',
	'checkpoint.head': 'Hash of entry {size}',
	'checkpoint.signed_at': 'Signed',
	'checkpoint.signature': 'Signature (Ed25519, base64)',
	'checkpoint.full': 'The whole checkpoint (JSON)',
	'checkpoint.download': 'Download the latest checkpoint',
	'checkpoint.key': 'The instance’s public key',
	'checkpoint.key_link': 'Public key (JSON, with PEM)',
	'checkpoint.countersigned_by': 'Seen and countersigned by',
	'checkpoint.no_countersignatures': 'No member organisation has countersigned it yet.',
	'checkpoint.countersign': 'We saw this checkpoint',
	'checkpoint.countersign_as': 'On behalf of',
	'checkpoint.countersign_help':
		'As the representative of a member organisation, you can record publicly that your organisation has seen this checkpoint. Keep a copy of it too.',
	'checkpoint.countersigned': 'Recorded: your organisation has countersigned this checkpoint.',
	'checkpoint.not_found': 'This group has no signed checkpoint of that size.',
	'checkpoint.already_countersigned':
		'Your organisation has already countersigned this checkpoint.',
	'checkpoint.minutes_footer':
		'Decision log checkpoint signed after this version: {size, plural, one {# entry} other {# entries}}, head {head}, signed {date}.',
	'checkpoint.minutes_pending':
		'No checkpoint of the decision log has been signed since this version was published yet.'
} as const;
