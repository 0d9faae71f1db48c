import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listOfficers } from '$lib/server/groups/officers';
import { renderMarkdown } from '$lib/server/markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const officers = await listOfficers(db, group.id, { currentOnly: true });
	return {
		purposeHtml: renderMarkdown(group.purpose),
		officers: officers.map(({ id, role, displayName }) => ({ id, role, displayName }))
	};
};
