import { getDb } from '$lib/server/db';
import { siteAuditTrail } from '$lib/server/audit-trail';
import { signedInActor } from '$lib/server/http/actor';
import { orPageError } from '$lib/server/http/page';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	const query = Object.fromEntries(event.url.searchParams);
	const trail = await orPageError(
		event,
		siteAuditTrail(await getDb(), signedInActor(event), query)
	);
	return {
		...trail,
		entries: trail.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
		action: query.action,
		paged: 'before' in query,
		group: query.group
	};
};
