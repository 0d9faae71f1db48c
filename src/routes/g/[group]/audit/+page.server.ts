import { getDb } from '$lib/server/db';
import { groupAuditTrail } from '$lib/server/audit-trail';
import { signedInActor } from '$lib/server/http/actor';
import { auditPageData } from '$lib/server/http/audit-page';
import type { PageServerLoad } from './$types';

// A record to read: no JavaScript needed (the filter is a GET form).
export const csr = false;

export const load: PageServerLoad = async (event) =>
	auditPageData(event, async (query) =>
		groupAuditTrail(await getDb(), signedInActor(event), event.params.group, query)
	);
