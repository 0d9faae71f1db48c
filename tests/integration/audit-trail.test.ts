import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { groupAuditTrail, siteAuditTrail } from '$lib/server/audit-trail';
import { appointOfficer } from '$lib/server/groups/officers';
import { isDomainError } from '$lib/server/errors';

async function failure(work: Promise<unknown>) {
	try {
		await work;
	} catch (error) {
		if (isDomainError(error)) return error;
		throw error;
	}
	throw new Error('expected a DomainError');
}

// Issue 16: the audit trail was written but nobody could read it. Officers read their group's,
// the site administrator everything; nobody else, and no officer another group's.
describeOnEachDatabase('reading the audit trail', (handle) => {
	it('shows a group’s changes to its officers, newest first, by name, and to nobody else', async () => {
		const db = handle().db;
		const { admin, chair, secretary, group } = await makeGroupWithOfficers(db);
		await makeMember(db, group.slug, chair, 'Harbour Tenants');
		const viceChair = await makeUser(db, { displayName: 'Vice Chair Person' });
		await appointOfficer(db, actorOf(admin), group.slug, {
			email: viceChair.email,
			role: 'vice_chair'
		});

		for (const reader of [chair, secretary, viceChair, admin]) {
			const trail = await groupAuditTrail(db, actorOf(reader), group.slug, {});
			expect(trail.entries[0].action).toBe('officer.appoint');
			expect(trail.entries[0].actor).toBe(admin.displayName);
			const ids = trail.entries.map((e) => e.id);
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
			expect(trail.entries.every((e) => e.group === group.slug)).toBe(true);
			expect(trail.actions).toEqual(
				expect.arrayContaining(['application.submit', 'officer.appoint'])
			);
		}

		const member = await makeUser(db);
		expect((await failure(groupAuditTrail(db, actorOf(member), group.slug, {}))).code).toBe(
			'not_allowed'
		);
		expect((await failure(groupAuditTrail(db, actorOf(null), group.slug, {}))).code).toBe(
			'not_signed_in'
		);
		// Another group's officers read only their own.
		const other = await makeGroupWithOfficers(db);
		expect((await failure(groupAuditTrail(db, actorOf(other.chair), group.slug, {}))).code).toBe(
			'not_allowed'
		);
		const theirs = await groupAuditTrail(db, actorOf(other.chair), other.group.slug, {});
		expect(theirs.entries.every((e) => e.group === other.group.slug)).toBe(true);
	});

	it('filters by action or family and pages back without gaps or repeats', async () => {
		const db = handle().db;
		const { chair, group } = await makeGroupWithOfficers(db);
		for (const name of ['One', 'Two', 'Three']) {
			await makeMember(db, group.slug, chair, `${name} Association`);
		}
		const all = await groupAuditTrail(db, actorOf(chair), group.slug, {}, 1000);
		const family = await groupAuditTrail(db, actorOf(chair), group.slug, { action: 'application' });
		expect(family.entries.length).toBeGreaterThanOrEqual(6); // submitted and reviewed, three times
		expect(family.entries.every((e) => e.action.startsWith('application.'))).toBe(true);
		const exact = await groupAuditTrail(db, actorOf(chair), group.slug, {
			action: 'application.submit'
		});
		expect(exact.entries).toHaveLength(3);

		const seen: number[] = [];
		let before: string | undefined;
		for (;;) {
			const page = await groupAuditTrail(
				db,
				actorOf(chair),
				group.slug,
				before ? { before } : {},
				2
			);
			seen.push(...page.entries.map((e) => e.id));
			if (page.next === null) break;
			before = String(page.next);
		}
		expect(seen).toEqual(all.entries.map((e) => e.id));

		for (const query of [
			{ action: "x'; drop table audit_log" },
			{ before: '-1' },
			{ before: 'x' }
		]) {
			const refused = await failure(groupAuditTrail(db, actorOf(chair), group.slug, query));
			expect(refused.code).toBe('invalid');
		}
	});

	it('shows the site administrator every group’s and the site’s own, and nobody else', async () => {
		const db = handle().db;
		const a = await makeGroupWithOfficers(db);
		const b = await makeGroupWithOfficers(db);
		const everything = await siteAuditTrail(db, actorOf(a.admin), {}, 1000);
		const groupsSeen = new Set(everything.entries.map((e) => e.group));
		expect(groupsSeen).toContain(a.group.slug);
		expect(groupsSeen).toContain(b.group.slug);
		const onlyB = await siteAuditTrail(db, actorOf(a.admin), { group: b.group.slug });
		expect(onlyB.entries.length).toBeGreaterThan(0);
		expect(onlyB.entries.every((e) => e.group === b.group.slug)).toBe(true);
		const site = await siteAuditTrail(db, actorOf(a.admin), { group: 'site' });
		expect(site.entries.every((e) => e.group === null)).toBe(true);
		for (const reader of [a.chair, b.secretary, null]) {
			const refused = await failure(siteAuditTrail(db, actorOf(reader), {}));
			expect(['not_allowed', 'not_signed_in']).toContain(refused.code);
		}
	});
});
