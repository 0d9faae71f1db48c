import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { questionRatings, questionVotes } from '../db/schema';
import { consume, limits } from '../auth/rate-limit';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { rateSchema, voteSchema } from '$lib/schemas/questions';
import { announceQuestion } from '../realtime/broadcast';
import {
	liveSettings,
	loadLiveQuestion,
	voteCounts,
	type LiveContext,
	type Participant
} from './live';
import { questionOf } from './ask';
import { voterKey } from './participant';
import { scheduleTally } from './tally';

/**
 * Votes for a question, or takes the vote back (`up: false`). Idempotent: the key (question,
 * voter) makes a double click, a second tab or a replayed event one vote. The count returned is
 * read after the write, so it is exact.
 */
export async function castVote(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	if (context.meeting.state !== 'live') throw conflict('question.not_live');
	const { questionId, up } = parseInput(voteSchema, input);
	const q = await questionOf(db, context, questionId);
	if (q.state !== 'published') throw conflict('question.not_votable');
	await consume(db, limits.votePerParticipant, participant.token);
	const key = voterKey(participant.token, context.meeting.id);
	if (up) {
		await db
			.insert(questionVotes)
			.values({ questionId: q.id, voterKey: key })
			.onConflictDoNothing();
	} else {
		await db
			.delete(questionVotes)
			.where(and(eq(questionVotes.questionId, q.id), eq(questionVotes.voterKey, key)));
	}
	scheduleTally(context.meeting.id, q.id);
	const voteCount = (await voteCounts(db, [q.id])).get(q.id) ?? 0;
	return { questionId: q.id, voteCount, voted: up };
}

/** Once an answer status is set, each participant may give the room's verdict (and change it). */
export async function rateAnswer(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	const { questionId, verdict } = parseInput(rateSchema, input);
	const q = await questionOf(db, context, questionId);
	if (q.state !== 'published' || q.answerStatus === 'open' || q.answerStatus === 'not_reached') {
		throw conflict('question.not_rateable');
	}
	await consume(db, limits.votePerParticipant, participant.token);
	const key = voterKey(participant.token, context.meeting.id);
	await db
		.insert(questionRatings)
		.values({ questionId: q.id, voterKey: key, verdict })
		.onConflictDoUpdate({
			target: [questionRatings.questionId, questionRatings.voterKey],
			set: { verdict, ratedAt: new Date() }
		});
	const question = await loadLiveQuestion(db, q.id);
	const { seq } = await liveSettings(db, context.meeting.id);
	announceQuestion(context.meeting.id, seq, question);
	return question;
}
