import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { users } from './accounts';

/** Every change to the record, attributable to the officer or account that made it. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
		groupId: uuid().references(() => groups.id, { onDelete: 'cascade' }),
		action: text().notNull(),
		subject: text(),
		details: jsonb().$type<Record<string, unknown>>(),
		/**
		 * The request that made the change, keyed per person (`idForRequest`), when the page sent
		 * one: the same request sent again finds it here and changes nothing.
		 */
		requestKey: uuid().unique()
	},
	// The trail is read newest first by id, a group's (or, for the administrator, everyone's), and
	// offers the actions it holds.
	(t) => [index().on(t.groupId, t.id), index().on(t.groupId, t.action)]
);

/**
 * Fixed-window counters shared by every app instance. A participant's limits (asking, voting,
 * rating) are never here (`consumeOffRecord`).
 */
export const rateLimits = pgTable('rate_limits', {
	/**
	 * A keyed hash (secrets.ts) of the limit's name and subject: no address, email or participant
	 * can be read or recomputed from the database alone.
	 */
	key: text().primaryKey(),
	windowStart: timestamp({ withTimezone: true }).notNull(),
	count: integer().notNull()
});
