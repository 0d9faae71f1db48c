import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { commitments, meetings, questions, questionVotes, type Group } from '../db/schema';
import { held } from './items';

export type MeetingFigures = {
	number: number;
	title: string;
	startsAt: string;
	/** Published questions; a merged duplicate counts once, in the question it joined. */
	questionsAsked: number;
	/** The (up to) ten published questions with most votes; ties go to the earlier asked. */
	topTen: number;
	/** How many of those the chair recorded as answered (partly answered does not count). */
	topTenAnswered: number;
	/** topTenAnswered / topTen, or null when no question was asked. */
	topTenShare: number | null;
	commitmentsMade: number;
	/** Actions made at the meeting that are now done. */
	commitmentsKept: number;
};

/** Per held meeting (live or closed), oldest first: three grouped queries. */
export async function meetingFigures(db: Executor, group: Group): Promise<MeetingFigures[]> {
	const inGroup = and(eq(meetings.groupId, group.id), inArray(meetings.state, [...held]));
	const votes = db
		.select({
			questionId: questionVotes.questionId,
			n: sql<number>`count(*)::int`.as('n')
		})
		.from(questionVotes)
		.innerJoin(questions, eq(questions.id, questionVotes.questionId))
		.innerJoin(meetings, eq(questions.meetingId, meetings.id))
		.where(inGroup)
		.groupBy(questionVotes.questionId)
		.as('votes');
	const ranked = db
		.select({
			meetingId: sql<string>`${questions.meetingId}`.as('meeting_id'),
			answerStatus: sql<string>`${questions.answerStatus}`.as('answer_status'),
			rank: sql<number>`row_number() over (
				partition by ${questions.meetingId}
				order by coalesce(${votes.n}, 0) desc, ${questions.askedAt}, ${questions.id}
			)`.as('rank')
		})
		.from(questions)
		.innerJoin(meetings, eq(questions.meetingId, meetings.id))
		.leftJoin(votes, eq(votes.questionId, questions.id))
		.where(and(inGroup, eq(questions.state, 'published')))
		.as('ranked');
	const [heldMeetings, questionStats, actionStats] = await Promise.all([
		db
			.select({
				id: meetings.id,
				number: meetings.number,
				title: meetings.title,
				startsAt: meetings.startsAt
			})
			.from(meetings)
			.where(inGroup)
			.orderBy(asc(meetings.number)),
		db
			.select({
				meetingId: ranked.meetingId,
				asked: sql<number>`count(*)::int`,
				topTen: sql<number>`(count(*) filter (where ${ranked.rank} <= 10))::int`,
				topTenAnswered: sql<number>`(count(*) filter (where ${ranked.rank} <= 10 and ${ranked.answerStatus} = 'answered'))::int`
			})
			.from(ranked)
			.groupBy(ranked.meetingId),
		db
			.select({
				meetingId: commitments.meetingId,
				made: sql<number>`count(*)::int`,
				kept: sql<number>`(count(*) filter (where ${commitments.status} = 'done'))::int`
			})
			.from(commitments)
			.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
			.where(inGroup)
			.groupBy(commitments.meetingId)
	]);
	const q = new Map(questionStats.map((r) => [r.meetingId, r]));
	const a = new Map(actionStats.map((r) => [r.meetingId, r]));
	return heldMeetings.map((m) => {
		const qs = q.get(m.id);
		const as = a.get(m.id);
		const topTen = Number(qs?.topTen ?? 0);
		const topTenAnswered = Number(qs?.topTenAnswered ?? 0);
		return {
			number: m.number,
			title: m.title,
			startsAt: m.startsAt.toISOString(),
			questionsAsked: Number(qs?.asked ?? 0),
			topTen,
			topTenAnswered,
			topTenShare: topTen ? topTenAnswered / topTen : null,
			commitmentsMade: Number(as?.made ?? 0),
			commitmentsKept: Number(as?.kept ?? 0)
		};
	});
}
