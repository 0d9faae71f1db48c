import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The public half of each key this instance has signed its decision-log checkpoints with. The key
 * is derived from the instance's secret, so the active row also tells, at start-up, whether this
 * process holds the same secret as every process before it (instance-key.ts): a second instance
 * started with another `SECRET_KEY`, or a database restored beside a new `secret.key`, is refused
 * instead of quietly issuing tokens and signatures nobody else accepts. Retired keys stay listed so
 * that checkpoints signed before a change of secret can still be verified.
 */
export const instanceKeys = pgTable(
	'instance_keys',
	{
		/** Ed25519, the raw 32 bytes in base64. */
		publicKey: text().primaryKey(),
		adoptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		retiredAt: timestamp({ withTimezone: true })
	},
	// At most one active key, even when two instances first start at the same moment.
	(t) => [
		uniqueIndex('instance_keys_one_active')
			.on(sql`(${t.retiredAt} is null)`)
			.where(sql`${t.retiredAt} is null`)
	]
);
