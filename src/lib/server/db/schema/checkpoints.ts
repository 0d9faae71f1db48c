import {
	bigint,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { groups } from './groups';
import { memberships } from './membership';

/**
 * Signed checkpoints of a group's decision log: the instance's Ed25519 signature over
 * `{ group, size, head, signedAt }` (decision-log/checkpoint.ts). Copies held outside the host
 * (feeds, minutes, member organisations) pin the log: a later log must extend them.
 */
export const logCheckpoints = pgTable(
	'log_checkpoints',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id),
		/** How many entries the log had: the head is the hash of entry `size`. */
		size: integer().notNull(),
		head: text().notNull(),
		signedAt: timestamp({ withTimezone: true }).notNull(),
		/** Ed25519, base64. */
		signature: text().notNull()
	},
	(t) => [index().on(t.groupId, t.signedAt), index().on(t.groupId, t.size)]
);

/** "We saw this checkpoint": a member organisation's representative, once per organisation. */
export const checkpointCountersignatures = pgTable(
	'checkpoint_countersignatures',
	{
		id: uuid().primaryKey().defaultRandom(),
		checkpointId: bigint({ mode: 'number' })
			.notNull()
			.references(() => logCheckpoints.id),
		membershipId: uuid()
			.notNull()
			.references(() => memberships.id),
		/** The organisation's name when it countersigned (public). */
		organisationName: text().notNull(),
		/** The representative who clicked (not public). */
		userId: uuid()
			.notNull()
			.references(() => users.id),
		countersignedAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [unique('checkpoint_countersignatures_once').on(t.checkpointId, t.membershipId)]
);

export type LogCheckpointRow = typeof logCheckpoints.$inferSelect;
