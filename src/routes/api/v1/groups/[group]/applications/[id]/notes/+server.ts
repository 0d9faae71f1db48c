import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { authorise } from '$lib/server/auth/authorise';
import { apiHandler, readJson } from '$lib/server/http/api';
import { findApplication } from '$lib/server/membership/common';
import { addPrivateNote, listPrivateNotes } from '$lib/server/membership/review';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

const noteOf = (n: { id: string; body: string; createdAt: Date; author?: string | null }) => ({
	id: n.id,
	body: n.body,
	author: n.author ?? null,
	createdAt: n.createdAt.toISOString()
});

/** Chair or secretary: the private notes on an application (never cached, never public). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	await authorise(db, actorOf(event), 'application.review', group.id);
	const app = await findApplication(db, group.id, event.params.id);
	const items = (await listPrivateNotes(db, app.id)).map(noteOf);
	return json({ items, next: null }, { headers: { 'cache-control': 'private, no-store' } });
});

/** Chair or secretary: `{ body }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const note = await addPrivateNote(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(noteOf(note), { status: 201 });
});
