import { and, asc, eq, isNull, lte, or, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { digestItems, notices, type Notice } from '../db/schema';
import { announceMail, enqueueMails, type OutgoingMail } from '../mail/outbox';
import { deliveryOf, isNoticeKind, noticeKinds } from './kinds';
import { noticeContent } from './content';
import { recipientsAfter } from './recipients';
import { noticeMail } from './messages';

/**
 * Takes the oldest due notice for this notifier (`claim`), in one short transaction: other
 * notifiers skip it while it is locked (`FOR UPDATE SKIP LOCKED`), then `claimUntil` keeps it
 * theirs; a notifier that died is taken over once that passes. Starting it closes it to joining:
 * a change made now becomes a notice of its own.
 */
export async function claimNotice(
	db: Database,
	claim: string,
	now: Date,
	leaseMs: number
): Promise<Notice | undefined> {
	return db.transaction(async (tx) => {
		const [due] = await tx
			.select({ id: notices.id })
			.from(notices)
			.where(
				and(
					isNull(notices.doneAt),
					lte(notices.notBefore, now),
					or(isNull(notices.claimUntil), lt(notices.claimUntil, now))
				)
			)
			.orderBy(asc(notices.notBefore))
			.limit(1)
			.for('update', { skipLocked: true });
		if (!due) return undefined;
		const [notice] = await tx
			.update(notices)
			.set({
				claim,
				claimUntil: new Date(now.getTime() + leaseMs),
				startedAt: sql`coalesce(${notices.startedAt}, ${now.toISOString()}::timestamptz)`
			})
			.where(eq(notices.id, due.id))
			.returning();
		return notice;
	});
}

/** When the next notice falls due (null: none waits). */
export async function nextNoticeAt(db: Database): Promise<Date | null> {
	const [row] = await db
		.select({ at: notices.notBefore })
		.from(notices)
		.where(isNull(notices.doneAt))
		.orderBy(asc(notices.notBefore))
		.limit(1);
	return row?.at ?? null;
}

class ClaimLost extends Error {}

/**
 * Gives every recipient of a claimed notice their message, `batchSize` at a time: each batch's
 * emails (or digest entries), and the cursor past its last recipient, are written in one
 * transaction, so a restart resumes after the last whole batch and nobody is told twice. Memory
 * holds one batch, whatever the number of followers. Returns the emails queued.
 */
export async function fanOut(
	db: Database,
	notice: Notice,
	claim: string,
	options: {
		batchSize: number;
		leaseMs: number;
		now?: () => Date;
		/** Asked between batches: the notifier is stopping, so the notice is handed back. */
		stopping?: () => boolean;
	}
): Promise<number> {
	const now = options.now ?? (() => new Date());
	const kind = notice.kind;
	const content = isNoticeKind(kind) ? await noticeContent(db, notice) : null;
	let cursor = notice.cursor;
	let queued = 0;
	for (;;) {
		// Read and composed before the transaction: on the embedded database a transaction holds
		// its only connection, and every request's queries would wait while the batch's emails
		// are composed (docs/performance.md, bench:notify). The claim check below still makes
		// the batch this notifier's: one that lost its claim writes nothing.
		const batch = content ? await recipientsAfter(db, notice, cursor, options.batchSize) : [];
		const mails: OutgoingMail[] = [];
		const digest: { subscriberId: string; noticeId: string }[] = [];
		if (content && isNoticeKind(kind)) {
			for (const recipient of batch) {
				const delivery = deliveryOf(recipient.preferences, noticeKinds[kind].topic);
				if (delivery === 'now') mails.push(noticeMail(kind, content, recipient));
				else if (delivery === 'digest')
					digest.push({ subscriberId: recipient.subscriberId, noticeId: notice.id });
			}
		}
		const done = await db
			.transaction(async (tx) => {
				await enqueueMails(tx, mails);
				if (digest.length) await tx.insert(digestItems).values(digest).onConflictDoNothing();
				const last = batch.at(-1)?.subscriberId ?? cursor;
				const finished = batch.length < options.batchSize;
				const at = now();
				const updated = await tx
					.update(notices)
					.set({
						cursor: last,
						claimUntil: new Date(at.getTime() + options.leaseMs),
						...(finished ? { doneAt: at, claim: null } : {})
					})
					.where(and(eq(notices.id, notice.id), eq(notices.claim, claim)))
					.returning({ id: notices.id });
				// Another notifier took it over (this one stalled past its lease): it carries on.
				if (updated.length === 0) throw new ClaimLost();
				cursor = last;
				queued += mails.length;
				return { finished, mailed: mails.length > 0 };
			})
			.then(
				(outcome) => {
					// The sender starts on this batch while the next is written.
					if (outcome.mailed) announceMail();
					return outcome.finished;
				},
				(error: unknown) => {
					if (error instanceof ClaimLost) return 'lost' as const;
					throw error;
				}
			);
		if (done === 'lost' || done) return queued;
		if (options.stopping?.()) {
			// Handed back at once: the next start (or another instance) resumes from the cursor.
			await db
				.update(notices)
				.set({ claim: null, claimUntil: null })
				.where(and(eq(notices.id, notice.id), eq(notices.claim, claim)));
			return queued;
		}
		// The embedded database answers without any I/O, so without this the whole fan-out would
		// run as one chain of promises and no request would even be read until it ended (two
		// seconds for 5,000 followers; docs/performance.md, bench:notify).
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
}
