import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { revokeInvitation } from '$lib/server/membership/invitations';
import type { RequestHandler } from './$types';

/** A representative takes back a pending invitation. */
export const DELETE: RequestHandler = apiHandler(async (event) => {
	const revoked = await revokeInvitation(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		{ invitation: event.params.invitation }
	);
	return json({ id: revoked.id, revokedAt: revoked.revokedAt?.toISOString() ?? null });
});
