import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
	id: uuid().primaryKey().defaultRandom(),
	/** Stored trimmed and lower-cased, so uniqueness ignores case. */
	email: text().notNull().unique(),
	displayName: text().notNull(),
	passwordHash: text().notNull(),
	isSiteAdmin: boolean().notNull().default(false),
	/**
	 * When a link sent to `email` was followed (or the site administrator vouched for it): until
	 * then the account cannot apply, be appointed or represent an organisation.
	 */
	emailConfirmedAt: timestamp({ withTimezone: true }),
	/** The language the person chose for their emails; null: the one they signed up in. */
	locale: text(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * Links sent by email: confirming an address (a new account's, or a change to `email`) and
 * resetting a password. Only the SHA-256 of the token is stored; a link is used once (its row is
 * deleted when followed) and expires.
 */
export const accountTokens = pgTable(
	'account_tokens',
	{
		/** SHA-256 of the token, hex. */
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text({ enum: ['confirm_email', 'reset_password'] }).notNull(),
		/** The address the link was sent to: confirming it makes it the account's address. */
		email: text().notNull(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.userId)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the session token, hex: the token itself is never stored. */
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.userId)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
