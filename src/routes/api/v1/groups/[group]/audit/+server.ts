import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { groupAuditTrail } from '$lib/server/audit-trail';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, limitOf } from '$lib/server/http/api';
import { auditPage } from '$lib/server/http/audit-page';
import type { RequestHandler } from './$types';

/** The group's audit trail, newest first, for its officers: `?action=`, `?before=`, `?limit=`. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const trail = await groupAuditTrail(
		await getDb(),
		actorOf(event),
		event.params.group,
		Object.fromEntries(event.url.searchParams),
		limitOf(event, 200)
	);
	return json(auditPage(event, trail), { headers: { 'cache-control': 'private, no-store' } });
});
