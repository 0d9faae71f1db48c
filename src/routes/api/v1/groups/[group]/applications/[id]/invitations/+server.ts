import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { inviteRepresentative } from '$lib/server/membership/invitations';
import type { RequestHandler } from './$types';

/** A representative invites someone to act for the organisation: `{ email }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { invitation, path } = await inviteRepresentative(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(
		{
			id: invitation.id,
			email: invitation.email,
			expiresAt: invitation.expiresAt.toISOString(),
			link: `${event.url.origin}${path}`
		},
		{ status: 201, headers: { 'cache-control': 'private, no-store' } }
	);
});
