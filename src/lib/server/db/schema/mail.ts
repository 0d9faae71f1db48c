import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';

export type MailAttachment = { filename: string; contentType: string; content: string };

/**
 * Email waiting to be sent, written in the same transaction as the change it tells of: a message
 * exists exactly when its change committed. The sender (mail/sender.ts) drains it; every state
 * it needs survives a restart here.
 */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** What the message is about: 'application.decision', 'account.confirm', … */
		kind: text().notNull(),
		recipient: text().notNull(),
		recipientName: text(),
		locale: text().notNull(),
		subject: text().notNull(),
		text: text().notNull(),
		html: text(),
		/** Extra headers (List-Unsubscribe, …), already free of line breaks. */
		headers: jsonb().$type<Record<string, string>>(),
		/** Files sent with it (a meeting's .ics), as text. */
		attachments: jsonb().$type<MailAttachment[]>(),
		/**
		 * The body holds a secret link (a password reset, a confirmation, an invitation, a
		 * subscriber's settings): emptied once the server accepted it, so the table does not keep
		 * working links for whoever reads it later.
		 */
		forgetBody: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Attempts started: counted when a sender claims the row, so a crash counts too. */
		attempts: integer().notNull().default(0),
		/** When the row is next due; a claim pushes it forward by the lease (mail/sender.ts). */
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** The sender holding the row until `nextAttemptAt`; only it may record the outcome. */
		claim: uuid(),
		sentAt: timestamp({ withTimezone: true }),
		lastError: text(),
		/** Given up: no more attempts until the site administrator retries it. */
		failedAt: timestamp({ withTimezone: true })
	},
	// The sender's drain reads pending rows by due time; the admin page lists failures, newest first.
	(t) => [
		index('mail_outbox_pending')
			.on(t.nextAttemptAt)
			.where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
		index('mail_outbox_failed')
			.on(t.failedAt)
			.where(sql`${t.failedAt} is not null`)
	]
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
