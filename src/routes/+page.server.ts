import { getDb } from '$lib/server/db';
import { listGroups } from '$lib/server/groups/groups';
import { liveNow } from '$lib/server/meetings/live-now';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDb();
	const [groups, live] = await Promise.all([listGroups(db), liveNow(db)]);
	return {
		liveNow: live,
		groups: groups.map(({ slug, name, institution, membershipOpen }) => ({
			slug,
			name,
			institution,
			membershipOpen
		}))
	};
};
