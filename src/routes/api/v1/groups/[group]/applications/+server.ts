import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import {
	apiHandler,
	decodeCursor,
	limitOf,
	page,
	publicRead,
	readJson
} from '$lib/server/http/api';
import { applyForMembership } from '$lib/server/membership/apply';
import { listCategories } from '$lib/server/membership/categories';
import {
	listApplications,
	publicApplicationOf,
	registerCursor,
	registerFilterOf
} from '$lib/server/membership/register';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** The public register: every application, newest first; `?outcome=&category=&year=` filter it. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event);
	const filter = registerFilterOf(event.url.searchParams, await listCategories(db, group.id));
	const rows = await listApplications(db, group.id, filter, {
		cursor: decodeCursor(event.url.searchParams.get('cursor')),
		limit
	});
	const body = page(event, rows, limit, registerCursor);
	return publicRead(event, body, body.items);
});

/** Signed in: `{ organisation: { name, category, website?, area, description }, contact: { name, email }, statement }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await applyForMembership(
		db,
		actorOf(event),
		event.params.group,
		await readJson(event),
		{ locale: event.locals.locale }
	);
	return json(await publicApplicationOf(db, app), {
		status: 201,
		headers: { location: `/api/v1/groups/${event.params.group}/applications/${app.id}` }
	});
});
