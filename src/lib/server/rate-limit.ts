import { sql } from 'drizzle-orm';
import { isEmbedded, rowsOf, type Executor } from './db';
import { redisTransaction } from './shared-redis';
import { rateLimits } from './db/schema';
import { rateLimited } from './errors';
import { config } from './config';
import { keyedHash } from './secrets';

export type Limit = { name: string; max: number; windowSeconds: number };

/**
 * Limits on writes open to the public. Counted in the database, so every instance shares them
 * (the hot path's, votes and ratings, off it where they can be: see `consumeHot`).
 */
export const limits = {
	loginPerAccount: { name: 'login-account', max: 10, windowSeconds: 15 * 60 },
	loginPerClient: { name: 'login-client', max: 30, windowSeconds: 15 * 60 },
	/** Sign-in from a device that has signed in to the account before (instead of the two above). */
	loginPerDevice: { name: 'login-device', max: 10, windowSeconds: 15 * 60 },
	signupPerClient: { name: 'signup-client', max: 10, windowSeconds: 60 * 60 },
	applyPerAccount: { name: 'apply-account', max: 5, windowSeconds: 60 * 60 },
	/** Confirmation links asked for again, and address changes. */
	accountLinkPerAccount: { name: 'account-link-account', max: 5, windowSeconds: 60 * 60 },
	passwordResetPerClient: { name: 'reset-client', max: 10, windowSeconds: 60 * 60 },
	/** Reset links sent to one address: a mailbox cannot be flooded from many clients. */
	passwordResetPerAddress: { name: 'reset-address', max: 3, windowSeconds: 60 * 60 },
	askPerParticipant: { name: 'ask-participant', max: 5, windowSeconds: 10 * 60 },
	votePerParticipant: { name: 'vote-participant', max: 120, windowSeconds: 60 },
	/**
	 * Wrong room codes from one client address (a whole hall may share one, and right codes do not
	 * count, so a hall of any size gets in).
	 */
	roomCodePerClient: { name: 'room-code-client', max: 300, windowSeconds: 10 * 60 },
	roomCodePerParticipant: { name: 'room-code-participant', max: 10, windowSeconds: 10 * 60 },
	correctionPerAccount: { name: 'correction-account', max: 5, windowSeconds: 60 * 60 },
	/** Questions asked in writing: each is owed an answer on the public ledger. */
	writtenPerAccount: { name: 'written-account', max: 10, windowSeconds: 24 * 60 * 60 },
	/** Following a group with an address alone (each sends an opt-in link). */
	followPerClient: { name: 'follow-client', max: 10, windowSeconds: 60 * 60 },
	/** Opt-in links sent to one address: a mailbox cannot be flooded from many clients. */
	followPerAddress: { name: 'follow-address', max: 3, windowSeconds: 60 * 60 },
	/** Invitations to act for an organisation (each will send an email). */
	invitePerAccount: { name: 'invite-account', max: 20, windowSeconds: 24 * 60 * 60 }
} satisfies Record<string, Limit>;

/** Keyed (secrets.ts): a row names no address or participant that the database could reveal. */
/**
 * Participant tokens issued to one client address: room for a hall on one Wi-Fi, where everyone
 * shares one public address (PARTICIPANTS_PER_CLIENT_HOUR, 2,000 by default: docs/trust.md).
 */
export const participantsPerClient = (): Limit => ({
	name: 'participant-client',
	max: config().participantsPerClientHour,
	windowSeconds: 60 * 60
});

