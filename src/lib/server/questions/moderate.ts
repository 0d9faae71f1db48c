import { recordNotice } from '../notifications/notices';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import {
	commitments,
	meetingLive,
	questions,
	writtenQuestions,
	type Group,
	type Meeting
} from '../db/schema';
import { authorise } from '../auth/authorise';
import { conflict, invalidField } from '../errors';
import { parseInput } from '../validation';
import { recordAudit, requestApplied } from '../audit';
import { liveSettingsSchema, moderateSchema, type ModerateInput } from '$lib/schemas/questions';
import { emit } from '../events';
import {
	bumpSeq,
	liveSettings,
	loadLiveQuestion,
	toLiveMeeting,
	type LiveContext,
	type Participant
} from './live';
import { questionOf } from './ask';
import { idForRequest } from './participant';
import { appendDecision, type DecisionKind } from '../decision-log/log';
import type { Clock } from '../clock';
import { moderationDecision } from './moderation-log';
import { commitmentDecision } from '../decision-log/commitment-entry';
import { mergeVotes, reinstateQuestion, undoAnswerStatus } from './restore';
import { defaultDueOn } from '../written/rules';
import { groupToday } from '../ledger/items';

/**
 * The moderation console: approve, reject (with a reason category, shown publicly), merge a
 * duplicate (votes combine without double counting), pin, and record the answer status. Nothing
 * an asker wrote is ever edited. Each action is one transaction with its audit entry; a
 * rejection, a merge and an answer status (and the commitment a deferral makes) are also
 * appended to the group's decision log in it.
 */
export async function moderateQuestion(
	db: Database,
	actor: Participant,
	context: LiveContext,
	input: unknown,
	clock: Clock = {}
) {
	const data = parseInput(moderateSchema, input);
	const permission =
		data.action === 'status' || data.action === 'undo_status'
			? 'question.answer'
			: 'question.moderate';
	const officer = await authorise(db, actor, permission, context.group.id);
	const meetingId = context.meeting.id;
	if (!mayModerateNow(context.meeting.state, data.action)) throw conflict('question.not_live');
	const requestKey = data.requestId && idForRequest(officer.id, data.requestId);
	/** Made already: this request sent again (in turn, or racing the first) changes nothing. */
	const repeated = async () => ({ seq: (await liveSettings(db, meetingId)).seq, changed: [] });
	let applied;
	try {
		applied = await db.transaction(async (tx) => {
			if (requestKey && (await requestApplied(tx, requestKey))) return undefined;
			const now = clock.now ?? new Date();
			const { changed, decisions, details, retracted, pinned } = await apply(
				tx,
				context,
				data,
				officer.id,
				now
			);
			// Before bumpSeq: the meeting's row (which every ask and moderation of this meeting
			// queues on) is then held only for the last statements of the transaction.
			for (const decision of decisions) {
				await appendDecision(tx, context.group.id, { ...decision, at: now });
			}
			await recordAudit(tx, {
				actorId: officer.id,
				groupId: context.group.id,
				action: `question.${data.action}`,
				subject: 'questionId' in data ? data.questionId : meetingId,
				details: data.action === 'status' ? { status: data.status } : details,
				requestKey
			});
			return {
				seq: await bumpSeq(tx, meetingId, pinned === undefined ? {} : { pinnedQuestionId: pinned }),
				changed,
				retracted,
				pinChanged: data.action === 'pin' || data.action === 'unpin'
			};
		});
	} catch (error) {
		// Two copies at once: the second fails on the first's change (or its audit entry's key).
		if (requestKey && (await requestApplied(db, requestKey))) return repeated();
		throw error;
	}
	if (!applied) return repeated();
	const { seq, changed, pinChanged, retracted } = applied;
	for (const id of changed) {
		const question = await loadLiveQuestion(db, id);
		emit('question:changed', { meetingId, seq, question, retracted: retracted === id });
	}
	if (pinChanged) {
		const settings = await liveSettings(db, meetingId);
		emit('meeting:changed', {
			meetingId,
			seq,
			meeting: toLiveMeeting(context.group, context.meeting, settings)
		});
	}
	return { seq, changed };
}

