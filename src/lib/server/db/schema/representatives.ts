import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './membership';

/**
 * The people who act for an organisation in a group. Keyed by the application: it is the
 * organisation's standing in the group from applying through membership (a membership has one
 * application). A removal sets `removedAt` and keeps the row, so who acted for the organisation
 * when stays on record (private: officers and representatives see it, never the public).
 */
export const representatives = pgTable(
	'representatives',
	{
		id: uuid().primaryKey().defaultRandom(),
		applicationId: uuid()
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Who invited them; null for the applicant, who became the first representative. */
		addedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		removedAt: timestamp({ withTimezone: true }),
		/** Who removed them: themselves when they left. */
		removedBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('representatives_current')
			.on(t.applicationId, t.userId)
			.where(sql`${t.removedAt} is null`),
		index().on(t.userId)
	]
);

/**
 * An invitation to become a representative, accepted by link. Only the SHA-256 of the link's
 * token is stored (as for sessions); it is used once, before `expiresAt`, by the account whose
 * email is `email` (lower-cased).
 */
export const representativeInvitations = pgTable(
	'representative_invitations',
	{
		id: uuid().primaryKey().defaultRandom(),
		applicationId: uuid()
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		email: text().notNull(),
		tokenHash: text().notNull().unique(),
		invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		acceptedAt: timestamp({ withTimezone: true }),
		acceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp({ withTimezone: true }),
		revokedBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index().on(t.applicationId), index().on(t.email)]
);

export type Representative = typeof representatives.$inferSelect;
export type RepresentativeInvitation = typeof representativeInvitations.$inferSelect;
