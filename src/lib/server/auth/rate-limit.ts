import { sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Executor } from '../db';
import { rateLimits } from '../db/schema';
import { isDomainError, rateLimited } from '../errors';

export type Limit = { name: string; max: number; windowSeconds: number };

/** Limits on writes open to the public. Counted in the database, so every instance shares them. */
export const limits = {
	loginPerAccount: { name: 'login-account', max: 10, windowSeconds: 15 * 60 },
	loginPerClient: { name: 'login-client', max: 30, windowSeconds: 15 * 60 },
	signupPerClient: { name: 'signup-client', max: 10, windowSeconds: 60 * 60 },
	applyPerAccount: { name: 'apply-account', max: 5, windowSeconds: 60 * 60 },
	askPerParticipant: { name: 'ask-participant', max: 5, windowSeconds: 10 * 60 },
	votePerParticipant: { name: 'vote-participant', max: 120, windowSeconds: 60 }
} satisfies Record<string, Limit>;

function keyOf(limit: Limit, subject: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`${limit.name}\n${subject}`)));
}

/**
 * Counts one attempt against `limit` for `subject` (an account, a client address, a participant)
 * and throws `rate_limited` once the window's allowance is spent. One statement: exact under
 * concurrency on either database.
 */
export async function consume(db: Executor, limit: Limit, subject: string): Promise<void> {
	const key = keyOf(limit, subject);
	const window = sql.raw(`interval '${Math.floor(limit.windowSeconds)} seconds'`);
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: sql`now()`, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} <= now() - ${window} then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${rateLimits.windowStart} <= now() - ${window} then now() else ${rateLimits.windowStart} end`
			}
		})
		.returning({
			count: rateLimits.count,
			retryAfter: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + ${window} - now())))::int`
		});
	if (row.count > limit.max) throw rateLimited(Math.max(1, row.retryAfter));
}

/** What the limits need of a Redis client (node-redis): a transaction of INCR and EXPIRE. */
export type LimitStore = {
	isReady: boolean;
	multi(): {
		incr(key: string): { expire(key: string, seconds: number): { exec(): Promise<unknown[]> } };
	};
};

const shared = ((
	globalThis as { openfloorLimitStore?: { redis?: LimitStore } }
).openfloorLimitStore ??= {});

/** Counts hot limits (votes, ratings) in Redis from now on; `undefined` goes back to the database. */
export function useRedisForLimits(store: LimitStore | undefined) {
	shared.redis = store;
}

/** How long a Redis round trip may take before the database counts instead. */
const redisTimeoutMs = 500;

/**
 * Like `consume`, for limits on the hot path: with Redis configured and reachable, a fixed window
 * counted with INCR and EXPIRE in one MULTI, shared by every instance and off the database;
 * otherwise (no REDIS_URL, Redis away or slow) the database's counter.
 */
export async function consumeFast(db: Executor, limit: Limit, subject: string): Promise<void> {
	const redis = shared.redis;
	if (redis?.isReady) {
		const now = Date.now() / 1000;
		const window = Math.floor(now / limit.windowSeconds);
		const key = `openfloor:limit:${keyOf(limit, subject)}:${window}`;
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			const replies = await Promise.race([
				redis.multi().incr(key).expire(key, limit.windowSeconds).exec(),
				new Promise<never>((_, reject) => {
					timer = setTimeout(() => reject(new Error('Redis timed out')), redisTimeoutMs);
				})
			]);
			if (Number(replies[0]) > limit.max) {
				throw rateLimited(Math.max(1, Math.ceil((window + 1) * limit.windowSeconds - now)));
			}
			return;
		} catch (error) {
			if (isDomainError(error)) throw error;
			// Redis failed: count in the database instead.
		} finally {
			clearTimeout(timer);
		}
	}
	await consume(db, limit, subject);
}

/** Forgets the attempts counted for a subject (a successful sign-in clears its account's count). */
export async function reset(db: Executor, limit: Limit, subject: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${keyOf(limit, subject)}`);
}

/** Drops windows that ended long ago; called now and then, never on a request's path. */
export async function pruneRateLimits(db: Executor) {
	await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < now() - interval '1 day'`);
}
