import { sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { rowsOf, type Executor } from '../db';
import { redisTransaction } from '../shared-redis';
import { rateLimits } from '../db/schema';
import { rateLimited } from '../errors';

export type Limit = { name: string; max: number; windowSeconds: number };

/** Limits on writes open to the public. Counted in the database, so every instance shares them. */
export const limits = {
	loginPerAccount: { name: 'login-account', max: 10, windowSeconds: 15 * 60 },
	loginPerClient: { name: 'login-client', max: 30, windowSeconds: 15 * 60 },
	signupPerClient: { name: 'signup-client', max: 10, windowSeconds: 60 * 60 },
	applyPerAccount: { name: 'apply-account', max: 5, windowSeconds: 60 * 60 },
	askPerParticipant: { name: 'ask-participant', max: 5, windowSeconds: 10 * 60 },
	votePerParticipant: { name: 'vote-participant', max: 120, windowSeconds: 60 },
	correctionPerAccount: { name: 'correction-account', max: 5, windowSeconds: 60 * 60 }
} satisfies Record<string, Limit>;

function keyOf(limit: Limit, subject: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`${limit.name}\n${subject}`)));
}

/**
 * The statement that counts one attempt against `limit` for `subject`, returning the window's
 * `count` and the seconds until it ends (`retry_after`). One statement: exact under concurrency
 * on either database. Hot paths embed it in their own write (see `castVote`).
 */
export function attemptStatement(limit: Limit, subject: string) {
	const window = sql.raw(`interval '${Math.floor(limit.windowSeconds)} seconds'`);
	return sql`insert into rate_limits (key, window_start, count)
		values (${keyOf(limit, subject)}, now(), 1)
		on conflict (key) do update set
			count = case when rate_limits.window_start <= now() - ${window}
				then 1 else rate_limits.count + 1 end,
			window_start = case when rate_limits.window_start <= now() - ${window}
				then now() else rate_limits.window_start end
		returning count, ceil(extract(epoch from (window_start + ${window} - now())))::int as retry_after`;
}

/** Throws `rate_limited` when an attempt counted by `attemptStatement` went over the limit. */
export function refuseOverLimit(limit: Limit, row: { count: number; retry_after: number }) {
	if (Number(row.count) > limit.max) throw rateLimited(Math.max(1, Number(row.retry_after)));
}

/**
 * Counts one attempt against `limit` for `subject` (an account, a client address, a participant)
 * and throws `rate_limited` once the window's allowance is spent.
 */
export async function consume(db: Executor, limit: Limit, subject: string): Promise<void> {
	const [row] = rowsOf<{ count: number; retry_after: number }>(
		await db.execute(attemptStatement(limit, subject))
	);
	refuseOverLimit(limit, row);
}

/**
 * For limits on the hot path: with Redis configured and reachable, counts the attempt in a fixed
 * window with INCR and EXPIRE in one MULTI, shared by every instance and off the database, and
 * returns true (or throws `rate_limited`). Returns false when the database must count instead
 * (no REDIS_URL, Redis away or slow).
 */
export async function consumeInRedis(limit: Limit, subject: string): Promise<boolean> {
	const now = Date.now() / 1000;
	const window = Math.floor(now / limit.windowSeconds);
	const key = `openfloor:limit:${keyOf(limit, subject)}:${window}`;
	const replies = await redisTransaction((multi) =>
		multi.incr(key).expire(key, limit.windowSeconds)
	);
	if (!replies) return false; // the database counts instead
	if (Number(replies[0]) > limit.max) {
		throw rateLimited(Math.max(1, Math.ceil((window + 1) * limit.windowSeconds - now)));
	}
	return true;
}

/** Like `consume`, counted in Redis when it can be (see `consumeInRedis`). */
export async function consumeFast(db: Executor, limit: Limit, subject: string): Promise<void> {
	if (!(await consumeInRedis(limit, subject))) await consume(db, limit, subject);
}

/** Forgets the attempts counted for a subject (a successful sign-in clears its account's count). */
export async function reset(db: Executor, limit: Limit, subject: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${keyOf(limit, subject)}`);
}

/** Drops windows that ended long ago; called now and then, never on a request's path. */
export async function pruneRateLimits(db: Executor) {
	await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < now() - interval '1 day'`);
}