/** Questions asked in advance are moderated as they come; pins and answers wait for the meeting. */
const inAdvance: readonly ModerateInput['action'][] = ['approve', 'reject', 'merge', 'restore'];

function mayModerateNow(state: Meeting['state'], action: ModerateInput['action']) {
	return (
		state === 'live' || state === 'closed' || (state === 'scheduled' && inAdvance.includes(action))
	);
}

/**
 * Restores a rejected or merged question (the console's Restore and the undo of a rejection or a
 * merge): the same checks, transaction and logs as every moderation action.
 */
export function restoreQuestion(
	db: Database,
	actor: Participant,
	context: LiveContext,
	input: unknown,
	clock: Clock = {}
) {
	const fields = input && typeof input === 'object' ? input : {};
	return moderateQuestion(db, actor, context, { ...fields, action: 'restore' }, clock);
}

type Applied = {
	changed: string[];
	decisions: { kind: DecisionKind; subject: string; payload: Record<string, unknown> }[];
	/** What the audit entry keeps besides the action (a merge: the votes it moved). */
	details?: Record<string, unknown>;
	/** A question the public saw (rejected or merged) that is awaiting approval again. */
	retracted?: string;
	/** The meeting's pinned question now (pin, unpin); written with the change count. */
	pinned?: string | null;
};

/**
 * Applies one moderation action; returns the ids of the questions it changed and what the
 * decision log must record of it.
 */
async function apply(
	tx: Executor,
	context: LiveContext,
	data: ModerateInput,
	officerId: string,
	now: Date
): Promise<Applied> {
	const meetingId = context.meeting.id;
	const number = context.meeting.number;
	if (data.action === 'unpin') return { changed: [], decisions: [], pinned: null };
	const q = await questionOf(tx as Database, context, data.questionId);
	switch (data.action) {
		case 'approve':
			await transition(tx, q.id, ['pending'], {
				state: 'published',
				publishedAt: now,
				moderatedAt: now
			});
			return { changed: [q.id], decisions: [] };
		case 'reject': {
			const rejected = await transition(tx, q.id, ['pending', 'published'], {
				state: 'rejected',
				rejectionReason: data.reason,
				rejectionNote: data.note ?? null,
				moderatedAt: now
			});
			const decision = moderationDecision('question.rejected', rejected, number, {
				reason: data.reason,
				note: data.note ?? null
			});
			return { changed: [q.id], decisions: [decision] };
		}
		case 'merge': {
			if (data.intoId === q.id) throw invalidField('intoId', 'question.merge_self');
			const target = await questionOf(tx as Database, context, data.intoId);
			if (target.state !== 'published') throw invalidField('intoId', 'question.merge_target');
			const merged = await transition(tx, q.id, ['pending', 'published'], {
				state: 'merged',
				mergedIntoId: target.id,
				rejectionReason: 'duplicate',
				moderatedAt: now
			});
			// Everyone who voted for the duplicate now votes for the survivor, once.
			const moved = await mergeVotes(tx, q.id, target.id);
			const decision = moderationDecision('question.merged', merged, number, {
				reason: 'duplicate',
				into: target.id
			});
			return {
				changed: [q.id, target.id],
				decisions: [decision],
				details: { into: target.id, ...moved }
			};
		}
		case 'restore': {
			const { restored, changed, decision } = await reinstateQuestion(tx, q, number, now);
			const retracted = restored.state === 'pending' ? q.id : undefined;
			return { changed, decisions: [decision], details: { was: q.state }, retracted };
		}
		case 'undo_status': {
			const { decision } = await undoAnswerStatus(tx, context.group.id, q, number, now);
			return { changed: [q.id], decisions: [decision], details: { undoes: q.answerStatus } };
		}
		case 'pin':
			if (q.state !== 'published') throw conflict('question.not_votable');
			return { changed: [], decisions: [], pinned: q.id };
		case 'status': {
			if (q.state !== 'published') throw conflict('question.not_votable');
			// The institution owes a written answer: the record keeps the question until it comes.
			if (q.answerStatus === 'written') throw conflict('written.undo');
			let commitment: typeof commitments.$inferSelect | undefined;
			let writtenDueOn: string | undefined;
			if (data.status === 'written') {
				writtenDueOn = data.dueOn ?? defaultDueOn(groupToday(context.group, now));
				await tx.insert(writtenQuestions).values({
					groupId: context.group.id,
					questionId: q.id,
					meetingId,
					text: q.text,
					askedBy: officerId,
					askedAt: now,
					dueOn: writtenDueOn
				});
			}
			if (data.status === 'deferred') {
				if (!data.owner) throw invalidField('owner', 'question.owner_needed');
				if (!data.dueOn) throw invalidField('dueOn', 'question.due_needed');
				[commitment] = await tx
					.insert(commitments)
					.values({
						meetingId,
						questionId: q.id,
						owner: data.owner,
						description: q.text,
						dueOn: data.dueOn,
						createdAt: now,
						createdBy: officerId,
						updatedAt: now,
						updatedBy: officerId
					})
					.returning();
			}
			const [answered] = await tx
				.update(questions)
				.set({ answerStatus: data.status, answerSummary: data.summary ?? null, answeredAt: now })
				.where(eq(questions.id, q.id))
				.returning();
			const decisions: Applied['decisions'] = [
				moderationDecision('question.answered', answered, number, {
					status: data.status,
					summary: data.summary ?? null,
					...(writtenDueOn ? { dueOn: writtenDueOn } : {})
				})
			];
			if (commitment) decisions.push(commitmentDecision('commitment.made', commitment, number));
			// A named asker hears of their question's fate once it settles (undone within ten
			// minutes, it tells nothing: notifications/content.ts reads it as it then stands).
			if (
				!q.anonymous &&
				q.askerUserId &&
				data.status !== 'not_answered' &&
				data.status !== 'declined'
			) {
				await recordNotice(tx, {
					groupId: context.group.id,
					kind: 'question.fate',
					subject: `question:${q.id}`,
					now
				});
			}
			return { changed: [q.id], decisions };
		}
	}
}

