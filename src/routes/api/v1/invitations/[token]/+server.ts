import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { acceptInvitation } from '$lib/server/membership/invitations';
import type { RequestHandler } from './$types';

/** The signed-in account the invitation was sent to accepts it: `{}`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const accepted = await acceptInvitation(await getDb(), actorOf(event), {
		token: event.params.token
	});
	return json({
		applicationId: accepted.applicationId,
		group: accepted.groupSlug,
		organisation: accepted.organisationName
	});
});
