import { sql } from 'drizzle-orm';
import {
	check,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { groups } from './groups';
import type { Delivery } from '../../../schemas/notifications';

/**
 * Someone who may receive notifications: an account (`userId`), or an address alone that
 * followed a group without an account (`email`, lower-cased; it receives nothing until its link
 * is followed: `confirmedAt`). Their choices per kind live here; the links in every email name
 * this row by a keyed tag (notifications/links.ts), never by anything a stranger could guess.
 */
export const subscribers = pgTable(
	'subscribers',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.unique()
			.references(() => users.id, { onDelete: 'cascade' }),
		email: text().unique(),
		/** The language an address-only follower followed in (an account's is `users.locale`). */
		locale: text().notNull().default('en'),
		/** An address-only follower's double opt-in; accounts count their own confirmation. */
		confirmedAt: timestamp({ withTimezone: true }),
		/** SHA-256 of the pending opt-in link's token, hex, and when it runs out. */
		confirmTokenHash: text().unique(),
		confirmExpiresAt: timestamp({ withTimezone: true }),
		/** Kind → delivery; a kind not named takes its default (notifications/kinds.ts). */
		preferences: jsonb().$type<Record<string, Delivery>>().notNull().default({}),
		/** When the last weekly digest went out (or the subscriber was made): the next is due a week on. */
		lastDigestAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('subscribers_one_identity', sql`(${t.userId} is null) <> (${t.email} is null)`)]
);

/**
 * Who follows which group. An address-only follower's follow waits for its opt-in link
 * (`confirmedAt`), each time they follow another group: nobody can sign an address up to a group
 * it did not choose.
 */
export const follows = pgTable(
	'follows',
	{
		subscriberId: uuid()
			.notNull()
			.references(() => subscribers.id, { onDelete: 'cascade' }),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		confirmedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.groupId, t.subscriberId] }), index().on(t.subscriberId)]
);

/**
 * Something to tell people about, written in the same transaction as what happened (one row,
 * whatever the number of followers): the notifier (notifications/fan-out.ts) later turns it into
 * one email per recipient, in batches, resuming from `cursor` after a restart.
 */
export const notices = pgTable(
	'notices',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		/** 'meeting.scheduled', 'minutes.published', 'commitment.overdue', … (notifications/kinds.ts) */
		kind: text().notNull(),
		/** What it is about, as the kind reads it: a meeting's id, a question's, a commitment's. */
		subject: text().notNull(),
		/** For kinds told at most once per occasion (a window closing, a due date): the occasion. */
		onceKey: text().unique(),
		/** Not told before this (changes in quick succession become one message). */
		notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** The last subscriber id already given their message. */
		cursor: uuid(),
		startedAt: timestamp({ withTimezone: true }),
		/** The notifier working on it, until `claimUntil` (then another takes over). */
		claim: uuid(),
		claimUntil: timestamp({ withTimezone: true }),
		doneAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('notices_pending')
			.on(t.notBefore)
			.where(sql`${t.doneAt} is null`),
		// One waiting notice per kind and subject: a second change before it goes out joins it.
		uniqueIndex('notices_waiting')
			.on(t.kind, t.subject)
			.where(sql`${t.startedAt} is null and ${t.onceKey} is null`)
	]
);

/** Notices a subscriber takes weekly: gathered into their next digest, then deleted. */
export const digestItems = pgTable(
	'digest_items',
	{
		subscriberId: uuid()
			.notNull()
			.references(() => subscribers.id, { onDelete: 'cascade' }),
		noticeId: uuid()
			.notNull()
			.references(() => notices.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.subscriberId, t.noticeId] })]
);

export type Subscriber = typeof subscribers.$inferSelect;
export type Notice = typeof notices.$inferSelect;