function keyOf(limit: Limit, subject: string) {
	return keyedHash('limit', limit.name, subject);
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
 * Refuses, without counting, a `subject` whose allowance under `limit` is already spent: for a
 * limit counted only on failure (a wrong room code), checked before the attempt so that a right
 * answer cannot be told from a wrong one once the limit is reached.
 */
export async function refuseIfSpent(db: Executor, limit: Limit, subject: string): Promise<void> {
	const window = sql.raw(`interval '${Math.floor(limit.windowSeconds)} seconds'`);
	const [row] = rowsOf<{ count: number; retry_after: number }>(
		await db.execute(sql`select count,
			ceil(extract(epoch from (window_start + ${window} - now())))::int as retry_after
			from rate_limits where key = ${keyOf(limit, subject)} and window_start > now() - ${window}`)
	);
	if (row && Number(row.count) >= limit.max) {
		throw rateLimited(Math.max(1, Number(row.retry_after)));
	}
}

/**
 * Fixed windows counted in this process's memory, by hashed limit and subject: the window's end
 * (seconds) and its count. Only for the embedded database, which one process alone opens (its
 * lock), so no other instance needs these counts.
 */
const inMemory = new Map<string, { ends: number; count: number }>();
let untilSweep = 1000;

/** The fixed window of `limit` that `now` (seconds) falls in: its number and its end. */
function fixedWindow(limit: Limit, now: number) {
	const index = Math.floor(now / limit.windowSeconds);
	return { index, ends: (index + 1) * limit.windowSeconds };
}

/** The refusal of an attempt over the limit, until the window ends (at least a second). */
const refusedUntil = (ends: number, now: number) => rateLimited(Math.max(1, Math.ceil(ends - now)));

/** Counts one attempt in a fixed window (see `consumeHot`); throws `rate_limited` when over. */
function consumeInMemory(limit: Limit, subject: string, now = Date.now() / 1000) {
	if (--untilSweep <= 0) sweep(now);
	const key = keyOf(limit, subject);
	let entry = inMemory.get(key);
	if (!entry || entry.ends <= now) {
		entry = { ends: fixedWindow(limit, now).ends, count: 0 };
		inMemory.set(key, entry);
	}
	if (++entry.count > limit.max) throw refusedUntil(entry.ends, now);
}

/** Drops the windows that have ended, now and then, so memory follows the active participants. */
function sweep(now: number) {
	untilSweep = 1000;
	for (const [key, entry] of inMemory) if (entry.ends <= now) inMemory.delete(key);
}

/**
 * For limits on the hot path (votes, ratings): counts the attempt off the database where it can
 * and returns true (or throws `rate_limited`): in this process's memory on the embedded database
 * (one process), else in Redis when it is configured and reachable (INCR and EXPIRE in one MULTI,
 * shared by every instance). Returns false when the database must count instead (PostgreSQL
 * without Redis, or Redis away or slow).
 */
export async function consumeHot(db: Executor, limit: Limit, subject: string): Promise<boolean> {
	if (isEmbedded(db)) {
		consumeInMemory(limit, subject);
		return true;
	}
	const now = Date.now() / 1000;
	const window = fixedWindow(limit, now);
	const key = `openfloor:limit:${keyOf(limit, subject)}:${window.index}`;
	const replies = await redisTransaction((multi) =>
		multi.incr(key).expire(key, limit.windowSeconds)
	);
	if (!replies) return false; // the database counts instead
	if (Number(replies[0]) > limit.max) throw refusedUntil(window.ends, now);
	return true;
}

/**
 * For limits on a participant (asking, voting, rating): counted in Redis when it is reachable,
 * else in this process's memory, and **never in the database**: a row there, with its times,
 * could link a participant's named question to their anonymous one (docs/trust.md). Without
 * Redis, several instances each count their own (a brief Redis outage loosens the limit, it
 * never stores it).
 */
export async function consumeOffRecord(db: Executor, limit: Limit, subject: string) {
	if (!(await consumeHot(db, limit, subject))) consumeInMemory(limit, subject);
}

/** Forgets the attempts counted for a subject (a successful sign-in clears its account's count). */
export async function reset(db: Executor, limit: Limit, subject: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${keyOf(limit, subject)}`);
}

/** Drops windows that ended long ago; called now and then, never on a request's path. */
export async function pruneRateLimits(db: Executor) {
	await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < now() - interval '1 day'`);
}
