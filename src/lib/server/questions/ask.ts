import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { agendaItems, questions, type Question } from '../db/schema';
import { authorise } from '../auth/authorise';
import { consumeOffRecord, limits } from '../rate-limit';
import { conflict, invalidField, isUniqueViolation, notFound } from '../errors';
import { parseInput } from '../validation';
import { askSchema, floorQuestionSchema, questionRefSchema } from '$lib/schemas/questions';
import { emit } from '../events';
import {
	bumpSeq,
	liveSettings,
	loadLiveQuestion,
	type LiveContext,
	type Participant
} from './live';
import { actingIdentity, askerKey, idForRequest } from './participant';
import { requireTakingPart } from './participation';
import { recordAudit } from '../audit';
import { takesQuestions } from '$lib/questions-open';

/** Asking, voting, withdrawing and entering the room code: from scheduling (in advance) until the close. */
export function requireQuestionsOpen(context: Pick<LiveContext, 'meeting'>) {
	if (!takesQuestions(context.meeting.state)) throw conflict('question.not_open');
}

/**
 * An attendee asks. Named: with their account's name, or a name they type. Anonymous: nothing
 * about the asker is stored but a hash that only their own browser can reproduce.
 */
export async function askQuestion(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	requireQuestionsOpen(context);
	await requireTakingPart(db, participant, context);
	const data = parseInput(askSchema, input);
	const { meeting } = context;
	const name = data.anonymous ? null : (participant.user?.displayName ?? data.name ?? null);
	if (!data.anonymous && !name) throw invalidField('name', 'question.name_needed');
	if (data.agendaItemId) {
		const [item] = await db
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(and(eq(agendaItems.id, data.agendaItemId), eq(agendaItems.meetingId, meeting.id)));
		if (!item) throw invalidField('agendaItemId', 'validation.choice');
	}
	const identity = actingIdentity(participant);
	const id = data.requestId ? idForRequest(identity, data.requestId) : crypto.randomUUID();
	// The same request again: answered with the question it asked, counting nothing twice.
	const asked = data.requestId ? await existingQuestion(db, meeting.id, id) : undefined;
	if (asked) return asked;
	await consumeOffRecord(db, limits.askPerParticipant, identity);
	const settings = await liveSettings(db, meeting.id);
	const all = await db
		.select({ id: questions.id, askerKey: questions.askerKey })
		.from(questions)
		.where(eq(questions.meetingId, meeting.id));
	const mine = all.filter((q) => q.askerKey === askerKey(identity, q.id)).length;
	if (mine >= settings.questionCap) throw conflict('question.cap_reached');

	const state = settings.mode === 'premoderated' ? 'pending' : 'published';
	// An anonymous question's time is kept only to the minute: a finer one could be matched
	// against anything else the asker did at that second (docs/trust.md).
	const askedAt = new Date();
	if (data.anonymous) askedAt.setUTCSeconds(0, 0);
	let seq: number;
	try {
		seq = await insertQuestion();
	} catch (error) {
		// The same request sent twice at once: the other insert won; answer with its question.
		const other = data.requestId && isUniqueViolation(error);
		const won = other ? await existingQuestion(db, meeting.id, id) : undefined;
		if (won) return won;
		throw error;
	}
	const question = await loadLiveQuestion(db, id);
	emit('question:changed', { meetingId: meeting.id, seq, question });
	return question;

	function insertQuestion() {
		return db.transaction(async (tx) => {
			await tx.insert(questions).values({
				id,
				meetingId: meeting.id,
				agendaItemId: data.agendaItemId ?? null,
				text: data.text,
				anonymous: data.anonymous,
				askerUserId: data.anonymous ? null : (participant.user?.id ?? null),
				askerName: name,
				askerKey: askerKey(identity, id),
				source: 'app',
				state,
				askedAt,
				publishedAt: state === 'published' ? askedAt : null
			});
			return bumpSeq(tx, meeting.id);
		});
	}
}

/** This meeting's question `id`, as live pages show it, if it exists. */
async function existingQuestion(db: Database, meetingId: string, id: string) {
	const [row] = await db
		.select({ id: questions.id })
		.from(questions)
		.where(and(eq(questions.id, id), eq(questions.meetingId, meetingId)));
	return row ? loadLiveQuestion(db, id) : undefined;
}

/** The secretary records a question asked aloud in the room, so the record is complete. */
export async function recordFloorQuestion(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	const officer = await authorise(db, participant, 'question.moderate', context.group.id);
	if (context.meeting.state !== 'live' && context.meeting.state !== 'closed')
		throw conflict('question.not_live');
	const data = parseInput(floorQuestionSchema, input);
	// The same request sent again (a double click) records the question once.
	const id = data.requestId ? idForRequest(officer.id, data.requestId) : crypto.randomUUID();
	const seq = await db.transaction(async (tx) => {
		const [recorded] = await tx
			.insert(questions)
			.values({
				id,
				meetingId: context.meeting.id,
				text: data.text,
				anonymous: !data.name,
				askerName: data.name ?? null,
				source: 'floor',
				state: 'published',
				publishedAt: new Date()
			})
			.onConflictDoNothing({ target: questions.id })
			.returning({ id: questions.id });
		if (!recorded) return undefined; // sent before: it is this meeting's (checked below)
		await recordAudit(tx, {
			actorId: officer.id,
			groupId: context.group.id,
			action: 'question.floor',
			subject: id
		});
		return bumpSeq(tx, context.meeting.id);
	});
	if (seq === undefined) await questionOf(db, context, id);
	const question = await loadLiveQuestion(db, id);
	if (seq !== undefined) emit('question:changed', { meetingId: context.meeting.id, seq, question });
	return question;
}

/** Loads a question of this meeting, or a 404. */
export async function questionOf(
	db: Database,
	context: LiveContext,
	questionId: string
): Promise<Question> {
	const [q] = await db
		.select()
		.from(questions)
		.where(and(eq(questions.id, questionId), eq(questions.meetingId, context.meeting.id)));
	if (!q) throw notFound('question.not_found');
	return q;
}

/** The asker takes their question back (while the meeting is live and it is not yet answered). */
export async function withdrawQuestion(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	requireQuestionsOpen(context);
	await requireTakingPart(db, participant, context);
	const { questionId } = parseInput(questionRefSchema, input);
	const q = await questionOf(db, context, questionId);
	if (!q.askerKey || q.askerKey !== askerKey(actingIdentity(participant), q.id))
		throw notFound('question.not_found');
	const seq = await db.transaction(async (tx) => {
		const changed = await tx
			.update(questions)
			.set({ state: 'withdrawn' })
			.where(
				and(
					eq(questions.id, q.id),
					eq(questions.answerStatus, 'open'),
					inArray(questions.state, ['pending', 'published'])
				)
			)
			.returning({ id: questions.id });
		if (!changed.length) throw conflict('question.already_answered');
		return bumpSeq(tx, context.meeting.id);
	});
	const question = await loadLiveQuestion(db, q.id);
	emit('question:changed', { meetingId: context.meeting.id, seq, question });
	return question;
}
