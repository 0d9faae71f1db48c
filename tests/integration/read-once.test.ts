import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { makeGroupWithOfficers } from '../fixtures/factories';
import { rolesOf } from '$lib/server/auth/authorise';
import { groupRoles, groups } from '$lib/server/db/schema';
import { getGroup } from '$lib/server/groups/groups';
import { sharingReads } from '$lib/server/read-once';

/**
 * Within one reading request the group and the visitor's roles are read once and shared by the
 * layout and the page (read-once.ts); outside one, and inside any transaction, every call reads.
 */
describeOnEachDatabase('reads shared within a reading request', (handle) => {
	it('reads the group and the roles once in a request, afresh elsewhere', async () => {
		const { db } = handle();
		const { chair, group } = await makeGroupWithOfficers(db);
		const rename = (name: string) => db.update(groups).set({ name }).where(eq(groups.id, group.id));

		await sharingReads(async () => {
			const [first, roles] = await Promise.all([
				getGroup(db, group.slug),
				rolesOf(db, chair, group.id)
			]);
			expect(roles.has('chair')).toBe(true);
			await rename('Renamed while the page renders');
			await db
				.update(groupRoles)
				.set({ endedAt: new Date() })
				.where(eq(groupRoles.userId, chair.id));
			// The page's own load shares what the layout read: one request, one view.
			expect((await getGroup(db, group.slug.toUpperCase())).name).toBe(first.name);
			expect((await rolesOf(db, chair, group.id)).has('chair')).toBe(true);
			// A transaction reads for itself.
			await db.transaction(async (tx) => {
				expect((await getGroup(tx, group.slug)).name).toBe('Renamed while the page renders');
				expect((await rolesOf(tx, chair, group.id)).has('chair')).toBe(false);
			});
		});
		// The next request reads again.
		expect((await getGroup(db, group.slug)).name).toBe('Renamed while the page renders');
		await sharingReads(async () => {
			expect((await getGroup(db, group.slug)).name).toBe('Renamed while the page renders');
			expect((await rolesOf(db, chair, group.id)).has('chair')).toBe(false);
		});
	});

	it('shares a missing group as missing', async () => {
		const { db } = handle();
		await sharingReads(async () => {
			await expect(getGroup(db, 'no-such-group')).rejects.toThrow();
			await expect(getGroup(db, 'no-such-group')).rejects.toThrow();
		});
	});
});
