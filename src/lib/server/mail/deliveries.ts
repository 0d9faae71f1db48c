import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { mailOutbox } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { recordAudit } from '../audit';
import { conflict, notAllowed, notFound } from '../errors';
import { parseInput } from '../validation';
import { announceMail } from './outbox';
import { retryMailSchema } from '$lib/schemas/mail';

/** How many failed deliveries the admin page lists (newest first). */
const shownFailures = 50;

function requireSiteAdmin(actor: Actor) {
	const user = requireUser(actor);
	if (!user.isSiteAdmin) throw notAllowed();
	return user;
}

/**
 * The outbox as the site administrator sees it: how many messages wait, and the deliveries
 * given up, with the recipient and the last error. Nobody else sees addresses.
 */
export async function mailDeliveries(db: Executor, actor: Actor) {
	requireSiteAdmin(actor);
	const [queued] = await db
		.select({ n: count() })
		.from(mailOutbox)
		.where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt)));
	const failed = await db
		.select({
			id: mailOutbox.id,
			kind: mailOutbox.kind,
			recipient: mailOutbox.recipient,
			subject: mailOutbox.subject,
			attempts: mailOutbox.attempts,
			lastError: mailOutbox.lastError,
			createdAt: mailOutbox.createdAt,
			failedAt: mailOutbox.failedAt
		})
		.from(mailOutbox)
		.where(isNotNull(mailOutbox.failedAt))
		.orderBy(desc(mailOutbox.failedAt))
		.limit(shownFailures);
	return { queued: queued.n, failed };
}

/** The site administrator sends a given-up message again: a full round of attempts, now. */
export async function retryMail(db: Database, actor: Actor, input: unknown) {
	const user = requireSiteAdmin(actor);
	const { id } = parseInput(retryMailSchema, input);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(mailOutbox)
			.set({ failedAt: null, attempts: 0, nextAttemptAt: new Date(), claim: null })
			.where(and(eq(mailOutbox.id, id), isNotNull(mailOutbox.failedAt)))
			.returning({ id: mailOutbox.id });
		if (!row) {
			const [exists] = await tx
				.select({ id: mailOutbox.id })
				.from(mailOutbox)
				.where(eq(mailOutbox.id, id));
			throw exists ? conflict('mail.not_failed') : notFound();
		}
		await recordAudit(tx, { actorId: user.id, action: 'mail.retry', subject: id });
	});
	announceMail();
}

export type MailDeliveries = Awaited<ReturnType<typeof mailDeliveries>>;
