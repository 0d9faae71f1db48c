import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createGroup, listGroupsAfter, publicGroup } from '$lib/server/groups/groups';
import {
	apiHandler,
	decodeCursor,
	limitOf,
	page,
	publicRead,
	readJson
} from '$lib/server/http/api';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Every group, in slug order: `{ items, next }` (JSON) or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const limit = limitOf(event);
	const rows = await listGroupsAfter(
		await getDb(),
		decodeCursor(event.url.searchParams.get('cursor')),
		limit
	);
	const body = page(event, rows.map(publicGroup), limit, (g) => g.slug);
	return publicRead(event, body, body.items);
});

/** Site admin: `{ slug, name, institution, purpose, membershipOpen, timeZone? }` → 201 group. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const group = await createGroup(await getDb(), actorOf(event), await readJson(event));
	return json(publicGroup(group), {
		status: 201,
		headers: { location: `/api/v1/groups/${group.slug}` }
	});
});
