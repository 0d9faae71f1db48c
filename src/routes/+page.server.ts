import { getDb } from '$lib/server/db';
import { listGroups } from '$lib/server/groups/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const groups = await listGroups(await getDb());
	return {
		groups: groups.map(({ slug, name, institution, membershipOpen }) => ({
			slug,
			name,
			institution,
			membershipOpen
		}))
	};
};
