import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { viewRepresentatives } from '$lib/server/membership/representation';
import type { RequestHandler } from './$types';

/**
 * The organisation's representatives and pending invitations: for them and the group's officers
 * who review applications (private, never cached).
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const { people, invitations } = await viewRepresentatives(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id
	);
	return json(
		{
			items: people.map((p) => ({ ...p, addedAt: p.addedAt.toISOString() })),
			invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
			next: null
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
});
