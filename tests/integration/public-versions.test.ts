import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import {
	countPublicChange,
	currentVersions,
	foldPublicChanges,
	versionReader
} from '$lib/server/public-cache/versions';

/**
 * The versions a kept page is checked against, as `versionReader` gives them: on the embedded
 * database from memory while no change has finished, on PostgreSQL read every time. Whatever
 * the database, a reading taken after a change committed shows it, and one taken while the
 * change is still open does not.
 */
describeOnEachDatabase('public versions', (handle, kind) => {
	it('a committed change shows at once; an open one does not; a rolled-back one never', async () => {
		const { db } = handle();
		const read = versionReader(handle());
		const first = await read(null);
		expect(await read(null)).toBe(first);

		await db.transaction(async (tx) => {
			await countPublicChange(tx);
			// Read from outside the transaction, before it commits (PGlite waits its turn).
			if (kind === 'postgres') expect(await read(null)).toBe(first);
		});
		const second = await read(null);
		expect(second).not.toBe(first);
		expect(second).toBe(await currentVersions(db, null));

		await db
			.transaction(async (tx) => {
				await countPublicChange(tx);
				throw new Error('undone');
			})
			.catch(() => undefined);
		expect(await read(null)).toBe(second);

		await countPublicChange(db); // a statement on its own, outside any transaction
		const third = await read(null);
		expect(third).not.toBe(second);

		await foldPublicChanges(db);
		expect(await read(null)).toBe(third);
		expect(await currentVersions(db, null)).toBe(third);
	});

	it('a change counted inside a larger statement (a vote) is seen too', async () => {
		const { db } = handle();
		const read = versionReader(handle());
		const before = await read(null);
		await db.execute(sql`with counted as (insert into public_changes (scope) values ('all'))
			select 1`);
		expect(await read(null)).not.toBe(before);
	});
});

describe('public versions on the embedded database', () => {
	it('are remembered, not read, while no change has finished', async () => {
		const { freshPglite } = await import('../fixtures/databases');
		const handle = await freshPglite();
		try {
			const read = versionReader(handle);
			await read(null);
			const queries = handle.publicWrites!.finished();
			// A change written straight into the table, bypassing the watch, is not seen: proof
			// that the reading came from memory (every real change goes through the watch).
			await handle.pglite!.query(`insert into public_changes (scope) values ('all')`);
			expect(handle.publicWrites!.finished()).toBe(queries);
			expect(await read(null)).not.toBe(await currentVersions(handle.db, null));
		} finally {
			await handle.close();
		}
	});
});
