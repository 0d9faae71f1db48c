import type { Commitment } from '../db/schema';
import type { DecisionKind } from './log';

/**
 * What the decision log says about a commitment made to the group (recorded by an officer, or
 * made by deferring a question), kept or dropped: its public fields and, when it is resolved,
 * the note or the reason given.
 */
export function commitmentDecision(
	kind: Extract<DecisionKind, `commitment.${string}`>,
	row: Commitment,
	meetingNumber: number
) {
	const payload: Record<string, unknown> = {
		meeting: meetingNumber,
		commitment: row.id,
		question: row.questionId,
		owner: row.owner,
		description: row.description,
		dueOn: row.dueOn
	};
	if (kind === 'commitment.done') payload.note = row.statusNote;
	if (kind === 'commitment.dropped') payload.reason = row.statusNote;
	return { kind, subject: `commitment:${row.id}`, payload };
}
