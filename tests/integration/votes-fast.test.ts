import { eq } from 'drizzle-orm';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachDatabase, freshPostgres } from '../fixtures/databases';
import { actorOf } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { questionVotes, rateLimits } from '$lib/server/db/schema';
import { changeMeetingState } from '$lib/server/meetings/meetings';
import { askQuestion } from '$lib/server/questions/ask';
import { castVote } from '$lib/server/questions/votes';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { limits } from '$lib/server/rate-limit';
import { useSharedRedis, type SharedRedis } from '$lib/server/shared-redis';
import type { Database, DatabaseHandle } from '$lib/server/db';

const redisUrl = process.env.REDIS_URL;

async function votesOf(db: Database, questionId: string) {
	return (await db.select().from(questionVotes).where(eq(questionVotes.questionId, questionId)))
		.length;
}

/** Votes `limits.votePerParticipant.max` times, then once more: the last is refused. */
async function spendVoteLimit(db: Database) {
	const live = await liveMeeting(db);
	const context = await live.context();
	const q = await askQuestion(db, attendee(), context, { text: 'Counted?', anonymous: true });
	const rowsBefore = (await db.select().from(rateLimits)).length;
	// The limit counts in fixed windows of a minute on the clock: start early in one, so all the
	// votes fall in the same window however slow the machine.
	const window = limits.votePerParticipant.windowSeconds * 1000;
	const left = window - (Date.now() % window);
	if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
	const voter = attendee();
	for (let i = 0; i < limits.votePerParticipant.max; i++) {
		await castVote(db, voter, context, { questionId: q.id, up: i % 2 === 0 });
	}
	const refused = await failure(castVote(db, voter, context, { questionId: q.id }));
	// Another participant is not affected.
	const other = await castVote(db, attendee(), context, { questionId: q.id });
	/** Counters the votes added in the database. */
	const rows = (await db.select().from(rateLimits)).length - rowsBefore;
	return { refused, other, rows };
}

describeOnEachDatabase('the vote path', (handle) => {
	it('checks the meeting and the question in the write itself, even with a stale context', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const stale = await live.context();
		const q = await askQuestion(db, attendee(), stale, { text: 'Still open?', anonymous: true });
		const rejected = await askQuestion(db, attendee(), stale, {
			text: 'Off topic',
			anonymous: true
		});
		await moderateQuestion(db, live.chairParticipant, stale, {
			action: 'reject',
			questionId: rejected.id,
			reason: 'off_topic'
		});
		const voter = attendee();
		expect(await castVote(db, voter, stale, { questionId: q.id })).toMatchObject({
			voteCount: 1,
			voted: true
		});
		// A repeated vote changes nothing and still answers the exact count.
		expect((await castVote(db, voter, stale, { questionId: q.id })).voteCount).toBe(1);
		expect((await failure(castVote(db, voter, stale, { questionId: rejected.id }))).msg.key).toBe(
			'question.not_votable'
		);
		expect(
			(await failure(castVote(db, voter, stale, { questionId: crypto.randomUUID() }))).code
		).toBe('not_found');

		await changeMeetingState(db, actorOf(live.chair), live.group.slug, live.meeting.number, {
			state: 'closed'
		});
		// The context still says live: the statement itself refuses, and nothing is written.
		expect(stale.meeting.state).toBe('live');
		for (const up of [true, false]) {
			expect(
				(await failure(castVote(db, attendee(), stale, { questionId: q.id, up }))).msg.key
			).toBe('question.not_open');
		}
		expect(
			(await failure(castVote(db, voter, stale, { questionId: q.id, up: false }))).msg.key
		).toBe('question.not_open');
		expect(await votesOf(db, q.id)).toBe(1);
	});

	it('limits votes per participant without Redis, in memory: never a row in the database', async () => {
		const { db } = handle();
		useSharedRedis(undefined);
		const { refused, other, rows } = await spendVoteLimit(db);
		expect(refused.code).toBe('rate_limited');
		expect(refused.retryAfter).toBeGreaterThan(0);
		expect(refused.retryAfter).toBeLessThanOrEqual(limits.votePerParticipant.windowSeconds);
		expect(other.voted).toBe(true);
		// A participant's limits never leave a row whose times could link their named question
		// to their anonymous one (docs/trust.md): counted in this process's memory.
		expect(rows).toBe(0);
	});
});

// Redis shares the vote limit between instances, which share a PostgreSQL database (the embedded
// database has one process and counts in its memory, as above).
const postgresUrl = process.env.DATABASE_URL;

describe.runIf(redisUrl && postgresUrl)('the vote limit in Redis [postgres]', () => {
	const client = createClient({ url: redisUrl });
	let handle: DatabaseHandle;
	const limitKeys = async () => (await client.keys('openfloor:limit:*')).length;

	beforeAll(async () => {
		await client.connect();
		useSharedRedis(client as unknown as SharedRedis);
		handle = await freshPostgres(postgresUrl!);
	});

	afterAll(async () => {
		useSharedRedis(undefined);
		client.destroy();
		await handle?.close();
	});

	it('counts votes in Redis, not in the database, and still refuses the one too many', async () => {
		const keysBefore = await limitKeys();
		const { refused, other, rows } = await spendVoteLimit(handle.db);
		expect(refused.code).toBe('rate_limited');
		expect(refused.retryAfter).toBeGreaterThan(0);
		expect(refused.retryAfter).toBeLessThanOrEqual(limits.votePerParticipant.windowSeconds);
		expect(other.voted).toBe(true);
		expect(rows).toBe(0);
		// One window per participant who voted (other files may be adding theirs meanwhile).
		expect(await limitKeys()).toBeGreaterThanOrEqual(keysBefore + 2);
	});

	it('falls back to memory, never the database, when Redis is not reachable', async () => {
		useSharedRedis({ ...client, isReady: false } as unknown as SharedRedis);
		try {
			const { refused, rows } = await spendVoteLimit(handle.db);
			expect(refused.code).toBe('rate_limited');
			expect(rows).toBe(0);
		} finally {
			useSharedRedis(client as unknown as SharedRedis);
		}
	});
});
