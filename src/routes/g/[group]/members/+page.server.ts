import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listMemberships } from '$lib/server/membership/memberships';
import { groupComposition } from '$lib/server/membership/composition';
import type { PageServerLoad } from './$types';

// A public record to read: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const [memberships, composition] = await Promise.all([
		listMemberships(db, group.id),
		groupComposition(db, group.id)
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
		composition
	};
};
