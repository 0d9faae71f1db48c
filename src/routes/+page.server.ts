import { getDb } from '$lib/server/db';
import { listGroups } from '$lib/server/groups/groups';
import { liveNow } from '$lib/server/meetings/live-now';
import type { PageServerLoad } from './$types';

/** A page to read: links and no forms, so no JavaScript (docs/performance.md, Lighthouse). */
export const csr = false;

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
