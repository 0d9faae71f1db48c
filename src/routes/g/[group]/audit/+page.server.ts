import { getDb } from '$lib/server/db';
import { groupAuditTrail } from '$lib/server/audit-trail';
import { signedInActor } from '$lib/server/http/actor';
import { orPageError } from '$lib/server/http/page';
import type { PageServerLoad } from './$types';

// A record to read: no JavaScript needed (the filter is a GET form).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const query = Object.fromEntries(event.url.searchParams);
	const trail = await orPageError(
		event,
		groupAuditTrail(await getDb(), signedInActor(event), event.params.group, query)
	);
	return {
		...trail,
		entries: trail.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
		action: query.action,
		paged: 'before' in query
	};
};
