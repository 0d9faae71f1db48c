import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db';
import { digestItems, notices, subscribers, type Notice } from '../db/schema';
import { announceMail, enqueueMail } from '../mail/outbox';
import { isLocale } from '$lib/i18n';
import { noticeContent, type NoticeContent } from './content';
import { digestMail } from './messages';

const week = 7 * 24 * 60 * 60_000;

/**
 * Sends the weekly digests that are due: to each subscriber with notices gathered and no digest
 * in the last seven days, one email listing them (each notice read as it stands now; one whose
 * subject is gone is left out). Each subscriber's digest is one transaction: the email is queued
 * and its entries deleted together, so a digest is never sent twice nor lost. Returns the count.
 */
export async function sendDueDigests(db: Database, now: Date, limit = 100): Promise<number> {
	const due = await db
		.selectDistinct({ id: subscribers.id })
		.from(subscribers)
		.innerJoin(digestItems, eq(digestItems.subscriberId, subscribers.id))
		.where(lte(subscribers.lastDigestAt, new Date(now.getTime() - week)))
		.limit(limit);
	const contents = new Map<string, Promise<NoticeContent | null>>();
	const contentOf = (notice: Notice) => {
		let found = contents.get(notice.id);
		if (!found) contents.set(notice.id, (found = noticeContent(db, notice)));
		return found;
	};
	let sent = 0;
	for (const { id } of due) {
		// Read before the transaction: the embedded database runs one statement at a time, so a
		// read outside an open transaction would wait for it forever.
		const items = await db
			.select({ notice: notices })
			.from(digestItems)
			.innerJoin(notices, eq(digestItems.noticeId, notices.id))
			.where(eq(digestItems.subscriberId, id))
			.orderBy(asc(notices.createdAt));
		const told: { content: NoticeContent }[] = [];
		for (const { notice } of items) {
			const content = await contentOf(notice);
			if (content) told.push({ content });
		}
		const mailed = await db.transaction(async (tx) => {
			const [person] = rowsOf<{ email: string | null; locale: string | null; due: boolean }>(
				await tx.execute(sql`
					select case when u.email_confirmed_at is not null
							or (s.user_id is null and s.confirmed_at is not null)
						then coalesce(u.email, s.email) end as email,
						coalesce(u.locale, s.locale) as locale,
						s.last_digest_at <= ${new Date(now.getTime() - week).toISOString()}::timestamptz as due
					from subscribers s left join users u on u.id = s.user_id
					where s.id = ${id}
					for update of s`)
			);
			// Another instance sent this digest while this one was reading: nothing more to do.
			if (!person?.due) return false;
			// Entries gathered since the read wait for next week's digest.
			await tx.delete(digestItems).where(
				and(
					eq(digestItems.subscriberId, id),
					inArray(
						digestItems.noticeId,
						items.map((i) => i.notice.id)
					)
				)
			);
			await tx.update(subscribers).set({ lastDigestAt: now }).where(eq(subscribers.id, id));
			if (!person?.email || told.length === 0) return false;
			await enqueueMail(
				tx,
				digestMail(
					{
						subscriberId: id,
						email: person.email,
						locale: isLocale(person.locale) ? person.locale : 'en',
						preferences: {}
					},
					told
				)
			);
			return true;
		});
		if (mailed) sent++;
		// The embedded database answers without I/O: let requests in between two digests.
		await new Promise((resolve) => setImmediate(resolve));
	}
	if (sent > 0) announceMail();
	return sent;
}
