import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db';
import { questionRatings } from '../db/schema';
import { consumeOffRecord, limits } from '../rate-limit';
import { conflict, notFound } from '../errors';
import { parseInput } from '../validation';
import { rateSchema, voteSchema } from '$lib/schemas/questions';
import { emit } from '../events';
import { countVote } from '../metrics';
import { liveSettings, loadLiveQuestion, type LiveContext, type Participant } from './live';
import { questionOf } from './ask';
import { actingIdentity, isNewParticipant, voterKey } from './participant';
import { requireTakingPart, takingPartCondition, type ParticipationRule } from './participation';
import { questionStates, takesQuestions } from '$lib/questions-open';
import type { Meeting } from '../db/schema';
import { countPublicChange, votesOf } from '../public-cache/versions';

/** `takesQuestions` as a condition on the meeting `m`: the vote statement checks it at the write. */
const questionsOpenSql = sql.raw(`m.state in (${questionStates.map((s) => `'${s}'`).join(', ')})`);

/** All a vote needs of its meeting (a socket keeps just this, to stay small). */
export type VoteContext = {
	meeting: Pick<LiveContext['meeting'], 'id' | 'state' | 'groupId'>;
	canModerate: boolean;
};

/**
 * Votes for a question, or takes the vote back (`up: false`). Idempotent: the key (question,
 * voter) makes a double click, a second tab or a replayed event one vote. The count returned is
 * exact as of the write and includes it.
 *
 * The participant's vote limit is counted off the database (`consumeOffRecord`: no row links a
 * participant's actions by time); then one statement checks that the question is published in
 * this meeting and its meeting taking questions, writes and counts. Because the write checks the meeting
 * itself, a context read earlier (kept on a socket) can never let a vote into a closed meeting. Only when the write changed nothing does a second
 * query tell a repeated vote from an unknown question, a closed meeting or a rejected question.
 */
export async function castVote(
	db: Database,
	participant: Participant,
	context: VoteContext,
	input: unknown
) {
	if (!takesQuestions(context.meeting.state)) throw conflict('question.not_open');
	const { questionId, up } = parseInput(voteSchema, input);
	const identity = actingIdentity(participant);
	await consumeOffRecord(db, limits.votePerParticipant, identity);
	const meetingId = context.meeting.id;
	const key = voterKey(identity, meetingId);
	const votable = sql`q.id = ${questionId} and q.meeting_id = ${meetingId}
		and q.state = 'published' and ${questionsOpenSql}
		and ${takingPartCondition(participant, meetingId, context.canModerate)}`;
	const change = up
		? sql`insert into question_votes (question_id, voter_key, from_new_participant)
			select q.id, ${key}, ${!participant.user && isNewParticipant(participant.token)}
			from questions q join meetings m on m.id = q.meeting_id
			where ${votable}
			on conflict do nothing returning 1`
		: sql`delete from question_votes v using questions q join meetings m on m.id = q.meeting_id
			where v.question_id = q.id and v.voter_key = ${key} and ${votable} returning 1`;
	// The count is read in the statement's snapshot, which does not yet see its own change.
	const [written] = rowsOf<{ changed: number; before: number }>(
		await db.execute(sql`with change as (${change}),
			counted as (insert into public_changes (scope)
				select ${votesOf(context.meeting.groupId)} from change limit 1)
			select (select count(*) from change)::int as changed,
				(select count(*) from question_votes where question_id = ${questionId})::int as before`)
	);
	const changed = Number(written.changed);
	if (!changed) await refuseVote(db, participant, context, questionId);
	else if (up) countVote();
	emit('vote:counted', { meetingId, questionId });
	const voteCount = Number(written.before) + (up ? changed : -changed);
	return { questionId, voteCount, voted: up };
}

/** Why a vote changed nothing: an error, or nothing (the vote was already there, or already gone). */
async function refuseVote(
	db: Database,
	participant: Participant,
	context: VoteContext,
	questionId: string
) {
	const [row] = rowsOf<{
		groupId: string;
		participation: ParticipationRule;
		meetingState: Meeting['state'];
		questionState: string | null;
	}>(
		await db.execute(sql`select m.group_id as "groupId", m.participation,
				m.state as "meetingState", q.state as "questionState"
			from meetings m left join questions q on q.id = ${questionId} and q.meeting_id = m.id
			where m.id = ${context.meeting.id}`)
	);
	if (!row || !takesQuestions(row.meetingState)) throw conflict('question.not_open');
	if (!row.questionState) throw notFound('question.not_found');
	if (row.questionState !== 'published') throw conflict('question.not_votable');
	await requireTakingPart(db, participant, {
		group: { id: row.groupId },
		meeting: { id: context.meeting.id, participation: row.participation },
		canModerate: context.canModerate
	});
}

/**
 * Once an answer status is set, each participant may give the room's verdict (and change it). A
 * question sent for a written answer has no answer yet: its verdict is on the written answer.
 */
export async function rateAnswer(
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
) {
	const { questionId, verdict } = parseInput(rateSchema, input);
	await requireTakingPart(db, participant, context);
	const q = await questionOf(db, context, questionId);
	const unanswered = ['open', 'not_reached', 'written'];
	if (q.state !== 'published' || unanswered.includes(q.answerStatus)) {
		throw conflict('question.not_rateable');
	}
	const identity = actingIdentity(participant);
	await consumeOffRecord(db, limits.votePerParticipant, identity);
	const key = voterKey(identity, context.meeting.id);
	await db.transaction(async (tx) => {
		await tx
			.insert(questionRatings)
			.values({ questionId: q.id, voterKey: key, verdict })
			.onConflictDoUpdate({
				target: [questionRatings.questionId, questionRatings.voterKey],
				set: { verdict, ratedAt: new Date() }
			});
		await countPublicChange(tx, votesOf(context.meeting.groupId));
	});
	const question = await loadLiveQuestion(db, q.id);
	const { seq } = await liveSettings(db, context.meeting.id);
	emit('question:changed', { meetingId: context.meeting.id, seq, question });
	return question;
}