async function transition(
	tx: Executor,
	questionId: string,
	from: ('pending' | 'published')[],
	set: Partial<typeof questions.$inferInsert>
) {
	const [changed] = await tx
		.update(questions)
		.set(set)
		.where(and(eq(questions.id, questionId), inArray(questions.state, from)))
		.returning();
	if (!changed) throw conflict('question.already_moderated');
	return changed;
}

/** Open or pre-moderated questions, and the cap per participant. */
export async function updateLiveSettings(
	db: Database,
	actor: Participant,
	context: LiveContext,
	input: unknown
) {
	const officer = await authorise(db, actor, 'question.moderate', context.group.id);
	const data = parseInput(liveSettingsSchema, input);
	const meetingId = context.meeting.id;
	const seq = await db.transaction(async (tx) => {
		await recordAudit(tx, {
			actorId: officer.id,
			groupId: context.group.id,
			action: 'question.settings',
			subject: meetingId,
			details: data
		});
		return bumpSeq(tx, meetingId, data);
	});
	emit('meeting:changed', {
		meetingId,
		seq,
		meeting: toLiveMeeting(context.group, context.meeting, await liveSettings(db, meetingId))
	});
	return data;
}

/**
 * When a meeting closes, every published question still open is recorded as not reached, so it
 * surfaces under matters arising at the next meeting. Called in the closing transaction.
 */
export async function markQuestionsNotReached(tx: Executor, meetingId: string) {
	await tx
		.update(questions)
		.set({ answerStatus: 'not_reached' })
		.where(
			and(
				eq(questions.meetingId, meetingId),
				eq(questions.state, 'published'),
				eq(questions.answerStatus, 'open')
			)
		);
	await tx
		.update(meetingLive)
		.set({ pinnedQuestionId: null })
		.where(eq(meetingLive.meetingId, meetingId));
}

/** Tells a meeting's live pages its new state (it went live, or closed). */
export async function announceMeetingState(db: Executor, group: Group, meeting: Meeting) {
	const settings = await liveSettings(db, meeting.id);
	emit('meeting:changed', {
		meetingId: meeting.id,
		seq: settings.seq,
		meeting: toLiveMeeting(group, meeting, settings)
	});
}
