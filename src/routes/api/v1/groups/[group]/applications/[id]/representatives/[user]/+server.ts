import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { removeRepresentative } from '$lib/server/membership/representatives';
import type { RequestHandler } from './$types';

/** A representative removes another, or leaves (their own id). */
export const DELETE: RequestHandler = apiHandler(async (event) => {
	const { remaining } = await removeRepresentative(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		{ userId: event.params.user }
	);
	return json({ remaining });
});
