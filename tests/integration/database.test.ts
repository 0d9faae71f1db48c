import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { makeGroupWithOfficers } from '../fixtures/factories';
import { rowsOf } from '$lib/server/db';
import { groups } from '$lib/server/db/schema';

describeOnEachDatabase('both databases read alike', (handle) => {
	it('gives drizzle timestamps, dates and intervals as text, in and out of transactions', async () => {
		const { db } = handle();
		const read = async (executor: Pick<typeof db, 'execute'>) =>
			rowsOf<Record<string, unknown>>(
				await executor.execute(sql`select timestamptz '2026-11-26 10:00:00+00' as at,
					date '2026-11-26' as day, interval '90 minutes' as span`)
			)[0];
		// drizzle converts these itself; the embedded database is given its parsers once
		// (db/index.ts), not with every query.
		for (const row of [await read(db), await db.transaction((tx) => read(tx))]) {
			expect(typeof row.at).toBe('string');
			expect(new Date(row.at as string).toISOString()).toBe('2026-11-26T10:00:00.000Z');
			expect(row.day).toBe('2026-11-26');
			expect(row.span).toBe('01:30:00');
		}
		const { group } = await makeGroupWithOfficers(db);
		const [again] = await db.transaction((tx) =>
			tx.select().from(groups).where(eq(groups.id, group.id))
		);
		expect(again.createdAt).toBeInstanceOf(Date);
		expect(again.createdAt.getTime()).toBe(group.createdAt.getTime());
	});
});
