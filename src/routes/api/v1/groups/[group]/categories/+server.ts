import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { addCategory, listCategories } from '$lib/server/membership/categories';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

const categoryOf = (c: { id: string; name: string; retiredAt: Date | null }) => ({
	id: c.id,
	name: c.name,
	retired: c.retiredAt !== null
});

/** The kinds of organisation applicants choose from (retired ones marked). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const items = (await listCategories(db, group.id)).map(categoryOf);
	return publicRead(event, { items, next: null }, items);
});

/** Chair: `{ name }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const category = await addCategory(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json(categoryOf(category), { status: 201 });
});
