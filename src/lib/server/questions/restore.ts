import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import { auditLog, decisionLog, questions, questionVotes, type Question } from '../db/schema';
import { conflict } from '../errors';
import { moderationDecision, type ModerationDecision } from './moderation-log';

/**
 * Undoing a moderator's decision: restoring a rejected or merged question, and recording a
 * question's previous answer status again. Both are new, public decisions (the logs never lose
 * an entry); they are called inside `moderateQuestion`'s transaction.
 */

/** The votes a merge moved, as the audit entry of the merge keeps them (see `mergeVotes`). */
type MovedVotes = {
	/** The duplicate's votes: voter key, time, cast by a new participant. */
	votes: [string, string, boolean][];
	/** The voter keys that were new to the survivor (those who had not voted for it already). */
	added: string[];
};

/**
 * Moves a duplicate's votes to the question it is merged into, once per voter, and returns what a
 * restore needs to move them back exactly. The votes are kept only in the audit log (never
 * public); a voter key is a keyed hash scoped to the meeting, already stored beside the question.
 */
export async function mergeVotes(tx: Executor, fromId: string, intoId: string) {
	const votes = await tx.select().from(questionVotes).where(eq(questionVotes.questionId, fromId));
	const added = rowsOf<{ voter_key: string }>(
		await tx.execute(sql`
			insert into question_votes (question_id, voter_key, voted_at, from_new_participant)
			select ${intoId}, voter_key, voted_at, from_new_participant
			from question_votes where question_id = ${fromId}
			on conflict do nothing returning voter_key`)
	).map((row) => row.voter_key);
	await tx.delete(questionVotes).where(eq(questionVotes.questionId, fromId));
	return {
		votes: votes.map((v) => [v.voterKey, v.votedAt.toISOString(), v.fromNewParticipant]),
		added
	} satisfies MovedVotes;
}

/**
 * Reverses `mergeVotes`: the duplicate gets its own votes back, and the survivor loses the votes
 * the merge added to it. A voter who had voted for both keeps both votes, as before the merge.
 * A vote the merge added and the voter has since taken back on the survivor comes back on the
 * duplicate (they voted for it and never took that vote back). Returns the survivor's id.
 */
async function unmergeVotes(tx: Executor, q: Question) {
	const [entry] = await tx
		.select({ details: auditLog.details })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'question.merge'), eq(auditLog.subject, q.id)))
		.orderBy(desc(auditLog.id))
		.limit(1);
	const moved = entry?.details as Partial<MovedVotes> | null | undefined;
	// A merge made before merges kept their votes cannot give them back: the question returns alone.
	if (!moved?.votes || !moved.added) return;
	if (moved.votes.length) {
		await tx
			.insert(questionVotes)
			.values(
				moved.votes.map(([voterKey, votedAt, fromNewParticipant]) => ({
					questionId: q.id,
					voterKey,
					votedAt: new Date(votedAt),
					fromNewParticipant
				}))
			)
			.onConflictDoNothing();
	}
	if (q.mergedIntoId && moved.added.length) {
		await tx
			.delete(questionVotes)
			.where(
				and(
					eq(questionVotes.questionId, q.mergedIntoId),
					inArray(questionVotes.voterKey, moved.added)
				)
			);
	}
}

/**
 * A rejected or merged question goes back where it was: published if it had been published,
 * otherwise awaiting approval again. Its rejection reason and note are cleared (the decision log
 * keeps them). Returns the question as restored, the ids to announce and the decision.
 */
export async function reinstateQuestion(
	tx: Executor,
	q: Question,
	meetingNumber: number,
	now: Date
) {
	if (q.state !== 'rejected' && q.state !== 'merged') throw conflict('question.not_restorable');
	if (q.state === 'merged') await unmergeVotes(tx, q);
	const to = q.publishedAt ? 'published' : 'pending';
	const [restored] = await tx
		.update(questions)
		.set({
			state: to,
			rejectionReason: null,
			rejectionNote: null,
			mergedIntoId: null,
			moderatedAt: now
		})
		.where(and(eq(questions.id, q.id), eq(questions.state, q.state)))
		.returning();
	if (!restored) throw conflict('question.already_moderated');
	const decision = moderationDecision('question.restored', restored, meetingNumber, {
		state: to,
		was: q.state,
		reason: q.rejectionReason,
		...(q.mergedIntoId ? { from: q.mergedIntoId } : {})
	});
	return {
		restored,
		changed: q.mergedIntoId ? [q.id, q.mergedIntoId] : [q.id],
		decision
	};
}

/**
 * Records a question's previous answer status again (the moderator's undo): the status and
 * summary of the decision before the latest, or open. Only the latest status can be undone, once;
 * a deferral is not undone here, since it made a commitment in the ledger.
 */
export async function undoAnswerStatus(
	tx: Executor,
	groupId: string,
	q: Question,
	meetingNumber: number,
	now: Date
): Promise<{ decision: ModerationDecision }> {
	if (q.state !== 'published') throw conflict('question.not_votable');
	const entries = await tx
		.select({ kind: decisionLog.kind, payload: decisionLog.payload })
		.from(decisionLog)
		.where(
			and(
				eq(decisionLog.groupId, groupId),
				eq(decisionLog.subject, `question:${q.id}`),
				inArray(decisionLog.kind, ['question.answered', 'question.status_undone'])
			)
		)
		.orderBy(desc(decisionLog.seq));
	const [latest, before] = entries;
	if (!latest || latest.kind !== 'question.answered' || latest.payload.status !== q.answerStatus)
		throw conflict('question.nothing_to_undo');
	if (q.answerStatus === 'deferred') throw conflict('question.undo_deferred');
	// Sent for a written answer: the institution owes it; the record keeps it (answer it instead).
	if (q.answerStatus === 'written') throw conflict('written.undo');
	const status = (before?.payload.status ?? 'open') as Question['answerStatus'];
	const summary = (before?.payload.summary ?? null) as string | null;
	const [undone] = await tx
		.update(questions)
		.set({
			answerStatus: status,
			answerSummary: summary,
			answeredAt: status === 'open' ? null : now
		})
		.where(and(eq(questions.id, q.id), eq(questions.answerStatus, q.answerStatus)))
		.returning();
	if (!undone) throw conflict('question.already_moderated');
	return {
		decision: moderationDecision('question.status_undone', undone, meetingNumber, {
			status,
			summary,
			undoes: q.answerStatus
		})
	};
}

/**
 * For the moderation console alone: the texts of this meeting's questions rejected as abusive or
 * personal data, withheld from everyone else, so that an officer can see what they would restore.
 */
export async function withheldTexts(db: Executor, meetingId: string) {
	const rows = await db
		.select({ id: questions.id, text: questions.text })
		.from(questions)
		.where(
			and(
				eq(questions.meetingId, meetingId),
				eq(questions.state, 'rejected'),
				inArray(questions.rejectionReason, ['abusive', 'personal_data'])
			)
		);
	return Object.fromEntries(rows.map((row) => [row.id, row.text]));
}
