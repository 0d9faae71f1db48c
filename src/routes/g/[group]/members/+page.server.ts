import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listMemberships } from '$lib/server/membership/memberships';
import { groupComposition } from '$lib/server/membership/composition';
import { unrepresentedMemberships } from '$lib/server/membership/representatives';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import type { PageServerLoad } from './$types';

// A public record to read: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const officer = allows(await rolesOf(db, locals.user, group.id), 'application.review');
	const [memberships, composition, unrepresented] = await Promise.all([
		listMemberships(db, group.id),
		groupComposition(db, group.id),
		// Officers alone see which members have nobody acting for them (never who does).
		officer ? unrepresentedMemberships(db, group.id) : ([] as string[])
	]);
	const shown = memberships.map((m) => ({
		id: m.id,
		applicationId: m.applicationId,
		organisationName: m.organisationName,
		category: m.category,
		startedAt: m.startedAt,
		endedAt: m.endedAt,
		endedBy: m.endedBy,
		endReason: m.endReason
	}));
	return {
		current: shown.filter((m) => !m.endedAt),
		former: shown.filter((m) => m.endedAt),
		composition,
		unrepresented
	};
};
