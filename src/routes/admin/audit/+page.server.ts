import { getDb } from '$lib/server/db';
import { siteAuditTrail } from '$lib/server/audit-trail';
import { signedInActor } from '$lib/server/http/actor';
import { auditPageData } from '$lib/server/http/audit-page';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => ({
	...(await auditPageData(event, async (query) =>
		siteAuditTrail(await getDb(), signedInActor(event), query)
	)),
	group: event.url.searchParams.get('group') ?? undefined // the group filter's choice
});
