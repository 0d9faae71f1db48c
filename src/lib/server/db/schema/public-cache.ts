import { bigint, bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Changes to what the public sees, one row per change, written in the same transaction as the
 * change (public-cache/versions.ts): `all` for everything but the live tallies, `votes:<group
 * id>` for a group's votes and ratings. Appending never waits for another transaction (a counter
 * row would queue every write of the site behind one lock, and deadlock with the meeting locks).
 * A scope's version is its count here plus `public_versions.version`, where old rows are folded.
 */
export const publicChanges = pgTable(
	'public_changes',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		scope: text().notNull()
	},
	(t) => [index().on(t.scope)]
);

/** Changes folded out of `public_changes` (every few seconds), per scope. */
export const publicVersions = pgTable('public_versions', {
	scope: text().primaryKey(),
	version: bigint({ mode: 'number' }).notNull().default(0)
});
