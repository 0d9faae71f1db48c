import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { appointOfficer, listOfficers } from '$lib/server/groups/officers';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Every appointment, past and present: a public record. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const items = (await listOfficers(db, group.id)).map((o) => ({
		id: o.id,
		role: o.role,
		displayName: o.displayName,
		appointedBy: o.appointedBy,
		appointedAt: o.appointedAt.toISOString(),
		endedAt: o.endedAt?.toISOString() ?? null,
		endedHow: o.endedHow,
		endReason: o.endReason
	}));
	return publicRead(event, { items, next: null }, items);
});

/**
 * Appoint: `{ email, role, termEndsOn? }`; a chair by the site admin, a vice-chair or secretary
 * by the chair or site admin.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const appointment = await appointOfficer(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json(
		{
			id: appointment.id,
			role: appointment.role,
			displayName: appointment.displayName,
			appointedAt: appointment.appointedAt.toISOString(),
			endedAt: appointment.endedAt?.toISOString() ?? null
		},
		{ status: 201 }
	);
});
