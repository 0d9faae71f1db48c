import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { decisionLog, groups, type DecisionLogRow } from '../db/schema';
import { genesisHash, hashEntry, type LogEntry } from './chain';

/** Every kind of decision the log holds. */
export type DecisionKind =
	| 'application.accepted'
	| 'application.refused'
	| 'appeal.upheld'
	| 'appeal.overturned'
	| 'membership.ended'
	| 'membership.opened'
	| 'membership.closed'
	| 'minutes.published'
	| 'minutes.amended'
	| 'participation.changed'
	| 'officer.appointed'
	| 'officer.ended'
	| 'appeals.changed'
	| 'appeal.panel_drawn'
	| 'appeal.recused'
	| 'appeal.panel_vote'
	| 'appeal.referred'
	| 'question.rejected'
	| 'question.merged'
	| 'question.answered'
	| 'question.restored'
	| 'question.status_undone'
	| 'question.answered_in_writing'
	| 'commitment.made'
	| 'commitment.done'
	| 'commitment.dropped'
	| 'proposal.accepted'
	| 'proposal.declined'
	| 'correction.accepted'
	| 'correction.declined'
	| 'motion.declined'
	| 'motion.decided'
	| 'motions.rules_changed';

/**
 * Locks the group's row until the transaction ends. Every decision takes this lock first, so
 * decisions in one group happen one at a time: the chain cannot fork and two officers cannot
 * decide the same thing at once. (Other groups are not held up.) `no key update`, not `update`:
 * it still excludes every other decision, but not the key-share lock that a write referencing
 * the group takes (an audit entry, a meeting), so moderation and other writes in a busy meeting
 * are not held up behind a decision being logged.
 */
export async function lockGroup(tx: Transaction, groupId: string) {
	const [row] = await tx
		.select({ id: groups.id, membershipOpen: groups.membershipOpen })
		.from(groups)
		.where(eq(groups.id, groupId))
		.for('no key update');
	if (!row) throw new Error(`group ${groupId} does not exist`);
	return row;
}

/**
 * Appends one decision to the group's log, inside the transaction that makes the decision.
 * The unique (group, seq) constraint is a second guard behind the group lock.
 */
export async function appendDecision(
	tx: Transaction,
	groupId: string,
	decision: { kind: DecisionKind; subject: string; at: Date; payload: Record<string, unknown> }
): Promise<LogEntry> {
	await lockGroup(tx, groupId);
	const [last] = await tx
		.select({ seq: decisionLog.seq, hash: decisionLog.hash })
		.from(decisionLog)
		.where(eq(decisionLog.groupId, groupId))
		.orderBy(desc(decisionLog.seq))
		.limit(1);
	const entry = {
		seq: (last?.seq ?? 0) + 1,
		kind: decision.kind,
		subject: decision.subject,
		at: decision.at.toISOString(),
		// Through JSON once, so what is hashed is exactly what the database will give back.
		payload: JSON.parse(JSON.stringify(decision.payload)) as Record<string, unknown>,
		prevHash: last?.hash ?? genesisHash
	};
	const hash = hashEntry(entry);
	await tx.insert(decisionLog).values({
		groupId,
		seq: entry.seq,
		kind: entry.kind,
		subject: entry.subject,
		at: new Date(entry.at),
		payload: entry.payload,
		prevHash: entry.prevHash,
		hash
	});
	return { ...entry, hash };
}

export function toLogEntry(row: DecisionLogRow): LogEntry {
	return {
		seq: row.seq,
		kind: row.kind,
		subject: row.subject,
		at: row.at.toISOString(),
		payload: row.payload,
		prevHash: row.prevHash,
		hash: row.hash
	};
}

/** Entries after `afterSeq`, oldest first; `limit` bounds the page (one extra tells if more follow). */
export async function listDecisions(
	db: Executor,
	groupId: string,
	options: { afterSeq?: number; limit?: number } = {}
): Promise<LogEntry[]> {
	const query = db
		.select()
		.from(decisionLog)
		.where(
			and(
				eq(decisionLog.groupId, groupId),
				options.afterSeq ? gt(decisionLog.seq, options.afterSeq) : undefined
			)
		)
		.orderBy(asc(decisionLog.seq));
	const rows = options.limit ? await query.limit(options.limit + 1) : await query;
	return rows.map(toLogEntry);
}
