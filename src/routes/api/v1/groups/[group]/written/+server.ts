import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { askInWriting } from '$lib/server/written/ask';
import { getWritten, listWritten } from '$lib/server/written/read';
import type { RequestHandler } from './$types';

/** The group's written questions and answers: `{ items, next: null }` or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const items = await listWritten(db, await getGroup(db, event.params.group));
	return publicRead(event, { items, next: null }, items);
});

/** A member organisation's representative (or an officer): `{ text, membershipId? }` → 201. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const { group } = event.params;
	const asked = await askInWriting(db, actorOf(event), group, await readJson(event));
	return json(await getWritten(db, await getGroup(db, group), asked.id), {
		status: 201,
		headers: { location: `/api/v1/groups/${group}/written/${asked.id}` }
	});
});
