import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { siteAuditTrail } from '$lib/server/audit-trail';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, limitOf } from '$lib/server/http/api';
import { auditPage } from '$lib/server/http/audit-page';
import type { RequestHandler } from './$types';

/**
 * Every audit entry, newest first, for site administrators: `?group=<slug>` (or `site`),
 * `?action=`, `?before=`, `?limit=`.
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const trail = await siteAuditTrail(
		await getDb(),
		actorOf(event),
		Object.fromEntries(event.url.searchParams),
		limitOf(event, 200)
	);
	return json(auditPage(event, trail), { headers: { 'cache-control': 'private, no-store' } });
});
