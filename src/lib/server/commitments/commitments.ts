import { announceNotices, recordNotice } from '../notifications/notices';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { commitments, meetings, questions, type Commitment, type Group } from '../db/schema';
import { allows, authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField, notFound } from '../errors';
import { getGroup } from '../groups/groups';
import { findMeeting } from '../meetings/access';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { actionStatusSchema, recordActionSchema } from '$lib/schemas/actions';
import type { Clock } from '../clock';
import { appendDecision } from '../decision-log/log';
import { commitmentDecision } from '../decision-log/commitment-entry';

/** A commitment (an "action" in the API and the pages) as anyone may read it (the officers who wrote it are in the audit log, not here). */
export type PublicCommitment = ReturnType<typeof publicCommitment>;

export function publicCommitment(row: Commitment, meetingNumber: number) {
	return {
		id: row.id,
		meetingNumber,
		questionId: row.questionId,
		owner: row.owner,
		description: row.description,
		dueOn: row.dueOn,
		status: row.status,
		statusNote: row.statusNote,
		resolvedAt: row.resolvedAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}

/**
 * Records a commitment (an "action": a promise made to the group) at a meeting that is being or has been
 * held: who owes it, what, by when, and optionally the question of that meeting it answers.
 */
export async function recordCommitment(
	db: Database,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
): Promise<PublicCommitment> {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'action.record', group.id);
	const { meeting } = await findMeeting(db, actor, groupSlug, number);
	const data = parseInput(recordActionSchema, input);
	if (meeting.state !== 'live' && meeting.state !== 'closed') throw conflict('action.not_held');
	if (data.questionId) {
		const [question] = await db
			.select({ id: questions.id })
			.from(questions)
			.where(
				and(
					eq(questions.id, data.questionId),
					eq(questions.meetingId, meeting.id),
					eq(questions.state, 'published')
				)
			);
		if (!question) throw invalidField('questionId', 'action.question_unknown');
	}
	const now = clock.now ?? new Date();
	const row = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(commitments)
			.values({
				meetingId: meeting.id,
				questionId: data.questionId ?? null,
				owner: data.owner,
				description: data.description,
				dueOn: data.dueOn,
				createdAt: now,
				createdBy: user.id,
				updatedAt: now,
				updatedBy: user.id
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'action.record',
			subject: row.id,
			details: { meeting: meeting.number, owner: row.owner, dueOn: row.dueOn }
		});
		await appendDecision(tx, group.id, {
			...commitmentDecision('commitment.made', row, meeting.number),
			at: now
		});
		// The person who asked the question, if they asked under their name (recipients.ts).
		if (row.questionId) {
			await recordNotice(tx, {
				groupId: group.id,
				kind: 'question.ledger',
				subject: `commitment:${row.id}`,
				onceKey: `question.ledger:${row.id}`,
				now
			});
		}
		return row;
	});
	announceNotices();
	return publicCommitment(row, meeting.number);
}

/** One of the group's actions, with the number of the meeting it was made at; or a 404. */
async function findAction(db: Executor, group: Group, id: string) {
	if (!isUuid(id)) throw notFound('action.not_found');
	const [row] = await db
		.select({ action: commitments, meetingNumber: meetings.number })
		.from(commitments)
		.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
		.where(
			and(eq(commitments.id, id), eq(meetings.groupId, group.id), ne(meetings.state, 'draft'))
		);
	if (!row) throw notFound('action.not_found');
	return row;
}

/** One action of the group as anyone may read it. */
export async function getCommitment(db: Executor, groupSlug: string, id: string) {
	const { action, meetingNumber } = await findAction(db, await getGroup(db, groupSlug), id);
	return publicCommitment(action, meetingNumber);
}

/**
 * Marks an action done (an optional note on how), dropped (the reason is required and public)
 * or open again. `resolvedAt` is set when it is done or dropped and cleared when it is reopened.
 */
export async function updateCommitmentStatus(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	clock: Clock = {}
): Promise<PublicCommitment> {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'action.update', group.id);
	const { meetingNumber } = await findAction(db, group, id);
	const data = parseInput(actionStatusSchema, input);
	if (data.status === 'dropped' && !data.note) {
		throw invalidField('note', 'action.reason_needed');
	}
	const now = clock.now ?? new Date();
	const row = await db.transaction(async (tx) => {
		const [current] = await tx
			.select()
			.from(commitments)
			.where(eq(commitments.id, id))
			.for('update');
		if (current.status === data.status) throw conflict('action.same_status', 'status');
		const [row] = await tx
			.update(commitments)
			.set({
				status: data.status,
				statusNote: data.note ?? null,
				resolvedAt: data.status === 'open' ? null : now,
				updatedAt: now,
				updatedBy: user.id
			})
			.where(eq(commitments.id, id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: `action.${data.status === 'open' ? 'reopen' : data.status}`,
			subject: id,
			details: { from: current.status, note: data.note ?? null }
		});
		if (row.status !== 'open') {
			await appendDecision(tx, group.id, {
				...commitmentDecision(`commitment.${row.status}`, row, meetingNumber),
				at: now
			});
		}
		return row;
	});
	return publicCommitment(row, meetingNumber);
}

/** A meeting's actions, oldest first, and whether this visitor may record and update them. */
export async function meetingCommitments(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
) {
	const { group, meeting, roles } = await findMeeting(db, actor, groupSlug, number);
	const rows = await db
		.select()
		.from(commitments)
		.where(eq(commitments.meetingId, meeting.id))
		.orderBy(asc(commitments.createdAt), asc(commitments.id));
	return {
		group,
		meeting,
		actions: rows.map((row) => publicCommitment(row, meeting.number)),
		canRecord:
			allows(roles, 'action.record') && (meeting.state === 'live' || meeting.state === 'closed'),
		canUpdate: allows(roles, 'action.update')
	};
}

/** The meeting's published questions an action may answer (for the officers' form). */
export function linkableQuestions(db: Executor, meetingId: string) {
	return db
		.select({ id: questions.id, text: questions.text })
		.from(questions)
		.where(and(eq(questions.meetingId, meetingId), eq(questions.state, 'published')))
		.orderBy(asc(questions.askedAt));
}
