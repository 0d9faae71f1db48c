import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { mailOutbox, type MailOutboxRow } from '../db/schema';
import { describeFailure, isPermanent, retryDelayMs, type RetryPolicy } from './retry';

const pending = and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt));

/**
 * Claims up to `size` due messages for one sender, in one short transaction. The rows are locked
 * while it runs and other senders skip them (`FOR UPDATE SKIP LOCKED`); then the claim holds
 * them: its token, and `nextAttemptAt` pushed forward by the lease, so nobody else finds them
 * due. No transaction stays open while mail is sent (on PGlite it would stop every other query).
 * The attempt is counted now, so a message whose sending crashes the process is still given up.
 */
export async function claimDue(
	db: Database,
	claim: string,
	size: number,
	now: Date,
	leaseMs: number
): Promise<MailOutboxRow[]> {
	// Two statements, not `update … where id in (select … limit n for update skip locked)`: the
	// planner may run such a subquery again for each row and then claim more than `size` rows.
	const rows = await db.transaction(async (tx) => {
		const due = await tx
			.select({ id: mailOutbox.id })
			.from(mailOutbox)
			.where(and(pending, lte(mailOutbox.nextAttemptAt, now)))
			.orderBy(asc(mailOutbox.nextAttemptAt))
			.limit(size)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(mailOutbox)
			.set({
				claim,
				attempts: sql`${mailOutbox.attempts} + 1`,
				nextAttemptAt: new Date(now.getTime() + leaseMs)
			})
			.where(
				inArray(
					mailOutbox.id,
					due.map((row) => row.id)
				)
			)
			.returning();
	});
	return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * The server accepted the message: it is never sent again. A body holding a secret link is
 * emptied now (the subject, recipient and kind stay, for the administrator's view).
 */
export async function markSent(db: Database, id: string, now: Date) {
	await db
		.update(mailOutbox)
		.set({
			sentAt: now,
			claim: null,
			lastError: null,
			text: sql`case when ${mailOutbox.forgetBody} then '' else ${mailOutbox.text} end`,
			html: sql`case when ${mailOutbox.forgetBody} then null else ${mailOutbox.html} end`,
			attachments: sql`case when ${mailOutbox.forgetBody} then null else ${mailOutbox.attachments} end`
		})
		.where(and(eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)));
}

/**
 * An attempt failed: the message waits its turn again, or is given up after the last attempt
 * (or at once on a permanent refusal). Only the claim's holder may record it.
 */
export async function recordFailure(
	db: Database,
	row: MailOutboxRow,
	claim: string,
	error: unknown,
	now: Date,
	policy: RetryPolicy,
	random = Math.random
) {
	const giveUp = row.attempts >= policy.maxAttempts || isPermanent(error);
	await db
		.update(mailOutbox)
		.set({
			claim: null,
			lastError: describeFailure(error),
			...(giveUp
				? { failedAt: now }
				: { nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, row.attempts, random)) })
		})
		.where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.claim, claim), pending));
	return giveUp;
}

/** Claimed messages this sender will not attempt (it is stopping): due again at once. */
export async function releaseClaims(db: Database, ids: string[], claim: string, now: Date) {
	if (ids.length === 0) return;
	await db
		.update(mailOutbox)
		.set({ claim: null, attempts: sql`${mailOutbox.attempts} - 1`, nextAttemptAt: now })
		.where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.claim, claim), pending));
}

/** When the next pending message falls due (null: none is waiting). */
export async function nextDueAt(db: Database): Promise<Date | null> {
	const [row] = await db
		.select({ at: mailOutbox.nextAttemptAt })
		.from(mailOutbox)
		.where(pending)
		.orderBy(asc(mailOutbox.nextAttemptAt))
		.limit(1);
	return row?.at ?? null;
}
