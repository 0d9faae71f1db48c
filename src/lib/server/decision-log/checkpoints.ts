import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db';
import {
	checkpointCountersignatures,
	decisionLog,
	groups,
	logCheckpoints,
	type Group,
	type LogCheckpointRow
} from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { getGroup } from '../groups/groups';
import { actingMembership } from '../meetings/members';
import type { Clock } from '../clock';
import { lockGroup } from './log';
import type { SignedCheckpoint } from './checkpoint';
import { signCheckpointBody } from './signing-key';
import { countPublicChange } from '../public-cache/versions';

/** A checkpoint older than this is signed again even when the log has not grown. */
export const checkpointMaxAgeMs = 86_400_000;

export type Countersignature = { organisation: string; countersignedAt: string };
export type PublicCheckpoint = SignedCheckpoint & { countersignatures: Countersignature[] };

function signedOf(row: LogCheckpointRow, slug: string): SignedCheckpoint {
	return {
		group: slug,
		size: row.size,
		head: row.head,
		signedAt: row.signedAt.toISOString(),
		signature: row.signature
	};
}

/**
 * Signs the head of the group's log, under the group lock (so it is the head, and two instances
 * signing at once sign once). `whenDue`: only when the log grew since the last checkpoint or that
 * one is a day old (the schedule); otherwise always (a publication of minutes). Nothing to sign
 * for an empty log.
 */
export async function signHead(
	tx: Transaction,
	group: Pick<Group, 'id' | 'slug'>,
	now: Date,
	options: { whenDue?: boolean } = {}
): Promise<SignedCheckpoint | null> {
	await lockGroup(tx, group.id);
	const [last] = await tx
		.select({ seq: decisionLog.seq, hash: decisionLog.hash })
		.from(decisionLog)
		.where(eq(decisionLog.groupId, group.id))
		.orderBy(desc(decisionLog.seq))
		.limit(1);
	if (!last) return null;
	if (options.whenDue) {
		const [latest] = await tx
			.select()
			.from(logCheckpoints)
			.where(eq(logCheckpoints.groupId, group.id))
			.orderBy(desc(logCheckpoints.id))
			.limit(1);
		const fresh = latest && now.getTime() - latest.signedAt.getTime() < checkpointMaxAgeMs;
		if (latest?.size === last.seq && fresh) return null;
	}
	const signed = signCheckpointBody({
		group: group.slug,
		size: last.seq,
		head: last.hash,
		signedAt: now.toISOString()
	});
	await tx.insert(logCheckpoints).values({
		groupId: group.id,
		size: signed.size,
		head: signed.head,
		signedAt: now,
		signature: signed.signature
	});
	// The signed head shows on the decisions page, in the feed and under the minutes.
	await countPublicChange(tx);
	return signed;
}

/** The schedule's step: signs every group's head that is due. Returns how many were signed. */
export async function signDueCheckpoints(db: Database, clock: Clock = {}): Promise<number> {
	const now = clock.now ?? new Date();
	let signed = 0;
	for (const group of await db.select({ id: groups.id, slug: groups.slug }).from(groups)) {
		if (await db.transaction((tx) => signHead(tx, group, now, { whenDue: true }))) signed++;
	}
	return signed;
}

async function withCountersignatures(
	db: Executor,
	slug: string,
	rows: LogCheckpointRow[]
): Promise<PublicCheckpoint[]> {
	const ids = rows.map((r) => r.id);
	const signatures = ids.length
		? await db
				.select()
				.from(checkpointCountersignatures)
				.where(inArray(checkpointCountersignatures.checkpointId, ids))
				.orderBy(asc(checkpointCountersignatures.countersignedAt))
		: [];
	return rows.map((row) => ({
		...signedOf(row, slug),
		countersignatures: signatures
			.filter((s) => s.checkpointId === row.id)
			.map((s) => ({
				organisation: s.organisationName,
				countersignedAt: s.countersignedAt.toISOString()
			}))
	}));
}

/**
 * The group's checkpoints, latest first (in the order signed), each with its countersignatures;
 * `before`: the `last` of the previous page. One extra row tells whether more follow.
 */
export async function listCheckpoints(
	db: Executor,
	group: Pick<Group, 'id' | 'slug'>,
	options: { before?: number; limit: number }
): Promise<{ items: PublicCheckpoint[]; last: number | null; more: boolean }> {
	const rows = await db
		.select()
		.from(logCheckpoints)
		.where(
			and(
				eq(logCheckpoints.groupId, group.id),
				options.before ? lt(logCheckpoints.id, options.before) : undefined
			)
		)
		.orderBy(desc(logCheckpoints.id))
		.limit(options.limit + 1);
	const shown = rows.slice(0, options.limit);
	return {
		items: await withCountersignatures(db, group.slug, shown),
		last: shown.at(-1)?.id ?? null,
		more: rows.length > options.limit
	};
}

export async function latestCheckpoint(db: Executor, group: Pick<Group, 'id' | 'slug'>) {
	const { items } = await listCheckpoints(db, group, { limit: 1 });
	return items[0] ?? null;
}

/** The first checkpoint signed at or after `at` (a minutes version's footer), if any yet. */
export async function checkpointSince(db: Executor, group: Pick<Group, 'id' | 'slug'>, at: Date) {
	const [row] = await db
		.select()
		.from(logCheckpoints)
		.where(and(eq(logCheckpoints.groupId, group.id), gte(logCheckpoints.signedAt, at)))
		.orderBy(asc(logCheckpoints.id))
		.limit(1);
	return row ? signedOf(row, group.slug) : null;
}

/** The latest checkpoint of that size: the one a countersignature of `size` attaches to. */
async function checkpointOfSize(db: Executor, groupId: string, size: number | string) {
	const n = typeof size === 'number' ? size : Number(size);
	if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw notFound('checkpoint.not_found');
	const [row] = await db
		.select()
		.from(logCheckpoints)
		.where(and(eq(logCheckpoints.groupId, groupId), eq(logCheckpoints.size, n)))
		.orderBy(desc(logCheckpoints.id))
		.limit(1);
	if (!row) throw notFound('checkpoint.not_found');
	return row;
}

/**
 * A member organisation's representative records "we saw this checkpoint": once per
 * organisation per checkpoint; refused to anyone who represents no current member.
 */
export async function countersignCheckpoint(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	size: number | string,
	input: { membershipId?: unknown } = {},
	clock: Clock = {}
): Promise<PublicCheckpoint> {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const checkpoint = await checkpointOfSize(db, group.id, size);
	const chosen = typeof input.membershipId === 'string' && input.membershipId;
	const organisation = await actingMembership(db, group.id, user, chosen || undefined);
	try {
		await db.transaction(async (tx) => {
			await tx.insert(checkpointCountersignatures).values({
				checkpointId: checkpoint.id,
				membershipId: organisation.id,
				organisationName: organisation.organisationName,
				userId: user.id,
				countersignedAt: clock.now ?? new Date()
			});
			await countPublicChange(tx);
		});
	} catch (error) {
		if (isUniqueViolation(error, 'checkpoint_countersignatures_once')) {
			throw conflict('checkpoint.already_countersigned');
		}
		throw error;
	}
	const [result] = await withCountersignatures(db, group.slug, [checkpoint]);
	return result;
}
