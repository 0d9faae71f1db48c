/**
 * The Redis client through which app instances share hot state (with REDIS_URL): the vote limit
 * (rate-limit.ts) and each meeting's tally window (realtime/tally.ts). Set by the realtime
 * layer once its clients exist; without it, or while Redis is away, each caller has a fallback
 * (the database counts limits, each instance keeps its own tally window).
 */

/** What Openfloor needs of a node-redis client: transactions of these commands. */
export type RedisMulti = {
	incr(key: string): RedisMulti;
	expire(key: string, seconds: number): RedisMulti;
	sAdd(key: string, member: string): RedisMulti;
	sMembers(key: string): RedisMulti;
	set(
		key: string,
		value: string,
		options: { condition: 'NX'; expiration: { type: 'PX'; value: number } }
	): RedisMulti;
	del(key: string): RedisMulti;
	exec(): Promise<unknown[]>;
};
export type SharedRedis = { isReady: boolean; multi(): RedisMulti };

const shared = ((
	globalThis as { openfloorSharedRedis?: { redis?: SharedRedis } }
).openfloorSharedRedis ??= {});

/** Shares hot state through this client from now on; `undefined` goes back to one instance. */
export function useSharedRedis(client: SharedRedis | undefined) {
	shared.redis = client;
}

/** How long a Redis round trip may take before the caller's fallback is used instead. */
const redisTimeoutMs = 500;

/**
 * Runs one transaction on the shared Redis: its replies, or `undefined` when there is no Redis,
 * it is not connected (commands would queue until it returns) or it failed or took too long.
 */
export async function redisTransaction(
	build: (multi: RedisMulti) => RedisMulti
): Promise<unknown[] | undefined> {
	const redis = shared.redis;
	if (!redis?.isReady) return undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		return await Promise.race([
			build(redis.multi()).exec(),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('Redis timed out')), redisTimeoutMs);
			})
		]);
	} catch {
		return undefined;
	} finally {
		clearTimeout(timer);
	}
}
